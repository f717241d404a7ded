// Interned strings for the in-memory Dataset: each distinct text is stored once, back to
// back in one buffer, and named by a 32-bit id. A million events naming thirty distinct
// details and a handful of staff ids then cost 4 bytes a field instead of a std::string
// (32 bytes plus a heap block). The dedupe table exists only while rows are added;
// seal() drops it once the Dataset is indexed, and intern() rebuilds it if needed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

class TextPool {
  public:
    TextPool();

    // The id of `text`, adding it when it is new. Id 0 is always "".
    uint32_t intern(std::string_view text);
    // Views stay valid until the next intern() of a new text.
    std::string_view operator[](uint32_t id) const {
        return {chars_.data() + begin_[id], begin_[id + 1] - begin_[id]};
    }
    size_t size() const { return begin_.size() - 1; }
    // Frees the dedupe table and spare capacity; the texts stay readable.
    void seal();
    size_t memory_bytes() const;

  private:
    void rehash(size_t slot_count);

    std::string chars_;
    std::vector<uint32_t> begin_;  // text id is chars_[begin_[id], begin_[id + 1])
    std::vector<uint32_t> slots_;  // open addressing: id + 1, 0 = empty
};

}  // namespace core

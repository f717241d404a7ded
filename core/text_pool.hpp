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
    // Adds `text` under a new id without looking for an existing copy: for a patched
    // Dataset (dataset_patch.cpp), whose caller dedupes the few texts it adds, so that a
    // sealed pool's dedupe table is not rebuilt over every text for one edit.
    uint32_t append(std::string_view text);
    // Room for `bytes` more characters and `texts` more ids: appends within it do not
    // move the characters (a copied pool is exactly full).
    void reserve_more(size_t bytes, size_t texts);
    // Views stay valid until the next intern() of a new text.
    std::string_view operator[](uint32_t id) const {
        return {chars_.data() + begin_[id], begin_[id + 1] - begin_[id]};
    }
    size_t size() const { return begin_.size() - 1; }
    // Where a view into this pool starts, or npos when it views something else.
    size_t offset_of(std::string_view view) const {
        if (view.empty() || view.data() < chars_.data() ||
            view.data() >= chars_.data() + chars_.size())
            return std::string_view::npos;
        return static_cast<size_t>(view.data() - chars_.data());
    }
    // The text at `offset` of `length` bytes (offset_of's inverse, for a pool copied
    // from the one the offset came from: the same texts at the same places).
    std::string_view at_offset(size_t offset, size_t length) const {
        return {chars_.data() + offset, length};
    }
    // Frees the dedupe table and spare capacity; the texts stay readable.
    void seal();
    size_t memory_bytes() const;

  private:
    friend class DatasetImage;  // dataset_image.cpp
    void rehash(size_t slot_count);

    std::string chars_;
    std::vector<uint32_t> begin_;  // text id is chars_[begin_[id], begin_[id + 1])
    std::vector<uint32_t> slots_;  // open addressing: id + 1, 0 = empty
};

}  // namespace core

#include "core/text_pool.hpp"

#include <functional>
#include <stdexcept>

#include "core/release.hpp"

namespace core {

TextPool::TextPool() : begin_{0, 0} {}

void TextPool::rehash(size_t slot_count) {
    slots_.assign(slot_count, 0);
    const size_t mask = slot_count - 1;
    for (uint32_t id = 0; id < size(); ++id) {
        size_t s = std::hash<std::string_view>{}((*this)[id]) & mask;
        while (slots_[s] != 0) s = (s + 1) & mask;
        slots_[s] = id + 1;
    }
}

uint32_t TextPool::intern(std::string_view text) {
    if (text.empty()) return 0;
    // Keep the table at most half full; a power of two so a mask picks the slot.
    if (slots_.size() < 2 * (size() + 1)) {
        size_t n = 64;
        while (n < 4 * (size() + 1)) n *= 2;
        rehash(n);
    }
    const size_t mask = slots_.size() - 1;
    size_t s = std::hash<std::string_view>{}(text)&mask;
    for (; slots_[s] != 0; s = (s + 1) & mask)
        if ((*this)[slots_[s] - 1] == text) return slots_[s] - 1;
    if (chars_.size() + text.size() > UINT32_MAX)
        throw std::length_error("text pool: more than 4 GB of distinct text");
    const auto id = static_cast<uint32_t>(size());
    chars_.append(text);
    begin_.push_back(static_cast<uint32_t>(chars_.size()));
    slots_[s] = id + 1;
    return id;
}

uint32_t TextPool::append(std::string_view text) {
    if (text.empty()) return 0;
    if (!slots_.empty()) return intern(text);  // keep a live dedupe table whole
    if (chars_.size() + text.size() > UINT32_MAX)
        throw std::length_error("text pool: more than 4 GB of distinct text");
    const auto id = static_cast<uint32_t>(size());
    chars_.append(text);
    begin_.push_back(static_cast<uint32_t>(chars_.size()));
    return id;
}

void TextPool::reserve_more(size_t bytes, size_t texts) {
    chars_.reserve(chars_.size() + bytes);
    begin_.reserve(begin_.size() + texts);
}

void TextPool::seal() {
    release(slots_);
    chars_.shrink_to_fit();
    begin_.shrink_to_fit();
}

size_t TextPool::memory_bytes() const {
    return chars_.capacity() + begin_.capacity() * sizeof(uint32_t) +
           slots_.capacity() * sizeof(uint32_t);
}

}  // namespace core

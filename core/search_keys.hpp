// One searchable field of the quick lookup (pupil refs, initials, names or school
// names) as an immutable in-memory index: the distinct lower-cased keys in sorted order
// with the items (pupils or schools) that carry each, and a suffix array over the keys.
// A prefix query is a binary search over the sorted keys; a substring query is a binary
// search over the suffixes. Both return contiguous ranges, so a query costs
// O(m log n) however many pupils there are, and a caller walks only as much of a range
// as it shows. Distinct keys keep it small: 100k pupils share a few hundred initials.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

// How a field's text and a query are lower-cased and reduced before they are compared.
enum class KeyForm : uint8_t {
    alnum,    // letters and digits only: refs ("P-00012" -> "p00012")
    letters,  // letters only: initials ("A.B." -> "ab")
    words,    // words separated by one space (hyphens and commas separate too,
              // apostrophes vanish): names, school names
};
// The normalised key of `text` (ASCII lower-casing; other bytes pass through unchanged).
std::string normalise_key(std::string_view text, KeyForm form);

// Which suffixes of a key a substring query can start at.
enum class SuffixStarts : uint8_t {
    any,    // every position after the first: true substring search
    words,  // only where a word starts: "ashd" finds "kit ashdown", "shd" does not
};

class KeyTable {
  public:
    using Range = std::pair<uint32_t, uint32_t>;  // [first, last) into keys or suffixes

    KeyTable() = default;
    // `keys[i]` is item i's key, already normalised; an empty key is not indexed.
    KeyTable(const std::vector<std::string>& keys, SuffixStarts starts);

    size_t key_count() const { return key_begin_.empty() ? 0 : key_begin_.size() - 1; }
    std::string_view key(uint32_t k) const {
        return {text_.data() + key_begin_[k], key_begin_[k + 1] - key_begin_[k]};
    }
    // Items carrying key k, ascending.
    std::span<const uint32_t> items(uint32_t k) const {
        if (item_begin_.empty()) return {items_.data() + k, 1};  // one item per key
        return {items_.data() + item_begin_[k], item_begin_[k + 1] - item_begin_[k]};
    }
    // Key of an item, or kNoKey when its text was empty.
    static constexpr uint32_t kNoKey = UINT32_MAX;
    uint32_t key_of(uint32_t item) const {
        if (identity_) return item < items_.size() ? item : kNoKey;
        return item < key_of_.size() ? key_of_[item] : kNoKey;
    }

    // Keys starting with `query`, in key order (an exact match, if any, comes first).
    Range prefix(std::string_view query) const;
    // Suffixes (not at a key's start) starting with `query`, in suffix order.
    Range substring(std::string_view query) const;
    uint32_t suffix_key(uint32_t s) const { return suffixes_[s] >> kOffsetBits; }

    size_t memory_bytes() const;

  private:
    void drop_identity_maps();
    static constexpr unsigned kOffsetBits = 8;  // a suffix is (key << 8) | offset
    std::string_view suffix(uint32_t s) const {
        const std::string_view k = key(suffixes_[s] >> kOffsetBits);
        return k.substr(suffixes_[s] & ((1u << kOffsetBits) - 1));
    }

    std::string text_;                 // the sorted distinct keys, back to back
    std::vector<uint32_t> key_begin_;  // key k is text_[key_begin_[k], key_begin_[k + 1])
    // Items of key k: items_[item_begin_[k], item_begin_[k + 1]). Pupil refs are unique,
    // so for them (one item per key) item_begin_ is left empty and key k's item is
    // items_[k]; when moreover item i has key i (refs in the store's key order) key_of_
    // is left empty too. That saves 0.8 MB of 100k pupils' index.
    std::vector<uint32_t> item_begin_;
    std::vector<uint32_t> items_;
    std::vector<uint32_t> key_of_;  // per item
    bool identity_ = false;
    std::vector<uint32_t> suffixes_;  // sorted by suffix text, then key
};

}  // namespace core

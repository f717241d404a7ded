// One searchable field: sorted distinct keys and their suffix array (see search_keys.hpp).
#include "core/search_keys.hpp"

#include <algorithm>
#include <array>

#include "core/release.hpp"

namespace core {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// The first eight bytes of `s`, big-endian, zero-padded: comparing two of these orders
// their strings as far as they go, so most suffix comparisons are one integer compare.
uint64_t head(std::string_view s) {
    uint64_t h = 0;
    for (size_t i = 0; i < 8; ++i)
        h = (h << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
    return h;
}

// Sorts by `head` (LSD radix sort, a byte per pass, passes where every entry has the
// same byte skipped), stable: entries with equal heads keep their input order. A
// comparison sort of 600k suffixes takes ~150 ms; this takes a few.
struct HeadEntry {
    uint64_t head;
    uint32_t value;
};
void radix_sort(std::vector<HeadEntry>& entries) {
    std::vector<HeadEntry> buffer(entries.size());
    for (unsigned shift = 0; shift < 64; shift += 8) {
        std::array<uint32_t, 257> count{};
        for (const HeadEntry& e : entries) ++count[((e.head >> shift) & 0xff) + 1];
        if (std::any_of(count.begin() + 1, count.end(),
                        [&](uint32_t c) { return c == entries.size(); }))
            continue;
        for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
        for (const HeadEntry& e : entries) buffer[count[(e.head >> shift) & 0xff]++] = e;
        entries.swap(buffer);
    }
}

// After radix_sort, orders each run of equal heads by `less` where the heads do not
// decide (a string longer than eight bytes: `text` gives an entry's), keeping the
// input order among equals. Keys hold no NUL byte, so equal heads of short strings
// mean equal strings.
template <class Text, class Less>
void settle_ties(std::vector<HeadEntry>& entries, Text text, Less less) {
    for (size_t begin = 0; begin < entries.size();) {
        size_t end = begin + 1;
        bool long_text = text(entries[begin]).size() > 8;
        for (; end < entries.size() && entries[end].head == entries[begin].head; ++end)
            long_text = long_text || text(entries[end]).size() > 8;
        if (long_text && end - begin > 1)
            std::stable_sort(entries.begin() + static_cast<long>(begin),
                             entries.begin() + static_cast<long>(end), less);
        begin = end;
    }
}

// Three-way comparison of the first query.size() bytes of `s` with `query`.
int compare_prefix(std::string_view s, std::string_view query) {
    return s.substr(0, query.size()).compare(query);
}

}  // namespace

std::string normalise_key(std::string_view text, KeyForm form) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char raw : text) {
        const char c = lower(raw);
        const bool non_ascii = static_cast<unsigned char>(c) >= 0x80;
        switch (form) {
            case KeyForm::alnum:
                if (is_alnum(c) || non_ascii) out += c;
                break;
            case KeyForm::letters:
                if ((c >= 'a' && c <= 'z') || non_ascii) out += c;
                break;
            case KeyForm::words:
                // Apostrophes vanish ("St Mary's" = "st marys"); hyphens and commas
                // separate words like spaces ("Orchard-Vale" finds "vale").
                if (c == '\'') break;
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == ',') {
                    space = !out.empty();
                } else {
                    if (space) out += ' ';
                    space = false;
                    out += c;
                }
                break;
        }
    }
    return out;
}

KeyTable::KeyTable(const std::vector<std::string>& keys, SuffixStarts starts)
    : key_of_(keys.size(), kNoKey) {
    // Distinct keys in sorted order; a key's items stay ascending (stable sort).
    std::vector<HeadEntry> sorted;
    sorted.reserve(keys.size());
    for (uint32_t i = 0; i < keys.size(); ++i)
        if (!keys[i].empty()) sorted.push_back({head(keys[i]), i});
    radix_sort(sorted);
    auto key_text = [&](const HeadEntry& e) { return std::string_view(keys[e.value]); };
    settle_ties(sorted, key_text,
                [&](const HeadEntry& a, const HeadEntry& b) { return key_text(a) < key_text(b); });
    std::vector<uint32_t> order;
    order.reserve(sorted.size());
    for (const HeadEntry& e : sorted) order.push_back(e.value);
    release(sorted);

    key_begin_.push_back(0);
    item_begin_.push_back(0);
    items_.reserve(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        const std::string& k = keys[order[i]];
        if (i == 0 || k != keys[order[i - 1]]) {
            if (i > 0) {
                key_begin_.push_back(static_cast<uint32_t>(text_.size()));
                item_begin_.push_back(static_cast<uint32_t>(items_.size()));
            }
            text_ += k;
        }
        key_of_[order[i]] = static_cast<uint32_t>(key_begin_.size() - 1);
        items_.push_back(order[i]);
    }
    if (!order.empty()) {
        key_begin_.push_back(static_cast<uint32_t>(text_.size()));
        item_begin_.push_back(static_cast<uint32_t>(items_.size()));
    }

    // Suffixes after the first byte (the key order already answers prefixes), made in
    // (key, offset) order so that equal suffixes stay in key order through the sort.
    std::vector<HeadEntry> entries;
    constexpr size_t kMaxOffset = (1u << kOffsetBits) - 1;
    for (uint32_t k = 0; k < key_count(); ++k) {
        const std::string_view text = key(k);
        for (size_t offset = 1; offset < std::min(text.size(), kMaxOffset + 1); ++offset) {
            if (starts == SuffixStarts::words && text[offset - 1] != ' ') continue;
            entries.push_back({head(text.substr(offset)), (k << kOffsetBits) | uint32_t(offset)});
        }
    }
    radix_sort(entries);
    auto suffix_text = [&](const HeadEntry& e) {
        return key(e.value >> kOffsetBits).substr(e.value & kMaxOffset);
    };
    settle_ties(entries, suffix_text, [&](const HeadEntry& a, const HeadEntry& b) {
        return suffix_text(a) < suffix_text(b);
    });
    suffixes_.reserve(entries.size());
    for (const HeadEntry& e : entries) suffixes_.push_back(e.value);
    // Built by appending: give back the growth slack, the index lives as long as its
    // snapshot.
    text_.shrink_to_fit();
    key_begin_.shrink_to_fit();
    item_begin_.shrink_to_fit();
    drop_identity_maps();
}

void KeyTable::drop_identity_maps() {
    if (items_.size() != key_count()) return;  // some key has several items
    release(item_begin_);
    bool identity = items_.size() == key_of_.size();
    for (uint32_t i = 0; identity && i < items_.size(); ++i) identity = items_[i] == i;
    if (!identity) return;
    release(key_of_);
    identity_ = true;
}

KeyTable::Range KeyTable::prefix(std::string_view query) const {
    const uint32_t n = static_cast<uint32_t>(key_count());
    uint32_t lo = 0, hi = n;
    while (lo < hi) {  // first key >= query
        const uint32_t mid = lo + (hi - lo) / 2;
        if (key(mid) < query)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t first = lo;
    hi = n;
    while (lo < hi) {  // first key that does not start with query
        const uint32_t mid = lo + (hi - lo) / 2;
        if (compare_prefix(key(mid), query) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return {first, lo};
}

KeyTable::Range KeyTable::substring(std::string_view query) const {
    const uint32_t n = static_cast<uint32_t>(suffixes_.size());
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (compare_prefix(suffix(mid), query) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t first = lo;
    hi = n;
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (compare_prefix(suffix(mid), query) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return {first, lo};
}

size_t KeyTable::memory_bytes() const {
    return text_.capacity() +
           sizeof(uint32_t) * (key_begin_.capacity() + item_begin_.capacity() + items_.capacity() +
                               key_of_.capacity() + suffixes_.capacity());
}

}  // namespace core

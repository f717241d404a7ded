// A file's rows in the order of their primary key, and the duplicate keys that
// ordering brings next to each other. Key order is the table's primary-key order in
// SQLite (text compared as bytes, dates as ISO text), so rows written in it append to
// the B-tree instead of landing at random: half the time of a 100k-row import.
#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/domain.hpp"
#include "db/import/problem.hpp"

namespace db::inbox {

// Text in a key, compared byte by byte as SQLite's BINARY collation does. Keys are
// short (references, dates, codes): an inline loop beats a call to memcmp there.
struct KeyText {
    std::string_view text;

    std::strong_ordering operator<=>(const KeyText& other) const {
        size_t common = std::min(text.size(), other.text.size());
        for (size_t i = 0; i < common; ++i) {
            auto a = static_cast<unsigned char>(text[i]),
                 b = static_cast<unsigned char>(other.text[i]);
            if (a != b) return a <=> b;
        }
        return text.size() <=> other.text.size();
    }
    bool operator==(const KeyText& other) const { return text == other.text; }
};

// The place of an enumeration value among its contract spellings sorted as text: keys
// hold enumerations as those spellings, so this orders them as SQLite does.
template <typename Enum>
int text_rank(Enum value, int count) {
    int rank = 0;
    std::string_view name = core::to_string(value);
    for (int i = 0; i < count; ++i) rank += core::to_string(static_cast<Enum>(i)) < name;
    return rank;
}

namespace detail {

// What rows are sorted by first: 16 bytes that never contradict the full key.
// `high` is the first key text's first eight bytes, big-endian and zero-padded.
// `low` holds, in its top byte, that text's length (9 for "longer than 8"), and below
// it the caller's tie word, which orders the rest of the key but counts only when the
// first texts are equal and short enough to be wholly in `high`.
struct SortEntry {
    uint64_t high, low;
    uint32_t index;
    bool operator==(const SortEntry& o) const { return high == o.high && low == o.low; }
    bool operator<(const SortEntry& o) const {
        return high != o.high ? high < o.high : low < o.low;
    }
};

SortEntry sort_entry(std::string_view first_text, uint64_t tie, uint32_t index);

// Stable LSD radix sort by (high, low), skipping bytes all entries share (most of
// them, for references like "P00042"). Linear, where comparison sorts of 100k rows
// cost more than the rest of validation.
void radix_sort(std::vector<SortEntry>& entries);

}  // namespace detail

// Indices of `rows` in key order (equal keys by line). `key_of(row)` gives a std::tuple
// whose first part is a KeyText; `tie_of(row)` a number below 2^56 ordered as the rest
// of the key (or 0: then the rest is compared in full). `lines[i]` is the line
// rows[i] came from. Every row whose key an earlier line already had is a problem
// naming that line.
template <typename Row, typename KeyOf, typename TieOf>
std::vector<uint32_t> key_order(const std::vector<Row>& rows, const std::vector<int>& lines,
                                KeyOf key_of, TieOf tie_of, std::string_view key_description,
                                const std::string& file, ProblemList& problems) {
    using Entry = detail::SortEntry;
    std::vector<Entry> entries(rows.size());
    for (uint32_t i = 0; i < rows.size(); ++i)
        entries[i] = detail::sort_entry(std::get<0>(key_of(rows[i])).text, tie_of(rows[i]), i);
    auto compare = [&](const Entry& a, const Entry& b) {
        if (!(a == b)) return a < b ? -1 : 1;
        auto c = key_of(rows[a.index]) <=> key_of(rows[b.index]);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    };
    auto before = [&](const Entry& a, const Entry& b) {
        int c = compare(a, b);
        return c != 0 ? c < 0 : lines[a.index] < lines[b.index];
    };
    // Exports are often sorted already; checking is much cheaper than sorting. Else
    // radix sort (stable: equal entries stay in line order), then order each run of
    // equal entries by the whole key.
    if (!std::is_sorted(entries.begin(), entries.end(), before)) {
        detail::radix_sort(entries);
        for (auto run = entries.begin(); run != entries.end();) {
            auto end =
                std::find_if(run + 1, entries.end(), [&](const Entry& e) { return !(e == *run); });
            if (end - run > 1) std::stable_sort(run, end, before);
            run = end;
        }
    }

    std::vector<uint32_t> order;
    order.reserve(entries.size());
    for (size_t i = 0, first = 0; i < entries.size(); ++i) {
        order.push_back(entries[i].index);
        if (i == 0 || compare(entries[i], entries[first]) != 0) {
            first = i;
            continue;
        }
        problems.push_back({file, lines[entries[i].index], std::string(key_description),
                            "duplicate key: the same " + std::string(key_description) +
                                " as line " + std::to_string(lines[entries[first].index])});
    }
    return order;
}

// key_order() without a tie word: fine for the small kinds.
template <typename Row, typename KeyOf>
std::vector<uint32_t> key_order(const std::vector<Row>& rows, const std::vector<int>& lines,
                                KeyOf key_of, std::string_view key_description,
                                const std::string& file, ProblemList& problems) {
    return key_order(
        rows, lines, key_of, [](const Row&) { return uint64_t{0}; }, key_description, file,
        problems);
}

// `rows` rearranged as `order` says.
template <typename Row>
std::vector<Row> gather(std::vector<Row> rows, const std::vector<uint32_t>& order) {
    std::vector<Row> out;
    out.reserve(order.size());
    for (uint32_t i : order) out.push_back(std::move(rows[i]));
    return out;
}

}  // namespace db::inbox

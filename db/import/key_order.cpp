#include "db/import/key_order.hpp"

#include <array>

namespace db::inbox::detail {
namespace {

// One stable counting-sort pass on the byte of `word` at `shift`; false (and nothing
// moved) when every entry has the same byte there.
template <typename Word>
bool radix_pass(std::vector<SortEntry>& entries, std::vector<SortEntry>& buffer, Word word,
                int shift) {
    std::array<size_t, 257> start{};
    for (const SortEntry& e : entries) ++start[((word(e) >> shift) & 0xFF) + 1];
    if (std::find(start.begin() + 1, start.end(), entries.size()) != start.end()) return false;
    for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    for (const SortEntry& e : entries) buffer[start[(word(e) >> shift) & 0xFF]++] = e;
    entries.swap(buffer);
    return true;
}

}  // namespace

SortEntry sort_entry(std::string_view first_text, uint64_t tie, uint32_t index) {
    uint64_t high = 0;
    for (size_t i = 0; i < 8; ++i)
        high =
            (high << 8) | (i < first_text.size() ? static_cast<unsigned char>(first_text[i]) : 0u);
    // A first text longer than eight bytes is not wholly in `high`: equal `high`s then
    // say nothing about the rest of the key, so the tie word must not order them.
    bool whole = first_text.size() <= 8;
    uint64_t length = whole ? first_text.size() : 9;
    uint64_t low = (length << 56) | (whole ? (tie & ((uint64_t{1} << 56) - 1)) : 0);
    return {high, low, index};
}

void radix_sort(std::vector<SortEntry>& entries) {
    std::vector<SortEntry> buffer(entries.size());
    for (int shift = 0; shift < 64; shift += 8)
        radix_pass(
            entries, buffer, [](const SortEntry& e) { return e.low; }, shift);
    for (int shift = 0; shift < 64; shift += 8)
        radix_pass(
            entries, buffer, [](const SortEntry& e) { return e.high; }, shift);
}

}  // namespace db::inbox::detail

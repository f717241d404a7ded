#include "db/import/row_checker.hpp"

#include <bit>
#include <functional>

#include "core/domain.hpp"

namespace db::inbox {
namespace {

// A header name as a problem's field: names are the user's text, and may be huge.
std::string field_name(std::string_view name) {
    constexpr size_t kLongest = 60;
    return name.size() <= kLongest ? std::string(name) : quoted(name, kLongest);
}

}  // namespace

RowChecker::RowChecker(InboxKind kind, const TextTable& table, const std::string& file,
                       ProblemList& problems)
    : table_(table),
      file_(file),
      problems_(problems),
      specs_(columns_of(kind)),
      header_index_(specs_.size(), -1) {
    report_repeated_names(table.header);
    // One pass over the header, however wide: a later column of a name wins, as a
    // repeated one was a problem already.
    for (size_t i = 0; i < table.header.size(); ++i)
        for (size_t spec = 0; spec < specs_.size(); ++spec)
            if (table.header[i] == specs_[spec].name) header_index_[spec] = static_cast<int>(i);
    for (size_t spec = 0; spec < specs_.size(); ++spec)
        if (header_index_[spec] < 0 && specs_[spec].required)
            problems_.push_back({file_, table.header_line, std::string(specs_[spec].name),
                                 "required column is missing"});
}

void RowChecker::report_repeated_names(const std::vector<std::string>& header) {
    // An open-addressing set of header indices, keyed by name: no allocation per name,
    // and each name's problem is reported once, at its second appearance, however often
    // it repeats (a pair-wise comparison was quadratic in time and in problems).
    size_t capacity = std::bit_ceil(2 * header.size() + 1);
    constexpr uint32_t kEmpty = UINT32_MAX;
    std::vector<uint32_t> slots(capacity, kEmpty);
    std::vector<bool> reported(header.size(), false);
    std::hash<std::string_view> hash;
    for (uint32_t i = 0; i < header.size(); ++i) {
        const std::string& name = header[i];
        if (name.empty()) continue;  // blank headings of trailing empty columns
        size_t slot = hash(name) & (capacity - 1);
        while (slots[slot] != kEmpty && header[slots[slot]] != name)
            slot = (slot + 1) & (capacity - 1);
        if (slots[slot] == kEmpty) {
            slots[slot] = i;
        } else if (!reported[slots[slot]]) {
            reported[slots[slot]] = true;
            problems_.push_back({file_, table_.header_line, field_name(name),
                                 "column appears more than once in the header"});
        }
    }
}

void RowChecker::begin_row(size_t row) {
    row_ = row;
    too_long_.assign(specs_.size(), false);
    for (size_t column = 0; column < specs_.size(); ++column) {
        std::string_view value = text(column);
        size_t limit = max_length(specs_[column].name);
        // Bytes bound characters from above: most cells need no counting.
        if (value.size() <= limit) continue;
        size_t length = utf8_length(value);
        if (length <= limit) continue;
        problem(column, "is " + std::to_string(length) + " characters long; the limit is " +
                            std::to_string(limit));
        too_long_[column] = true;
    }
}

std::string_view RowChecker::text(size_t column) const {
    int index = header_index_[column];
    return index < 0 ? std::string_view{} : table_.cell(row_, static_cast<size_t>(index));
}

std::string_view RowChecker::required(size_t column) {
    std::string_view value = text(column);
    if (!value.empty()) return value;
    // A missing column was reported once, at the header, not again for every row.
    if (header_index_[column] >= 0) problem(column, "required value is empty");
    return value;
}

std::optional<core::Date> RowChecker::date(size_t column, bool is_required) {
    std::string_view raw = is_required ? required(column) : text(column);
    if (raw.empty()) return std::nullopt;
    if (auto parsed = core::parse_date(raw)) return parsed;
    problem(column, quoted(raw) + " is not a date (YYYY-MM-DD or DD/MM/YYYY)");
    return std::nullopt;
}

std::string RowChecker::district(size_t column, bool is_required) {
    std::string_view raw = is_required ? required(column) : text(column);
    if (raw.empty()) return {};
    if (auto canonical = core::canonical_district(raw)) return std::string(*canonical);
    problem(column, quoted(raw) + " is not a Kent district");
    return {};
}

void RowChecker::problem_at(int line, size_t column, std::string reason) {
    problems_.push_back({file_, line, std::string(specs_[column].name), std::move(reason)});
}

void RowChecker::problem(size_t column, std::string reason) {
    if (column < too_long_.size() && too_long_[column]) return;
    problems_.push_back({file_, line(), std::string(specs_[column].name), std::move(reason)});
}

}  // namespace db::inbox

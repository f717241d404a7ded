#include "db/import/row_checker.hpp"

#include "core/domain.hpp"

namespace db::inbox {

RowChecker::RowChecker(InboxKind kind, const TextTable& table, const std::string& file,
                       std::vector<Problem>& problems)
    : table_(table), file_(file), problems_(problems), specs_(columns_of(kind)) {
    for (size_t i = 0; i < table.header.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (!table.header[i].empty() && table.header[i] == table.header[j])
                problems_.push_back({file_, table.header_line, table.header[i],
                                     "column appears twice in the header"});
    for (const ColumnSpec& spec : specs_) {
        int index = -1;
        for (size_t i = 0; i < table.header.size(); ++i)
            if (table.header[i] == spec.name) index = static_cast<int>(i);
        header_index_.push_back(index);
        if (index < 0 && spec.required)
            problems_.push_back(
                {file_, table.header_line, std::string(spec.name), "required column is missing"});
    }
}

void RowChecker::begin_row(size_t row) {
    row_ = row;
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
    problems_.push_back({file_, line(), std::string(specs_[column].name), std::move(reason)});
}

}  // namespace db::inbox

// Reading one inbox row as typed values, recording a Problem for every cell that is
// wrong instead of stopping at the first: the per-kind validators are written in
// terms of this. Columns are named by their index in columns_of(kind). Every cell is
// held to its column's length limit (max_length()) here, once, for all kinds.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "db/import/key_order.hpp"
#include "db/import/kinds.hpp"
#include "db/import/problem.hpp"
#include "db/import/references.hpp"
#include "db/import/text_table.hpp"

namespace db::inbox {

class RowChecker {
  public:
    // Checks the header at once: a missing required column or a column named twice is
    // a problem (reported once per name, at the header's line). Linear in the header's
    // width: a hostile file may have 100,000 columns.
    RowChecker(InboxKind kind, const TextTable& table, const std::string& file,
               ProblemList& problems);

    size_t row_count() const { return table_.row_count(); }
    // Moves to `row` and checks the length of each of its cells.
    void begin_row(size_t row);
    int line() const { return table_.line(row_); }

    // The trimmed text of a cell, "" when empty or when the file lacks the column.
    std::string_view text(size_t column) const;
    // As text(), with a problem when it is empty.
    std::string_view required(size_t column);
    // Empty optional cells give nullopt; a bad or impossible date is a problem.
    std::optional<core::Date> date(size_t column, bool is_required = true);
    // Canonical district spelling; "" for an empty optional cell.
    std::string district(size_t column, bool is_required = true);
    // An enumeration value by its contract name, matched as normalise_name() spells it.
    // `names` lists the allowed spellings for the problem text.
    template <typename Enum, typename Parse>
    std::optional<Enum> choice(size_t column, Parse parse, std::string_view what,
                               std::string_view names, bool is_required = true) {
        std::string_view raw = is_required ? required(column) : text(column);
        if (raw.empty()) return std::nullopt;
        // parse() ignores case; normalising (and its allocation) is for "Specialist Teacher".
        if (auto value = parse(raw)) return value;
        if (auto value = parse(normalise_name(raw))) return value;
        problem(column,
                quoted(raw) + " is not " + std::string(what) + " (" + std::string(names) + ")");
        return std::nullopt;
    }

    // A problem with a cell of the current row; none when that cell is already over
    // its length limit (that is what is wrong with it, and its text is not worth quoting).
    void problem(size_t column, std::string reason);

    // A problem on another row than the current one (checks made after sorting).
    void problem_at(int line, size_t column, std::string reason);

    // key_order() (key_order.hpp) reporting duplicates as this file's problems.
    template <typename Row, typename KeyOf, typename TieOf>
    std::vector<uint32_t> key_order(const std::vector<Row>& rows, const std::vector<int>& lines,
                                    KeyOf key_of, TieOf tie_of, std::string_view key_description);
    // `rows` reordered by key_order(): the order that writes fastest.
    template <typename Row, typename KeyOf>
    std::vector<Row> in_key_order(std::vector<Row> rows, const std::vector<int>& lines,
                                  KeyOf key_of, std::string_view key_description);

    static std::string quoted(std::string_view value) { return db::quoted(value); }

  private:
    void report_repeated_names(const std::vector<std::string>& header);

    const TextTable& table_;
    const std::string& file_;
    ProblemList& problems_;
    std::span<const ColumnSpec> specs_;
    std::vector<int> header_index_;  // per spec column: index in table_.header or -1
    size_t row_ = 0;
    std::vector<bool> too_long_;  // per spec column: the current row's cell is over its limit
};

// "a, b, c" of an enumeration's contract names, for problem texts.
template <typename Enum>
std::string names_of(int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        std::string_view name = core::to_string(static_cast<Enum>(i));
        if (name.empty()) continue;
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

template <typename Row, typename KeyOf, typename TieOf>
std::vector<uint32_t> RowChecker::key_order(const std::vector<Row>& rows,
                                            const std::vector<int>& lines, KeyOf key_of,
                                            TieOf tie_of, std::string_view key_description) {
    return inbox::key_order(rows, lines, key_of, tie_of, key_description, file_, problems_);
}

template <typename Row, typename KeyOf>
std::vector<Row> RowChecker::in_key_order(std::vector<Row> rows, const std::vector<int>& lines,
                                          KeyOf key_of, std::string_view key_description) {
    auto order = inbox::key_order(rows, lines, key_of, key_description, file_, problems_);
    return gather(std::move(rows), order);
}

}  // namespace db::inbox

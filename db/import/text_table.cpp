#include "db/import/text_table.hpp"

#include <stdexcept>

namespace db::inbox {

std::string_view TextTable::cell(size_t row, size_t column) const {
    const Row& r = rows_[row];
    if (column >= r.cell_count) return {};
    const Span& s = cells_[r.first_cell + column];
    return std::string_view(text_).substr(s.offset, s.size);
}

void TextTable::reserve(size_t input_bytes) {
    text_.reserve(input_bytes);
    // Guesses from typical inbox rows (about 45 bytes, 5 cells): over-reserving costs
    // untouched address space only.
    cells_.reserve(input_bytes / 8);
    rows_.reserve(input_bytes / 32);
}

void TextTable::start_row(int line) {
    rows_.push_back(Row{line, static_cast<uint32_t>(cells_.size()), 0});
}

void TextTable::set_cell(size_t column, std::string_view value) {
    if (rows_.empty()) throw std::logic_error("TextTable::set_cell before start_row");
    value = trim(value);
    if (text_.size() + value.size() > UINT32_MAX)
        throw std::length_error("inbox file larger than 4 GiB");
    Row& row = rows_.back();
    while (row.cell_count <= column) {
        cells_.push_back(Span{});
        ++row.cell_count;
    }
    cells_[row.first_cell + column] =
        Span{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(value.size())};
    text_.append(value);
}

void TextTable::append_cell(std::string_view value) {
    value = trim(value);
    if (text_.size() + value.size() > UINT32_MAX)
        throw std::length_error("inbox file larger than 4 GiB");
    cells_.push_back(
        Span{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(value.size())});
    ++rows_.back().cell_count;
    text_.append(value);
}

void TextTable::drop_last_row() {
    // The dropped row's text stays in the buffer: harmless, and cheaper than moving.
    cells_.resize(rows_.back().first_cell);
    rows_.pop_back();
}

bool TextTable::last_row_is_blank() const {
    const Row& row = rows_.back();
    for (uint32_t i = 0; i < row.cell_count; ++i)
        if (cells_[row.first_cell + i].size != 0) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string normalise_name(std::string_view s) {
    s = trim(s);
    std::string out;
    out.reserve(s.size());
    bool pending_separator = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '-') {
            pending_separator = true;
            continue;
        }
        if (pending_separator) out += '_';
        pending_separator = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace db::inbox

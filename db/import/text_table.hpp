// A decoded inbox file before any meaning is given to it: a header of normalised
// column names and rows of trimmed text cells, each row knowing the physical line it
// starts on. The CSV and JSON readers both produce one; validation reads only this.
// Cells live in one buffer (no allocation per cell): 100k-row files are the norm.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace db::inbox {

class TextTable {
  public:
    std::vector<std::string> header;  // normalised names, see normalise_name()
    int header_line = 1;              // where problems about whole columns point

    size_t row_count() const { return rows_.size(); }
    int line(size_t row) const { return rows_[row].line; }
    size_t cell_count(size_t row) const { return rows_[row].cell_count; }
    // "" for a cell the row does not have.
    std::string_view cell(size_t row, size_t column) const;

    // Building. Cells of the open row may be set in any order; unset ones are "".
    // reserve() takes the input's size, to grow the buffers once rather than often.
    void reserve(size_t input_bytes);
    void start_row(int line);
    void set_cell(size_t column, std::string_view value);  // trims the value
    // set_cell(cell_count(last row), value), for readers that meet cells in order.
    void append_cell(std::string_view value);
    void drop_last_row();
    bool last_row_is_blank() const;

  private:
    struct Row {
        int line;
        uint32_t first_cell, cell_count;
    };
    struct Span {
        uint32_t offset = 0, size = 0;
    };
    std::vector<Row> rows_;
    std::vector<Span> cells_;
    std::string text_;
};

// Surrounding ASCII white space removed.
std::string_view trim(std::string_view s);
// What people type for a name becomes the contract's spelling: trimmed, lower case,
// runs of spaces and '-' as one '_' ("Pupil Ref" -> "pupil_ref"). Used for column
// names and enumeration values alike.
std::string normalise_name(std::string_view s);

}  // namespace db::inbox

#include "db/import/csv_reader.hpp"

#include <csv.h>

#include <cstring>
#include <memory>

namespace db::inbox {
namespace {

// libcsv calls back per field and per row; this is the state those callbacks share.
struct CsvState {
    TextTable& table;
    const std::string& file;
    ProblemList& problems;
    int current_line = 1;  // the physical line being fed to the parser
    int row_line = 1;      // where the row being parsed began
    bool row_open = false;
    bool header_done = false;

    void on_field(std::string_view value) {
        if (!row_open) {
            table.start_row(row_line);
            row_open = true;
        }
        table.append_cell(value);
    }

    void on_row() {
        if (!row_open) return;
        row_open = false;
        size_t row = table.row_count() - 1;
        if (!header_done) {
            take_header(row);
        } else if (table.last_row_is_blank()) {
            table.drop_last_row();  // spreadsheets export trailing ",,,," rows
        } else {
            check_width(row);
        }
        // A row ended by a lone CR in mid-line is followed by one on the same line.
        row_line = current_line;
    }

    void take_header(size_t row) {
        for (size_t i = 0; i < table.cell_count(row); ++i)
            table.header.push_back(normalise_name(table.cell(row, i)));
        table.header_line = table.line(row);
        table.drop_last_row();
        header_done = true;
    }

    void check_width(size_t row) {
        size_t width = table.header.size(), count = table.cell_count(row);
        bool extra_text = false;
        for (size_t i = width; i < count; ++i) extra_text |= !table.cell(row, i).empty();
        if (count >= width && !extra_text) return;  // stray trailing commas are harmless
        problems.push_back(
            {file, table.line(row), "",
             "row has " + std::to_string(count) + " fields but the header has " +
                 std::to_string(width) +
                 (count < width ? " (a truncated row?)" : " (an unquoted comma inside a value?)")});
        table.drop_last_row();
    }
};

extern "C" void csv_field_callback(void* data, size_t size, void* state) {
    static_cast<CsvState*>(state)->on_field(
        std::string_view(data ? static_cast<const char*>(data) : "", size));
}

extern "C" void csv_row_callback(int, void* state) {
    static_cast<CsvState*>(state)->on_row();
}

struct ParserDeleter {
    void operator()(csv_parser* p) const {
        csv_free(p);
        delete p;
    }
};

// libcsv's state for "no row begun yet" (ROW_NOT_BEGUN in libcsv.c).
constexpr int kRowNotBegun = 0;

}  // namespace

bool read_csv(std::string_view text, const std::string& file, TextTable& table,
              ProblemList& problems) {
    std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser);
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    // libcsv grows its field buffer by blk_size bytes at a time (128 by default), which
    // is quadratic for one huge field; no field is longer than the file, so the buffer
    // grows once. malloc maps that lazily: only the bytes a field uses are touched.
    csv_set_blk_size(parser.get(), text.size() + 1);
    CsvState state{table, file, problems};
    table.reserve(text.size());

    // Fed one physical line at a time, so the parser's position is always a known
    // line. Files with only CR line ends (old Mac exports) are split at CR.
    char terminator = text.find('\n') != std::string_view::npos ? '\n' : '\r';
    size_t offset = 0;
    while (offset < text.size()) {
        const char* start = text.data() + offset;
        const void* end = std::memchr(start, terminator, text.size() - offset);
        size_t length = end ? static_cast<size_t>(static_cast<const char*>(end) - start) + 1
                            : text.size() - offset;
        if (parser->pstate == kRowNotBegun) state.row_line = state.current_line;
        size_t used =
            csv_parse(parser.get(), start, length, csv_field_callback, csv_row_callback, &state);
        if (used != length) {
            if (csv_error(parser.get()) != CSV_EPARSE) throw std::bad_alloc();
            problems.push_back(
                {file, state.current_line, "",
                 "malformed CSV at column " + std::to_string(used + 1) +
                     ": a quote inside a value must be doubled and the value quoted"});
            return false;
        }
        offset += length;
        ++state.current_line;
    }
    if (csv_fini(parser.get(), csv_field_callback, csv_row_callback, &state) != 0) {
        problems.push_back({file, state.row_line, "",
                            "malformed CSV: the quoted value starting on this line is never "
                            "closed (a truncated file?)"});
        return false;
    }
    if (!state.header_done) {
        problems.push_back({file, 1, "", "the file is empty: no header row"});
        return false;
    }
    return true;
}

}  // namespace db::inbox

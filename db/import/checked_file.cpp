#include "db/import/checked_file.hpp"

#include <algorithm>

#include "db/import/csv_reader.hpp"
#include "db/import/file_bytes.hpp"
#include "db/import/json_reader.hpp"
#include "db/import/text_table.hpp"

namespace db::inbox {

CheckedFile check_bytes(std::string_view bytes, std::string sha256, InboxKind kind,
                        InboxFormat format, const std::string& file, const References& refs) {
    CheckedFile checked;
    checked.file = file;
    checked.kind = kind;
    checked.format = format;
    checked.sha256 = std::move(sha256);
    std::string_view text = strip_bom(bytes);
    check_utf8(text, file, checked.problems);
    if (!checked.ok()) return checked;  // lines of mojibake would only add noise below

    TextTable table;
    bool readable = format == InboxFormat::json
                        ? read_json(text, kind, file, table, checked.problems)
                        : read_csv(text, file, table, checked.problems);
    checked.rows = table.row_count();
    // Rows a reader had to leave out were reported already; the rest are still
    // validated so one refusal lists everything wrong with the file. Only a file that
    // could not be read to its end (malformed quoting or JSON) stops here.
    if (!readable) return checked;
    checked.records = validate(kind, table, refs, file, checked.problems);
    // Some checks run after all rows were read (duplicate keys, references checked in
    // key order); people read problems by line, and within a line by column.
    auto columns = columns_of(kind);
    auto rank = [&](const Problem& p) {
        for (size_t i = 0; i < columns.size(); ++i)
            if (columns[i].name == p.field) return i;
        return columns.size();
    };
    std::stable_sort(checked.problems.begin(), checked.problems.end(),
                     [&](const Problem& a, const Problem& b) {
                         return a.line != b.line ? a.line < b.line : rank(a) < rank(b);
                     });
    return checked;
}

}  // namespace db::inbox

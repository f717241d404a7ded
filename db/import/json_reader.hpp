// JSON inbox files into a TextTable: either an array of row objects or
// {"kind": "...", "rows": [...]}, keys being the CSV column names. Parsed with
// nlohmann's SAX interface over an iterator that counts lines, so every row and every
// syntax error is located by line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "db/import/kinds.hpp"
#include "db/import/problem.hpp"
#include "db/import/text_table.hpp"

namespace db::inbox {

// Only the kind's contract columns become table columns (other keys are dropped, as
// CSV readers' validation ignores extra columns), so a row costs at most the kind's
// few columns however many keys it has. A document nested deeper than any inbox file
// stops reading.
// Scalars become text (numbers as written, true/false, null as empty); a nested
// object or array as a value, a row that is not an object, a key given twice in one
// row, or a "kind" that contradicts `expected` are problems, and reading goes on. A
// syntax error (including a truncated file) or a document without rows stops reading
// with one problem: then, and only then, returns false.
bool read_json(std::string_view text, InboxKind expected, const std::string& file, TextTable& table,
               ProblemList& problems);

}  // namespace db::inbox

// CSV text (RFC 4180 as spreadsheets write it) into a TextTable, over libcsv. The
// first row is the header. Each row keeps the physical line it starts on, so problems
// name the right line even when quoted fields above it hold newlines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "db/import/problem.hpp"
#include "db/import/text_table.hpp"

namespace db::inbox {

// `text` is the file's content without a BOM. Rows with only empty cells are skipped;
// a row with more non-empty cells or fewer cells than the header is a problem and left
// out. Malformed CSV (a stray quote, an unterminated quoted field) or an empty file
// stops reading with one problem: then, and only then, returns false.
bool read_csv(std::string_view text, const std::string& file, TextTable& table,
              ProblemList& problems);

}  // namespace db::inbox

// The pure half of an import: an inbox file's bytes, checked against what the store
// already holds, become typed records or a list of problems. Nothing is written; the
// writer (writer.hpp) applies a CheckedFile that has no problems.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "db/import/kinds.hpp"
#include "db/import/problem.hpp"
#include "db/import/references.hpp"
#include "db/import/validate.hpp"

namespace db::inbox {

struct CheckedFile {
    std::string file;  // how problems name it
    InboxKind kind = InboxKind::schools;
    InboxFormat format = InboxFormat::csv;
    std::string sha256;  // of the bytes exactly as read
    size_t rows = 0;     // data rows read (blank rows not counted)
    Records records;
    ProblemList problems;
    bool ok() const { return problems.empty(); }
};

// Decodes (BOM, UTF-8, CSV or JSON), then validates every row against `refs`.
// `sha256` is sha256_hex(bytes) (file_bytes.hpp): callers compute it first, to look
// for it in import_log before doing any of this.
CheckedFile check_bytes(std::string_view bytes, std::string sha256, InboxKind kind,
                        InboxFormat format, const std::string& file, const References& refs);

}  // namespace db::inbox

// The raw bytes of an inbox file (read by regular_file.hpp) and the checks made on them
// before any parsing: the SHA-256 that makes re-imports idempotent, the UTF-8 byte-order mark
// spreadsheets add, and UTF-8 validity (a Windows-1252 export would store mojibake).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/import/problem.hpp"

namespace db::inbox {

// Lower-case hex SHA-256 of `bytes` (OpenSSL EVP).
std::string sha256_hex(std::string_view bytes);

// `bytes` without a leading UTF-8 BOM.
std::string_view strip_bom(std::string_view bytes);

// UTF-16 text (by its byte-order mark, or NULs in every second byte) is one problem
// saying so, with that evidence. Otherwise one problem per physical line holding bytes
// that are not UTF-8 (a NUL byte counts), naming the first such byte and its column.
void check_utf8(std::string_view text, const std::string& file, ProblemList& problems);

// 1-based line of byte `offset` in `text`.
int line_of(std::string_view text, size_t offset);

}  // namespace db::inbox

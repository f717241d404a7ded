// What is wrong with a database file, told before it is used: missing, unreadable, not
// a SQLite file, damaged (truncated, failing SQLite's check), another program's
// database, or written by a newer liftboard. The dashboard shows the verdict on a board
// instead of a crash or a silent empty board; `liftboard doctor` prints the details.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace db {

enum class StoreProblem {
    none,
    missing,       // no such file
    unreadable,    // cannot be opened for reading (permissions, a folder)
    not_sqlite,    // some other kind of file
    damaged,       // truncated, or SQLite's integrity check fails
    foreign,       // a SQLite database of another program
    newer_schema,  // written by a newer liftboard
};

struct StoreDiagnosis {
    StoreProblem problem = StoreProblem::none;
    std::string detail;  // what was found, for a person ("integrity check: ...")
    bool ok() const { return problem == StoreProblem::none; }
    // "the database is damaged: <detail>"
    std::string what() const;
    // What an office can do about it, in one sentence.
    std::string advice() const;
};

// Looks at the file without changing it (read-only). `full` runs SQLite's complete
// integrity_check instead of the faster quick_check (which skips index contents).
// An empty file is fine: it is a new store.
StoreDiagnosis diagnose_store(const std::filesystem::path& file, bool full = false);

// The figures `liftboard doctor` prints; only filled for a database that opened.
struct StoreReport {
    StoreDiagnosis diagnosis;
    std::string integrity = "not checked";  // "ok" or SQLite's first problems
    std::optional<int> schema_version;
    std::vector<std::pair<std::string, int64_t>> row_counts;     // table, rows
    std::optional<uintmax_t> wal_bytes;                          // nullopt: no WAL file
    std::vector<std::pair<std::string, std::string>> last_sync;  // source, UTC time or "never"
};

StoreReport inspect_store(const std::filesystem::path& file);

}  // namespace db

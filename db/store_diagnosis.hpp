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

namespace SQLite {
class Database;
}

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

// What the dashboard checks before it starts. SQLite's quick_check reads every page
// (over a second for a 100k-pupil store, most of a cold start), so it runs here only when
// the store was not closed cleanly (see closed_cleanly), when damage is likeliest; the
// other checks always run. A store that passes without it is checked by the writer once
// its first snapshot is out (WriterOptions::check_integrity_after_start).
// `checked_integrity` says whether quick_check ran.
StoreDiagnosis diagnose_store_at_start(const std::filesystem::path& file, bool& checked_integrity);

// No write-ahead log or hot journal with content beside the file: the last connection
// closed and checkpointed (a crash, a power cut or another open connection leave one).
bool closed_cleanly(const std::filesystem::path& file);

// SQLite's quick_check on an open connection: "ok" or its first findings.
std::string quick_check(SQLite::Database& database);

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

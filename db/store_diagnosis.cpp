#include "db/store_diagnosis.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <array>
#include <fstream>

#include "db/migrations.hpp"

namespace db {
namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

uint32_t big_endian(const std::array<unsigned char, 100>& header, size_t at, size_t bytes) {
    uint32_t value = 0;
    for (size_t i = 0; i < bytes; ++i) value = value << 8 | header[at + i];
    return value;
}

// Reads the 100-byte header: not a SQLite file, or shorter than the header says (a copy
// cut short, a full disk). Empty files are new stores.
std::optional<StoreDiagnosis> check_header(const std::filesystem::path& file) {
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(file, error);
    if (error) return StoreDiagnosis{StoreProblem::unreadable, error.message()};
    if (size == 0) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return StoreDiagnosis{StoreProblem::unreadable, "cannot open the file for reading"};
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto got = static_cast<size_t>(in.gcount());
    if (got < kSqliteMagic.size() || std::string_view(reinterpret_cast<const char*>(header.data()),
                                                      kSqliteMagic.size()) != kSqliteMagic)
        return StoreDiagnosis{StoreProblem::not_sqlite,
                              "the file does not start like a SQLite database"};
    if (got < header.size())
        return StoreDiagnosis{StoreProblem::damaged,
                              "truncated: only " + std::to_string(size) + " bytes"};
    uint64_t page_size = big_endian(header, 16, 2);
    if (page_size == 1) page_size = 65536;
    const uint32_t pages = big_endian(header, 28, 4);
    // The page count is only trusted when the change counter says it is current, and
    // only without a WAL beside the file: another process's checkpoint writes page 1
    // before it extends the file, and SQLite's own check (below) reads through the WAL.
    const bool count_valid = big_endian(header, 24, 4) == big_endian(header, 92, 4);
    const bool wal_beside = std::filesystem::exists(file.string() + "-wal", error);
    if (count_valid && !wal_beside && pages > 0 && page_size * pages > size)
        return StoreDiagnosis{StoreProblem::damaged, "truncated: the header promises " +
                                                         std::to_string(page_size * pages) +
                                                         " bytes, the file has " +
                                                         std::to_string(size)};
    return std::nullopt;
}

StoreDiagnosis from_exception(const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
        case SQLITE_NOTADB:
            return {StoreProblem::not_sqlite, e.what()};
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return {StoreProblem::unreadable, e.what()};
        default:
            return {StoreProblem::damaged, e.what()};
    }
}

// SQLite's check: "ok", or its first few findings joined.
std::string integrity(SQLite::Database& database, bool full) {
    SQLite::Statement check(database, full ? "PRAGMA integrity_check(5)" : "PRAGMA quick_check(5)");
    std::string found;
    while (check.executeStep())
        found += (found.empty() ? "" : "; ") + check.getColumn(0).getString();
    return found;
}

// A liftboard database has user_version set and our tables; another program's has
// tables but neither.
std::optional<StoreDiagnosis> check_schema(SQLite::Database& database, int version) {
    if (version > latest_schema_version())
        return StoreDiagnosis{StoreProblem::newer_schema,
                              "schema version " + std::to_string(version) +
                                  ", this liftboard knows up to " +
                                  std::to_string(latest_schema_version())};
    const int tables =
        database.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt();
    const int ours = database
                         .execAndGet(
                             "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                             "AND name IN ('school', 'pupil', 'event')")
                         .getInt();
    if ((version == 0 && tables > 0) || (version > 0 && ours < 3))
        return StoreDiagnosis{StoreProblem::foreign,
                              "a SQLite database without liftboard's tables (" +
                                  std::to_string(tables) + " other tables)"};
    return std::nullopt;
}

}  // namespace

std::string StoreDiagnosis::what() const {
    switch (problem) {
        case StoreProblem::none:
            return "the database is fine";
        case StoreProblem::missing:
            return "the database file does not exist";
        case StoreProblem::unreadable:
            return "the database cannot be read: " + detail;
        case StoreProblem::not_sqlite:
            return "the file is not a database: " + detail;
        case StoreProblem::damaged:
            return "the database is damaged: " + detail;
        case StoreProblem::foreign:
            return "the file is another program's database: " + detail;
        case StoreProblem::newer_schema:
            return "the database was written by a newer liftboard: " + detail;
    }
    return detail;
}

std::string StoreDiagnosis::advice() const {
    switch (problem) {
        case StoreProblem::none:
            return "";
        case StoreProblem::missing:
            return "Check the path ([data] db in the config, or --db), or restore a backup there.";
        case StoreProblem::unreadable:
            return "Check the file's owner and permissions (the liftboard user must read and write "
                   "it).";
        case StoreProblem::not_sqlite:
        case StoreProblem::foreign:
            return "Check the path ([data] db in the config, or --db): it names the wrong file.";
        case StoreProblem::damaged:
            return "Stop liftboard, move the file aside and restore the latest backup (README: "
                   "Backups), or delete it to rebuild from the inbox and hub.";
        case StoreProblem::newer_schema:
            return "Install the newer liftboard that wrote it, or restore a backup made by this "
                   "version.";
    }
    return "";
}

namespace {

// integrity: none, quick or full.
enum class Integrity { none, quick, full };

StoreDiagnosis diagnose(const std::filesystem::path& file, Integrity check) {
    std::error_code error;
    if (!std::filesystem::exists(file, error)) return {StoreProblem::missing, file.string()};
    if (!std::filesystem::is_regular_file(file, error))
        return {StoreProblem::unreadable, "not a regular file"};
    if (auto problem = check_header(file)) return *problem;
    if (std::filesystem::file_size(file, error) == 0) return {};
    try {
        SQLite::Database database(file, SQLite::OPEN_READONLY);
        if (check != Integrity::none) {
            const std::string found = integrity(database, check == Integrity::full);
            if (found != "ok") return {StoreProblem::damaged, "integrity check: " + found};
        }
        const int version = database.execAndGet("PRAGMA user_version").getInt();
        if (auto problem = check_schema(database, version)) return *problem;
    } catch (const SQLite::Exception& e) {
        return from_exception(e);
    }
    return {};
}

bool has_content(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return !error && size > 0;
}

}  // namespace

StoreDiagnosis diagnose_store(const std::filesystem::path& file, bool full) {
    return diagnose(file, full ? Integrity::full : Integrity::quick);
}

bool closed_cleanly(const std::filesystem::path& file) {
    return !has_content(file.string() + "-wal") && !has_content(file.string() + "-journal");
}

StoreDiagnosis diagnose_store_at_start(const std::filesystem::path& file, bool& checked_integrity) {
    checked_integrity = !closed_cleanly(file);
    return diagnose(file, checked_integrity ? Integrity::quick : Integrity::none);
}

std::string quick_check(SQLite::Database& database) {
    return integrity(database, false);
}

StoreReport inspect_store(const std::filesystem::path& file) {
    StoreReport report;
    report.diagnosis = diagnose_store(file, true);
    std::error_code error;
    const std::filesystem::path wal = file.string() + "-wal";
    if (std::filesystem::exists(wal, error))
        report.wal_bytes = std::filesystem::file_size(wal, error);
    const auto problem = report.diagnosis.problem;
    if (problem == StoreProblem::missing || problem == StoreProblem::unreadable ||
        problem == StoreProblem::not_sqlite)
        return report;
    try {
        SQLite::Database database(file, SQLite::OPEN_READONLY);
        report.integrity = integrity(database, true);
        report.schema_version = database.execAndGet("PRAGMA user_version").getInt();
        SQLite::Statement tables(database,
                                 "SELECT name FROM sqlite_master WHERE type = 'table' "
                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name");
        while (tables.executeStep()) {
            const std::string name = tables.getColumn(0).getString();
            try {
                // Names come from the file itself: quoted, so an odd name cannot inject.
                std::string quoted = "\"";
                for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
                quoted += "\"";
                report.row_counts.emplace_back(
                    name, database.execAndGet("SELECT count(*) FROM " + quoted).getInt64());
            } catch (const SQLite::Exception&) {
                report.row_counts.emplace_back(name, -1);  // an unreadable table
            }
        }
        if (problem == StoreProblem::none) {
            SQLite::Statement sync(database,
                                   "SELECT source, coalesce(last_success, 'never') "
                                   "FROM sync_state ORDER BY source");
            while (sync.executeStep())
                report.last_sync.emplace_back(sync.getColumn(0).getString(),
                                              sync.getColumn(1).getString());
        }
    } catch (const SQLite::Exception& e) {
        if (report.diagnosis.ok()) report.diagnosis = from_exception(e);
    }
    return report;
}

}  // namespace db

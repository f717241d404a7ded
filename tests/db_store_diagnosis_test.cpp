// diagnose_store and inspect_store on real files: a good store, and each way a file
// can be unusable at start (missing, not SQLite, truncated, damaged pages, another
// program's database, a newer schema).
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "db/migrations.hpp"
#include "db/store.hpp"
#include "db/store_diagnosis.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using db::StoreProblem;

namespace {

// A liftboard store with some rows, checkpointed so the main file holds everything.
fs::path good_store(const test_support::TempDir& dir) {
    const fs::path file = dir / "good.db";
    db::Store store(file);
    core::School school;
    school.urn = "900001";
    school.name = "Larkspur Primary School";
    school.district = "Maidstone";
    for (int i = 0; i < 200; ++i) {
        school.urn = std::to_string(900001 + i);
        store.upsert(school);
    }
    store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return file;
}

}  // namespace

TEST_CASE("diagnose_store accepts a good store and a new empty file") {
    test_support::TempDir dir;
    CHECK(db::diagnose_store(good_store(dir)).ok());
    CHECK(db::diagnose_store(good_store(dir), true).ok());
    test_support::write_file(dir / "empty.db", "");
    CHECK(db::diagnose_store(dir / "empty.db").ok());
}

TEST_CASE("diagnose_store names a missing file and a file that is not SQLite") {
    test_support::TempDir dir;
    CHECK(db::diagnose_store(dir / "nothing.db").problem == StoreProblem::missing);
    test_support::write_file(dir / "notes.db", "urn,name\n900001,Larkspur\n");
    auto diagnosis = db::diagnose_store(dir / "notes.db");
    CHECK(diagnosis.problem == StoreProblem::not_sqlite);
    CHECK_THAT(diagnosis.advice(), Catch::Contains("path"));
}

TEST_CASE("diagnose_store finds a truncated store") {
    test_support::TempDir dir;
    const std::string bytes = test_support::read_file(good_store(dir));
    REQUIRE(bytes.size() > 8192);
    test_support::write_file(dir / "cut.db", bytes.substr(0, bytes.size() / 2));
    auto diagnosis = db::diagnose_store(dir / "cut.db");
    CHECK(diagnosis.problem == StoreProblem::damaged);
    CHECK_THAT(diagnosis.what(), Catch::Contains("truncated"));
    CHECK_THAT(diagnosis.advice(), Catch::Contains("backup"));
}

TEST_CASE("with a WAL beside it, a truncated store is judged by SQLite's check") {
    test_support::TempDir dir;
    const std::string bytes = test_support::read_file(good_store(dir));
    test_support::write_file(dir / "cut.db", bytes.substr(0, bytes.size() / 2));
    test_support::write_file(dir / "cut.db-wal", "");  // an empty WAL: nothing to recover
    CHECK(db::diagnose_store(dir / "cut.db").problem == StoreProblem::damaged);
}

TEST_CASE("diagnose_store finds damaged pages inside a store of the right size") {
    test_support::TempDir dir;
    std::string bytes = test_support::read_file(good_store(dir));
    // Scribble over every page but the first (the header and schema stay readable).
    for (size_t at = 4096; at < bytes.size(); at += 7) bytes[at] = static_cast<char>(0xA5);
    test_support::write_file(dir / "scribbled.db", bytes);
    CHECK(db::diagnose_store(dir / "scribbled.db").problem == StoreProblem::damaged);
}

TEST_CASE("at start, SQLite's check runs only after an unclean close") {
    test_support::TempDir dir;
    std::string bytes = test_support::read_file(good_store(dir));
    // Damage the last page only: the schema still reads, SQLite's check does not pass.
    for (size_t at = bytes.size() - 4000; at < bytes.size(); at += 7)
        bytes[at] = static_cast<char>(0xA5);
    test_support::write_file(dir / "scribbled.db", bytes);
    bool checked = true;
    // Closed cleanly (no WAL with content): the page check is left to the writer.
    CHECK(db::closed_cleanly(dir / "scribbled.db"));
    CHECK(db::diagnose_store_at_start(dir / "scribbled.db", checked).ok());
    CHECK_FALSE(checked);
    {
        SQLite::Database database((dir / "scribbled.db").string(), SQLite::OPEN_READONLY);
        std::string found;
        try {
            found = db::quick_check(database);
        } catch (const SQLite::Exception& e) {
            found = e.what();
        }
        CHECK(found != "ok");
    }
    // A WAL left with content (a crash): checked before start.
    test_support::write_file(dir / "scribbled.db-wal", std::string(32, '\0'));
    CHECK_FALSE(db::closed_cleanly(dir / "scribbled.db"));
    CHECK(db::diagnose_store_at_start(dir / "scribbled.db", checked).problem ==
          StoreProblem::damaged);
    CHECK(checked);
}

TEST_CASE("diagnose_store tells another program's database and a newer schema") {
    test_support::TempDir dir;
    {
        SQLite::Database other(dir / "other.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
    }
    CHECK(db::diagnose_store(dir / "other.db").problem == StoreProblem::foreign);
    {
        const fs::path file = good_store(dir);
        SQLite::Database newer(file, SQLite::OPEN_READWRITE);
        newer.exec("PRAGMA user_version = " + std::to_string(db::latest_schema_version() + 1));
    }
    auto diagnosis = db::diagnose_store(dir / "good.db");
    CHECK(diagnosis.problem == StoreProblem::newer_schema);
    CHECK_THAT(diagnosis.what(), Catch::Contains("newer"));
}

TEST_CASE("opening another program's database refuses it and leaves it unchanged") {
    test_support::TempDir dir;
    {
        SQLite::Database other(dir / "other.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
    }
    CHECK_THROWS_WITH(db::Store(dir / "other.db"), Catch::Contains("not a liftboard database"));
    SQLite::Database other(dir / "other.db", SQLite::OPEN_READONLY);
    CHECK(other.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 1);
}

TEST_CASE("inspect_store reports integrity, schema version, rows, WAL and last sync") {
    test_support::TempDir dir;
    const fs::path file = good_store(dir);
    {
        db::Store store(file);
        store.database().exec(
            "INSERT INTO sync_state(source, last_success) VALUES ('inbox:/x', '2025-11-24 "
            "10:00:00')");
        auto report = db::inspect_store(file);  // while a connection holds the WAL open
        CHECK(report.diagnosis.ok());
        CHECK(report.integrity == "ok");
        CHECK(report.schema_version == db::latest_schema_version());
        CHECK(report.wal_bytes.has_value());
        auto school = std::find_if(report.row_counts.begin(), report.row_counts.end(),
                                   [](const auto& row) { return row.first == "school"; });
        REQUIRE(school != report.row_counts.end());
        CHECK(school->second == 200);
        REQUIRE(report.last_sync.size() == 1);
        CHECK(report.last_sync[0] ==
              std::pair<std::string, std::string>{"inbox:/x", "2025-11-24 10:00:00"});
    }
    test_support::write_file(dir / "notes.db", "not a database at all");
    auto bad = db::inspect_store(dir / "notes.db");
    CHECK(bad.diagnosis.problem == StoreProblem::not_sqlite);
    CHECK(bad.row_counts.empty());
}

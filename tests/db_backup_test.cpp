// Backups through SQLite's online backup API: a complete, private copy, consistent while
// another connection keeps writing; and the writer's daily backups with rotation.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "db/backup/backup.hpp"
#include "db/store.hpp"
#include "db/store_diagnosis.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

void add_schools(db::Store& store, int from, int count) {
    SQLite::Transaction tx(store.database());
    core::School school;
    school.name = "Wrenmoor Academy";
    school.district = "Maidstone";
    for (int i = from; i < from + count; ++i) {
        school.urn = std::to_string(i);
        store.upsert(school);
    }
    tx.commit();
}

int schools_in(const fs::path& file) {
    SQLite::Database copy(file, SQLite::OPEN_READONLY);
    return copy.execAndGet("SELECT count(*) FROM school").getInt();
}

unsigned mode_of(const fs::path& file) {
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

}  // namespace

TEST_CASE("backup_file writes a complete single-file copy readable only by its owner") {
    test_support::TempDir dir;
    {
        db::Store store(dir / "live.db");
        add_schools(store, 900000, 500);
        ::umask(022);  // a permissive umask must not make the copy readable by others
        db::backup_file(dir / "live.db", dir / "copy.db");
    }
    CHECK(mode_of(dir / "copy.db") == 0600);
    CHECK(schools_in(dir / "copy.db") == 500);
    CHECK_FALSE(fs::exists(dir / "copy.db-wal"));
    CHECK(db::diagnose_store(dir / "copy.db", true).ok());
    // Nothing is left behind under a temporary name.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        files += entry.path().filename().string()[0] == '.';
    CHECK(files == 0);
}

TEST_CASE("a backup taken while another connection writes is one committed state") {
    test_support::TempDir dir;
    { db::Store create(dir / "live.db"); }
    std::atomic<bool> stop{false};
    std::atomic<int> batches{0};
    // Batches of 100 schools, each in one transaction: a consistent copy holds a
    // whole number of batches.
    std::thread writer([&] {
        db::Store store(dir / "live.db");
        for (int batch = 0; !stop.load() && batch < 2000; ++batch) {
            add_schools(store, 100000 + batch * 100, 100);
            batches.store(batch + 1);
        }
    });
    while (batches.load() < 3) std::this_thread::yield();
    for (int i = 0; i < 5; ++i) {
        const fs::path copy = dir / ("copy" + std::to_string(i) + ".db");
        db::backup_file(dir / "live.db", copy);
        const int count = schools_in(copy);
        CHECK(count > 0);
        CHECK(count % 100 == 0);
        CHECK(db::diagnose_store(copy, true).ok());
    }
    stop.store(true);
    writer.join();
}

TEST_CASE("backup_file names a missing database and leaves no partial file") {
    test_support::TempDir dir;
    CHECK_THROWS_WITH(db::backup_file(dir / "nothing.db", dir / "copy.db"),
                      Catch::Contains("nothing.db"));
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("daily backups are due once a day after the set time, kept up to the count") {
    test_support::TempDir dir;
    db::Store store(dir / "live.db");
    add_schools(store, 900000, 10);
    db::DailyBackups backups({dir / "backups", 3, 2 * 60});
    const core::Date day = core::Date::from_ymd(2025, 11, 24);
    CHECK_FALSE(backups.due(day, 1 * 60 + 59));
    REQUIRE(backups.due(day, 2 * 60));
    // Older backups from earlier days, one of them past the count.
    fs::create_directories(dir / "backups");
    for (int d = 20; d <= 23; ++d)
        test_support::write_file(
            db::daily_backup_path(dir / "backups", core::Date::from_ymd(2025, 11, d)), "old");
    test_support::write_file(dir / "backups" / "notes.txt", "not a backup: left alone");
    const fs::path written = backups.run(store.database(), day);
    CHECK(written == dir / "backups" / "liftboard-2025-11-24.db");
    CHECK(schools_in(written) == 10);
    CHECK_FALSE(backups.due(day, 23 * 60));
    CHECK(backups.due(day + 1, 3 * 60));
    auto kept = db::daily_backups(dir / "backups");
    REQUIRE(kept.size() == 3);
    CHECK(kept.front().filename() == "liftboard-2025-11-22.db");
    CHECK(fs::exists(dir / "backups" / "notes.txt"));
}

TEST_CASE("the daily backup folder is created private") {
    test_support::TempDir dir;
    db::Store store(dir / "live.db");
    ::umask(022);
    db::DailyBackups backups({dir / "backups", 7, 0});
    backups.run(store.database(), core::Date::from_ymd(2025, 11, 24));
    CHECK(mode_of(dir / "backups") == 0700);
    CHECK(mode_of(db::daily_backup_path(dir / "backups", core::Date::from_ymd(2025, 11, 24))) ==
          0600);
}

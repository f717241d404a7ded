// The writer thread keeps the day's backup when [backup] is configured.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "db/backup/backup.hpp"
#include "db/sync/writer.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

namespace fs = std::filesystem;

TEST_CASE("the writer makes the day's backup once its time has passed") {
    test_support::TempDir dir;
    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = dir / "store.db";
    options.rescan = std::chrono::milliseconds(100);
    options.backup = db::DailyBackupOptions{dir / "backups", 3, 0};  // due from midnight
    db::Writer writer(options, channel, status);
    writer.start();
    REQUIRE(
        test_support::wait_until([&] { return db::daily_backups(dir / "backups").size() == 1; }));
    const fs::path backup = db::daily_backups(dir / "backups").front();
    SQLite::Database copy(backup, SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("SELECT count(*) FROM district").getInt() == 12);
}

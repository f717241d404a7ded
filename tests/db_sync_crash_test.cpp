// SIGKILL of a process in the middle of importing a 100k-row file, at several moments:
// afterwards the database is intact, holds all or none of the file, and a restart
// completes the import. The child is a real process killed for real (fork + SIGKILL).
#include <SQLiteCpp/Database.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "db/store.hpp"
#include "db/sync/writer.hpp"
#include "support/inbox_files.hpp"
#include "support/temp_dir.hpp"

using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

db::WriterOptions options_for(const fs::path& database, const fs::path& inbox) {
    db::WriterOptions o;
    o.database = database;
    o.inbox = inbox;
    o.today = core::parse_date("2025-11-20");
    return o;
}

void run_once(const db::WriterOptions& options) {
    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::Writer writer(options, channel, status);
    writer.run_once();
}

}  // namespace

TEST_CASE("SIGKILL while importing leaves all or none of the file and a restart completes it") {
    auto delay_ms = GENERATE(0, 30, 120, 300, 450, 600);
    INFO("killed after " << delay_ms << " ms");
    test_support::TempDir dir;
    fs::path inbox = dir / "inbox", database = dir / "store.db";
    auto options = options_for(database, inbox);
    fs::create_directories(inbox);
    test_support::write_file(inbox / "schools.csv", test_support::schools_csv());
    test_support::write_file(inbox / "pupils.csv", test_support::many_pupils_csv(10000));
    run_once(options);
    test_support::write_file(inbox / "events.csv", test_support::many_events_csv(100000, 10000));

    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            run_once(options);
        } catch (...) {
        }
        _exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(child, SIGKILL);
    int wstatus = 0;
    waitpid(child, &wstatus, 0);

    {
        SQLite::Database db(database.string());
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        int events = db.execAndGet("SELECT count(*) FROM event").getInt();
        CHECK((events == 0 || events == 100000));
        INFO("events after kill: " << events << ", child had finished: " << WIFEXITED(wstatus));
    }
    run_once(options);
    SQLite::Database db(database.string());
    CHECK(db.execAndGet("SELECT count(*) FROM event").getInt() == 100000);
    CHECK(db.execAndGet("SELECT count(*) FROM import_log WHERE file LIKE '%events.csv'").getInt() == 1);
    CHECK(fs::exists(inbox / "processed" / "events.csv"));
    CHECK_FALSE(fs::exists(inbox / "events.csv"));
}

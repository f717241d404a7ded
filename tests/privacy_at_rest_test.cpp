// Privacy at rest: every file and folder liftboard creates is its owner's only (0600
// files, 0700 folders) even when started with a permissive umask, and deleted rows are
// overwritten (secure_delete). Walks whatever the commands left behind, so files added
// later (reports, logs, sockets) are checked too.
#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "db/store.hpp"
#include "support/inbox_files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using test_support::run_command;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

// An inbox file as an office would drop it, but private, so the walk below sees only
// the modes liftboard chose.
void drop(const fs::path& file, const std::string& text) {
    test_support::write_file(file, text);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
}

}  // namespace

TEST_CASE("everything liftboard creates is readable by its owner only") {
    test_support::TempDir dir;
    fs::permissions(dir.path(), fs::perms::owner_all);
    ::umask(022);  // children inherit it: liftboard must not rely on the service's umask
    const fs::path db = dir / "data" / "nested" / "live.db";
    REQUIRE(run_command(kBinary + " demo-data --pupils 10 --out " + db.string()).status == 0);

    fs::create_directory(dir / "inbox");
    fs::permissions(dir / "inbox", fs::perms::owner_all);
    drop(dir / "inbox" / "schools.csv", test_support::schools_csv());
    drop(dir / "inbox" / "events-bad.csv", "pupil_ref,event,date\nP999999,visit,31/02/2025\n");
    auto sync = run_command(kBinary + " sync --once --db " + db.string() + " --inbox " +
                            (dir / "inbox").string());
    INFO(sync.output);
    REQUIRE(fs::exists(dir / "inbox" / "processed"));
    REQUIRE(fs::exists(dir / "inbox" / "quarantine"));

    fs::create_directory(dir / "backups");
    fs::permissions(dir / "backups", fs::perms::owner_all);
    REQUIRE(run_command(kBinary + " backup --db " + db.string() + " --out " +
                        (dir / "backups" / "b.db").string())
                .status == 0);

    int walked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
        struct stat info {};
        REQUIRE(::lstat(entry.path().c_str(), &info) == 0);
        const unsigned mode = info.st_mode & 0777;
        INFO(entry.path().string() << " has mode " << std::oct << mode);
        if (S_ISDIR(info.st_mode))
            CHECK(mode == 0700);
        else
            CHECK((mode & 077) == 0);  // files, sockets, anything else: nobody but the owner
        ++walked;
    }
    CHECK(walked >=
          9);  // data, nested, live.db, inbox, processed, quarantine, report, backups, b.db
}

TEST_CASE("the store overwrites deleted rows") {
    test_support::TempDir dir;
    db::Store store(dir / "live.db");
    CHECK(store.database().execAndGet("PRAGMA secure_delete").getInt() == 1);
}

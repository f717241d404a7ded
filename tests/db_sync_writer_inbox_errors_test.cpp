// The writer against a hostile or racing inbox: links and FIFOs quarantined unread,
// oversized files refused, a file that vanishes or cannot be moved costing only
// itself (the pass's edits still answered, its snapshot still published), and file
// names escaped wherever they are shown.
#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <future>
#include <mutex>

#include "db/sync/writer.hpp"
#include "support/inbox_files.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

using namespace std::chrono_literals;
using test_support::read_file;
using test_support::TempDir;
using test_support::wait_until;
using test_support::write_file;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    TempDir dir;
    fs::path inbox = dir / "inbox";
    fs::path database = dir / "store.db";
    core::SnapshotChannel channel;
    core::SyncStatus status;

    Fixture() { fs::create_directories(inbox); }
    db::WriterOptions options() const {
        db::WriterOptions o;
        o.database = database;
        o.inbox = inbox;
        o.today = core::parse_date("2025-11-20");
        o.settle = 0ms;
        o.rescan = 200ms;
        return o;
    }
    int count(const std::string& sql) const {
        SQLite::Database db(database.string());
        return db.execAndGet(sql).getInt();
    }
};

bool exists_at_all(const fs::path& path) {
    return fs::exists(fs::symlink_status(path));
}

}  // namespace

TEST_CASE(
    "a link in the inbox is quarantined with its reason and what it points to is never read") {
    Fixture f;
    write_file(f.dir / "private.csv", test_support::staff_csv());
    fs::create_symlink(f.dir / "private.csv", f.inbox / "staff.csv");
    db::Writer writer(f.options(), f.channel, f.status);
    auto outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0].report.outcome == db::ImportOutcome::refused);
    CHECK(f.count("SELECT count(*) FROM staff") == 0);
    CHECK(fs::is_symlink(fs::symlink_status(f.inbox / "quarantine" / "staff.csv")));
    CHECK_THAT(read_file(f.inbox / "quarantine" / "staff.csv.error.txt"),
               Catch::Contains("symbolic link"));
    CHECK(read_file(f.dir / "private.csv") == test_support::staff_csv());
}

TEST_CASE("a FIFO in the inbox is quarantined with its reason, not waited on") {
    Fixture f;
    REQUIRE(::mkfifo((f.inbox / "schools.csv").c_str(), 0600) == 0);
    write_file(f.inbox / "staff.csv", test_support::staff_csv());
    db::Writer writer(f.options(), f.channel, f.status);
    auto outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 2);
    CHECK(f.count("SELECT count(*) FROM staff") == 2);
    CHECK_THAT(read_file(f.inbox / "quarantine" / "schools.csv.error.txt"),
               Catch::Contains("FIFO"));
}

TEST_CASE("a file swapped for a FIFO after the scan is refused, not waited on") {
    Fixture f;
    write_file(f.inbox / "schools.csv", test_support::schools_csv());
    auto options = f.options();
    options.before_import = [](const fs::path& file) {
        fs::remove(file);
        if (::mkfifo(file.c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");
    };
    db::Writer writer(options, f.channel, f.status);
    auto pass = std::async(std::launch::async, [&] { return writer.run_once(); });
    const bool returned = pass.wait_for(30s) == std::future_status::ready;
    if (!returned) {  // release a reader blocked on the FIFO so the test ends, failing
        int fd = ::open((f.inbox / "schools.csv").c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }
    REQUIRE(returned);
    auto outcomes = pass.get();
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0].report.outcome == db::ImportOutcome::refused);
    CHECK_THAT(read_file(f.inbox / "quarantine" / "schools.csv.error.txt"),
               Catch::Contains("FIFO"));
}

TEST_CASE("a file over max_file_bytes is quarantined unread with its size and the limit") {
    Fixture f;
    auto options = f.options();
    options.max_file_bytes = uint64_t{1} << 20;
    std::string big = test_support::schools_csv();
    big.resize((size_t{1} << 20) + 1, '\n');
    write_file(f.inbox / "schools.csv", big);
    db::Writer writer(options, f.channel, f.status);
    auto outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0].report.outcome == db::ImportOutcome::refused);
    CHECK(f.count("SELECT count(*) FROM school") == 0);
    CHECK_THAT(read_file(f.inbox / "quarantine" / "schools.csv.error.txt"),
               Catch::Contains("1.0 MB") && Catch::Contains("1 MB limit"));
}

TEST_CASE(
    "a file removed between scan and import is skipped, not quarantined, and the pass goes on") {
    Fixture f;
    write_file(f.inbox / "schools.csv", test_support::schools_csv());
    write_file(f.inbox / "pupils.csv", test_support::pupils_csv());
    write_file(f.inbox / "staff.csv", test_support::staff_csv());
    auto options = f.options();
    options.before_import = [](const fs::path& file) {
        if (file.filename() == "staff.csv") fs::remove(file);
    };
    db::Writer writer(options, f.channel, f.status);
    auto outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 2);  // schools, pupils
    CHECK(f.count("SELECT count(*) FROM pupil") == 2);
    CHECK(fs::exists(f.inbox / "processed" / "pupils.csv"));
    CHECK_FALSE(exists_at_all(f.inbox / "quarantine" / "staff.csv"));
    CHECK_FALSE(exists_at_all(f.inbox / "quarantine" / "staff.csv.error.txt"));
    CHECK(f.status.read().files_quarantined == 0);
    REQUIRE(f.channel.current());
    CHECK(f.channel.current()->data->pupils.size() == 2);
}

TEST_CASE("edits of a pass whose inbox file vanished are answered as saved, after their snapshot") {
    Fixture f;
    write_file(f.inbox / "schools.csv", test_support::schools_csv());
    std::mutex mutex;
    std::condition_variable changed;
    bool holding = false, released = false, vanished = false, answered_before_inbox = false;
    std::shared_future<core::CommandResult> edit;
    auto options = f.options();
    options.before_import = [&](const fs::path& file) {
        std::unique_lock lock(mutex);
        if (file.filename() == "staff.csv") {
            // Holds this pass so the edit and pupils.csv both wait for the next one.
            holding = true;
            changed.notify_all();
            changed.wait(lock, [&] { return released; });
        } else if (file.filename() == "pupils.csv") {
            answered_before_inbox = edit.wait_for(0s) == std::future_status::ready;
            fs::remove(file);
            vanished = true;
            changed.notify_all();
        }
    };
    db::Writer writer(options, f.channel, f.status);
    writer.start();
    REQUIRE(wait_until(
        [&] { return f.channel.current() && f.channel.current()->data->schools.size() == 2; }));
    write_file(f.inbox / "staff.csv", test_support::staff_csv());
    {
        std::unique_lock lock(mutex);
        REQUIRE(changed.wait_for(lock, 30s, [&] { return holding; }));
        auto referral = core::NewReferral{core::Pupil{"P000777", "900002", "EF", "", ""},
                                          core::parse_date("2025-11-01").value()};
        edit = writer.submit(referral, "tester").share();
        write_file(f.inbox / "pupils.csv", test_support::pupils_csv());
        released = true;
        changed.notify_all();
        REQUIRE(changed.wait_for(lock, 30s, [&] { return vanished; }));
    }
    REQUIRE(edit.wait_for(30s) == std::future_status::ready);
    auto result = edit.get();
    CHECK(result.ok);
    CHECK(f.channel.current()->data->pupil("P000777").has_value());
    CHECK(answered_before_inbox);
    CHECK_FALSE(exists_at_all(f.inbox / "quarantine" / "pupils.csv"));
}

TEST_CASE("a file that cannot be moved away is imported once, then set aside until it changes") {
    Fixture f;
    db::Writer writer(f.options(), f.channel, f.status);
    // processed/ is now a plain file: every move into it fails (ENOTDIR), as a move to
    // another file system or a folder we may not write would.
    fs::remove(f.inbox / "processed");
    write_file(f.inbox / "processed", "");
    write_file(f.inbox / "schools.csv", test_support::schools_csv());
    write_file(f.inbox / "staff.csv", test_support::staff_csv());
    auto outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 2);
    CHECK(f.count("SELECT count(*) FROM school") == 2);
    CHECK(f.count("SELECT count(*) FROM staff") == 2);
    CHECK(outcomes[0].moved_to.empty());
    CHECK(fs::exists(f.inbox / "schools.csv"));
    auto view = f.status.read();
    CHECK(view.last_attempt_failed);
    CHECK_THAT(view.last_error, Catch::Contains("not moved to processed/"));
    REQUIRE(f.channel.current());
    CHECK(f.channel.current()->data->schools.size() == 2);

    CHECK(writer.run_once().empty());  // set aside: not tried again
    write_file(f.inbox / "schools.csv",
               test_support::schools_csv() + "900003,Thornfield School,Maidstone,A,primary\n");
    outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 1);  // changed: tried again
    CHECK(f.count("SELECT count(*) FROM school") == 3);
}

TEST_CASE("a file name with control characters is escaped in the report and the status") {
    Fixture f;
    const std::string name = "schools-\n\x1b[2Jforged.csv";
    write_file(f.inbox / name, "urn,name\n1\n");
    db::Writer writer(f.options(), f.channel, f.status);
    auto outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0].report.outcome == db::ImportOutcome::refused);
    const std::string error = f.status.read().last_error;
    CHECK_THAT(error, Catch::Contains("schools-\\n\\x1b[2Jforged.csv"));
    CHECK(error.find('\n') == std::string::npos);
    CHECK(error.find('\x1b') == std::string::npos);
    const std::string report = read_file(f.inbox / "quarantine" / (name + ".error.txt"));
    CHECK(report.find('\x1b') == std::string::npos);
    CHECK_THAT(report, Catch::Contains("schools-\\n\\x1b[2Jforged.csv"));
}

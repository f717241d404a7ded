// The writer on a full disk, for real: the store and the inbox on a small tmpfs filled to
// the last byte. An import that does not fit stays in the inbox (never quarantined), an
// edit is answered "not saved: the disk is full", the last snapshot stays up, SyncStatus
// says so (the board's red strip), the store stays intact, and once space is freed
// everything catches up by itself. Mounting needs root (CI runs as root); elsewhere each
// test says so in a WARN and does nothing.
#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <future>
#include <string>
#include <thread>

#include "db/sync/writer.hpp"
#include "support/inbox_files.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

using namespace std::chrono_literals;
using test_support::TempDir;
using test_support::wait_until;
using test_support::write_file;
namespace fs = std::filesystem;

namespace {

// A tmpfs of `size` mounted on a fresh folder, unmounted (lazily, so a straggling handle
// cannot keep it) when the object goes.
class SmallDisk {
  public:
    explicit SmallDisk(const fs::path& where, const char* size) : where_(where) {
        fs::create_directories(where_);
        const std::string options = std::string("size=") + size + ",mode=0700";
        if (::mount("tmpfs", where_.c_str(), "tmpfs", 0, options.c_str()) == 0)
            mounted_ = true;
        else
            why_not_ = std::strerror(errno);
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool mounted() const { return mounted_; }
    const std::string& why_not() const { return why_not_; }

    // Writes `filler` until the disk refuses another byte.
    void fill(const fs::path& filler) const {
        int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        const std::string block(4096, 'x');
        for (;;) {
            ssize_t n = ::write(fd, block.data(), block.size());
            if (n > 0) continue;
            if (n < 0 && errno == EINTR) continue;
            break;
        }
        const int error = errno;
        ::close(fd);
        REQUIRE(error == ENOSPC);
    }

  private:
    fs::path where_;
    bool mounted_ = false;
    std::string why_not_;
};

struct Fixture {
    TempDir dir;
    SmallDisk disk{dir / "disk", "4m"};
    fs::path inbox = dir / "disk" / "inbox";
    fs::path database = dir / "disk" / "store.db";
    fs::path filler = dir / "disk" / "filler";
    core::SnapshotChannel channel;
    core::SyncStatus status;
    std::shared_ptr<std::atomic<int>> events_reads = std::make_shared<std::atomic<int>>(0);

    db::WriterOptions options() const {
        db::WriterOptions o;
        o.database = database;
        o.inbox = inbox;
        o.today = core::parse_date("2025-11-20");
        o.settle = 0ms;
        o.rescan = 100ms;
        o.before_import = [reads = events_reads](const fs::path& file) {
            if (file.filename() == "events.csv") ++*reads;
        };
        return o;
    }
    int count(const std::string& sql) const {
        SQLite::Database db(database.string());
        return db.execAndGet(sql).getInt();
    }
    std::string integrity() const {
        SQLite::Database db(database.string());
        return db.execAndGet("PRAGMA integrity_check").getString();
    }
    // Puts a file in the inbox whole: written beside it as *.tmp (ignored), then renamed.
    void drop(const std::string& name, const std::string& content) const {
        write_file(inbox / (name + ".tmp"), content);
        fs::rename(inbox / (name + ".tmp"), inbox / name);
    }
    // Schools, staff and two pupils, imported and shown.
    void start_with_base_data(db::Writer& writer) {
        fs::create_directories(inbox);
        drop("schools.csv", test_support::schools_csv());
        drop("staff.csv", test_support::staff_csv());
        drop("pupils.csv", test_support::pupils_csv());
        writer.start();
        REQUIRE(wait_until([&] {
            auto snapshot = channel.current();
            return snapshot && snapshot->data->pupils.size() == 2;
        }));
    }
    // The WAL emptied into the store and cut to nothing, so every later write needs new
    // space (a reused WAL would take small writes in place, even on a full disk).
    void checkpoint() const {
        SQLite::Database db(database.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
};

#define REQUIRE_SMALL_DISK(f)                                                                \
    if (!(f).disk.mounted()) {                                                               \
        WARN("SKIPPED: cannot mount a small tmpfs (" << (f).disk.why_not()                   \
                                                     << "); the disk-full tests need root"); \
        return;                                                                              \
    }

core::Command set_priority(int priority) {
    return core::SetPriority{"P000001", priority};
}

}  // namespace

TEST_CASE(
    "on a full disk an import waits in the inbox and an edit is not saved, and both catch up "
    "once space is freed") {
    Fixture f;
    REQUIRE_SMALL_DISK(f);
    db::Writer writer(f.options(), f.channel, f.status);
    f.start_with_base_data(writer);
    // Written while there is room, dropped once there is none.
    write_file(f.inbox / "events.csv.tmp", test_support::many_events_csv(2000, 2));
    f.checkpoint();
    f.disk.fill(f.filler);

    auto refused = writer.submit(set_priority(1), "test").get();
    CHECK_FALSE(refused.ok);
    CHECK(refused.disk_full);
    CHECK_THAT(refused.message, Catch::StartsWith("not saved: the disk is full") &&
                                    Catch::Contains(f.database.string()));

    fs::rename(f.inbox / "events.csv.tmp", f.inbox / "events.csv");
    REQUIRE(wait_until([&] {
        auto view = f.status.read();
        return view.disk_full && view.last_error.find("events.csv") != std::string::npos;
    }));
    auto view = f.status.read();
    CHECK_THAT(*view.disk_full, Catch::StartsWith("the disk is full (the store "));
    CHECK(fs::exists(f.inbox / "events.csv"));
    CHECK(fs::is_empty(f.inbox / "quarantine"));
    // Held back, not read again on every pass (every 100 ms here, fifteen in 1.5 s): the
    // tries come 0.1, 0.2, 0.4, 0.8 s apart, at most four in any 1.5 s (the bound allows
    // one more; a slow machine reads it less often, never more).
    const int reads_at_failure = *f.events_reads;
    std::this_thread::sleep_for(1500ms);
    const int reads = *f.events_reads - reads_at_failure;
    INFO("events.csv read " << reads << " more times while the disk stayed full");
    CHECK(reads <= 5);
    CHECK(f.status.read().disk_full);  // still full: the held file keeps the state
    CHECK(f.count("SELECT count(*) FROM event") == 0);
    CHECK(f.count("SELECT count(*) FROM case_state") == 0);
    CHECK(f.integrity() == "ok");
    // The board keeps its last data.
    REQUIRE(f.channel.current());
    CHECK(f.channel.current()->data->pupils.size() == 2);

    fs::remove(f.filler);
    // The rows in the store, and no strip: neither "disk full" nor "import failed".
    REQUIRE(wait_until([&] {
        auto now = f.status.read();
        return f.count("SELECT count(*) FROM event") == 2000 && !now.disk_full &&
               !now.last_attempt_failed;
    }));
    CHECK(fs::exists(f.inbox / "processed" / "events.csv"));
    CHECK_FALSE(fs::exists(f.inbox / "events.csv"));
    CHECK(fs::is_empty(f.inbox / "quarantine"));
    auto saved = writer.submit(set_priority(1), "test").get();
    CHECK(saved.ok);
    CHECK(f.count("SELECT priority FROM case_state WHERE pupil_ref = 'P000001'") == 1);
    CHECK(f.integrity() == "ok");
    writer.stop();
}

TEST_CASE(
    "on a full disk a bad file waits in the inbox for room for its report, then goes to "
    "quarantine with it") {
    Fixture f;
    REQUIRE_SMALL_DISK(f);
    db::Writer writer(f.options(), f.channel, f.status);
    f.start_with_base_data(writer);
    write_file(f.inbox / "staff.csv.tmp",
               "staff_id,name,role,district\nST09,Ash Vale,wizard,Maidstone\n");
    f.checkpoint();
    f.disk.fill(f.filler);

    fs::rename(f.inbox / "staff.csv.tmp", f.inbox / "staff.csv");
    REQUIRE(wait_until([&] {
        auto view = f.status.read();
        return view.disk_full && view.last_error.find("staff.csv") != std::string::npos;
    }));
    CHECK_THAT(*f.status.read().disk_full,
               Catch::StartsWith("the disk is full (the inbox folder "));
    CHECK_THAT(f.status.read().last_error, Catch::Contains("left in the inbox"));
    CHECK(fs::exists(f.inbox / "staff.csv"));
    CHECK(fs::is_empty(f.inbox / "quarantine"));

    fs::remove(f.filler);
    REQUIRE(wait_until([&] {
        return fs::exists(f.inbox / "quarantine" / "staff.csv.error.txt") &&
               !f.status.read().disk_full;
    }));
    CHECK(fs::exists(f.inbox / "quarantine" / "staff.csv"));
    CHECK_FALSE(fs::exists(f.inbox / "staff.csv"));
    CHECK_THAT(test_support::read_file(f.inbox / "quarantine" / "staff.csv.error.txt"),
               Catch::Contains("wizard"));
    CHECK(f.integrity() == "ok");
    writer.stop();
}

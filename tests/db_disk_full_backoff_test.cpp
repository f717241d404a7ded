// Holding back an inbox file that did not fit on a full disk: the first delay, doubling
// to the longest, an immediate retry once the disk gains the file's size in free space,
// and forgetting a file that went through or left the inbox. Time and free space are
// the test's own; the writer's use of it on a real full disk is in
// db_sync_disk_full_test.
#include <catch2/catch.hpp>

#include "db/sync/disk_full_backoff.hpp"
#include "support/temp_dir.hpp"

using namespace std::chrono_literals;
using Clock = db::DiskFullBackoff::Clock;

namespace {

struct Fixture {
    test_support::TempDir dir;
    std::filesystem::path file = dir / "events.csv";
    uint64_t free = 0;
    Clock::time_point t0 = Clock::now();
    db::DiskFullBackoff backoff{
        2s, 10s, [this](const std::filesystem::path&) { return free; }};
    Fixture() { test_support::write_file(file, std::string(200 * 1024, 'x')); }
};

}  // namespace

TEST_CASE("a file that did not fit waits, twice as long after each failure, up to the longest") {
    Fixture f;
    CHECK(f.backoff.due(f.file, f.t0));  // never failed
    f.backoff.failed(f.file, f.dir.path(), f.t0);
    CHECK(f.backoff.held() == 1);
    CHECK_FALSE(f.backoff.due(f.file, f.t0 + 1999ms));
    CHECK(f.backoff.due(f.file, f.t0 + 2s));

    auto t = f.t0 + 2s;
    f.backoff.failed(f.file, f.dir.path(), t);
    CHECK_FALSE(f.backoff.due(f.file, t + 3999ms));
    CHECK(f.backoff.due(f.file, t + 4s));
    t += 4s;
    f.backoff.failed(f.file, f.dir.path(), t);
    CHECK_FALSE(f.backoff.due(f.file, t + 7999ms));
    t += 8s;
    f.backoff.failed(f.file, f.dir.path(), t);  // 16 s, held to the longest: 10 s
    CHECK_FALSE(f.backoff.due(f.file, t + 9999ms));
    CHECK(f.backoff.due(f.file, t + 10s));
    // Other files are not held by it.
    CHECK(f.backoff.due(f.dir / "pupils.csv", t));
}

TEST_CASE("freeing the file's size on its disk makes a held file due at once") {
    Fixture f;
    f.free = 4096;
    f.backoff.failed(f.file, f.dir.path(), f.t0);
    f.free = 4096 + 100 * 1024;  // some room, not the file's 200 KB
    CHECK_FALSE(f.backoff.due(f.file, f.t0 + 1ms));
    f.free = 4096 + 200 * 1024;
    CHECK(f.backoff.due(f.file, f.t0 + 1ms));
}

TEST_CASE("a file that went through or left the inbox is forgotten") {
    Fixture f;
    const auto other = f.dir / "bookings.csv";
    test_support::write_file(other, "x");
    f.backoff.failed(f.file, f.dir.path(), f.t0);
    f.backoff.failed(other, f.dir.path(), f.t0);
    CHECK(f.backoff.held() == 2);
    f.backoff.done(f.file);
    CHECK(f.backoff.held() == 1);
    CHECK(f.backoff.due(f.file, f.t0));
    f.backoff.keep_only({f.file});
    CHECK(f.backoff.held() == 0);
    CHECK(f.backoff.due(other, f.t0));
}

TEST_CASE("free space is read from the file system of a folder or of a file's folder") {
    test_support::TempDir dir;
    test_support::write_file(dir / "store.db", "x");
    CHECK(db::DiskFullBackoff::free_bytes(dir.path()) > 0);
    CHECK(db::DiskFullBackoff::free_bytes(dir / "store.db") > 0);  // (other writers move it)
    CHECK(db::DiskFullBackoff::free_bytes(dir / "missing" / "x") == 0);
}

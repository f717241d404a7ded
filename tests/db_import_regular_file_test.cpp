// Reading an inbox file: only a regular file is read, never through a link, never a
// FIFO (which would block), and never one over the size limit.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <future>

#include "db/import/regular_file.hpp"
#include "support/temp_dir.hpp"

using test_support::TempDir;
using test_support::write_file;
namespace fs = std::filesystem;

TEST_CASE("a regular file is read byte for byte") {
    TempDir dir;
    const std::string bytes("urn,name\r\n\xEF\xBB\xBF\0x\n", 16);
    write_file(dir / "schools.csv", bytes);
    auto read = db::inbox::read_regular_file(dir / "schools.csv");
    REQUIRE(read.bytes);
    CHECK(*read.bytes == bytes);
    CHECK_FALSE(read.missing);
}

TEST_CASE("a file larger than a first read buffer is read whole") {
    TempDir dir;
    std::string bytes(300'000, 'a');
    bytes.back() = 'z';
    write_file(dir / "events.csv", bytes);
    auto read = db::inbox::read_regular_file(dir / "events.csv");
    REQUIRE(read.bytes);
    CHECK(*read.bytes == bytes);
}

TEST_CASE("a symbolic link is refused as a link and what it points to is not read") {
    TempDir dir;
    write_file(dir / "secret", "staff_id,name,role\nS1,Private Person,lead\n");
    fs::create_symlink(dir / "secret", dir / "staff.csv");
    auto read = db::inbox::read_regular_file(dir / "staff.csv");
    CHECK_FALSE(read.bytes);
    CHECK_FALSE(read.missing);
    CHECK_THAT(read.refusal, Catch::Contains("symbolic link") && Catch::Contains("not followed"));
}

TEST_CASE("a FIFO is refused at once, not waited on") {
    TempDir dir;
    const fs::path fifo = dir / "schools.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto reading =
        std::async(std::launch::async, [&] { return db::inbox::read_regular_file(fifo); });
    const bool returned = reading.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
    if (!returned) {
        // Release a reader blocked in open() so the test ends, failing.
        int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0) ::close(writer);
    }
    REQUIRE(returned);
    auto read = reading.get();
    CHECK_FALSE(read.bytes);
    CHECK_THAT(read.refusal, Catch::Contains("FIFO"));
}

TEST_CASE("a folder is refused as not a regular file") {
    TempDir dir;
    fs::create_directory(dir / "pupils.csv");
    auto read = db::inbox::read_regular_file(dir / "pupils.csv");
    CHECK_FALSE(read.bytes);
    CHECK_THAT(read.refusal, Catch::Contains("not a regular file") && Catch::Contains("folder"));
}

TEST_CASE("a missing file is reported as missing") {
    TempDir dir;
    auto read = db::inbox::read_regular_file(dir / "pupils.csv");
    CHECK_FALSE(read.bytes);
    CHECK(read.missing);
}

TEST_CASE("a file over the limit is refused, naming its size and the limit") {
    TempDir dir;
    const uint64_t limit = uint64_t{1} << 20;
    write_file(dir / "events.csv", std::string(limit + 1, 'x'));
    auto read = db::inbox::read_regular_file(dir / "events.csv", limit);
    CHECK_FALSE(read.bytes);
    CHECK_THAT(read.refusal, Catch::Contains("1.0 MB") && Catch::Contains("1 MB limit") &&
                                 Catch::Contains("max_file_mb"));
    // Exactly at the limit is allowed.
    write_file(dir / "pupils.csv", std::string(limit, 'x'));
    CHECK(db::inbox::read_regular_file(dir / "pupils.csv", limit).bytes);
}

TEST_CASE("the default limit is 200 MB") {
    TempDir dir;
    // Sparse: the size is what counts, and nothing of it is read.
    const fs::path file = dir / "events.csv";
    write_file(file, "");
    fs::resize_file(file, (uint64_t{200} << 20) + 1);
    auto read = db::inbox::read_regular_file(file);
    CHECK_FALSE(read.bytes);
    CHECK_THAT(read.refusal, Catch::Contains("200.0 MB") && Catch::Contains("200 MB limit"));
}

TEST_CASE("sizes are written in bytes or MB") {
    CHECK(db::inbox::size_text(1) == "1 byte");
    CHECK(db::inbox::size_text(1000) == "1000 bytes");
    CHECK(db::inbox::size_text(uint64_t{200} << 20) == "200 MB");
    CHECK(db::inbox::size_text((uint64_t{3} << 20) + (uint64_t{1} << 19)) == "3.5 MB");
}

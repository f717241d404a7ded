// The inbox folder on real files: what it lists (links and FIFOs too, so they are
// quarantined), where files go, the modes of what it creates, and that a move or a
// report never writes through a link or over something already there.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "db/sync/inbox_folder.hpp"
#include "support/temp_dir.hpp"

using namespace std::chrono_literals;
using test_support::read_file;
using test_support::TempDir;
using test_support::write_file;
namespace fs = std::filesystem;

namespace {

mode_t permissions(const fs::path& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

bool is_link(const fs::path& path) {
    return fs::is_symlink(fs::symlink_status(path));
}

bool listed(const std::vector<fs::path>& files, const fs::path& file) {
    return std::find(files.begin(), files.end(), file) != files.end();
}

}  // namespace

TEST_CASE("processed/ and quarantine/ are created for the service alone (0700)") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    CHECK(permissions(dir / "inbox" / "processed") == 0700);
    CHECK(permissions(dir / "inbox" / "quarantine") == 0700);
}

TEST_CASE("a quarantine report is created 0600 beside the file") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    write_file(dir / "inbox" / "schools.csv", "bad");
    auto moved = inbox.move_to_quarantine(dir / "inbox" / "schools.csv", "schools.csv: refused");
    CHECK(moved == dir / "inbox" / "quarantine" / "schools.csv");
    CHECK(read_file(moved) == "bad");
    const fs::path report = dir / "inbox" / "quarantine" / "schools.csv.error.txt";
    CHECK(read_file(report) == "schools.csv: refused\n");
    CHECK(permissions(report) == 0600);
}

TEST_CASE("a link planted at a report's name is not written through") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    write_file(dir / "victim", "keep me");
    fs::create_symlink(dir / "victim", dir / "inbox" / "quarantine" / "schools.csv.error.txt");
    write_file(dir / "inbox" / "schools.csv", "bad");
    auto moved = inbox.move_to_quarantine(dir / "inbox" / "schools.csv", "refused");
    CHECK(read_file(dir / "victim") == "keep me");
    const fs::path report = moved.string() + ".error.txt";
    CHECK_FALSE(is_link(report));
    CHECK(read_file(report) == "refused\n");
}

TEST_CASE("a move never replaces what is at its target, even a dangling link") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    const fs::path processed = dir / "inbox" / "processed";
    fs::create_symlink(dir / "nowhere", processed / "schools.csv");
    write_file(processed / "schools.1.csv", "earlier");
    write_file(dir / "inbox" / "schools.csv", "new");
    auto moved = inbox.move_to_processed(dir / "inbox" / "schools.csv");
    CHECK(moved == processed / "schools.2.csv");
    CHECK(read_file(moved) == "new");
    CHECK(is_link(processed / "schools.csv"));
    CHECK(read_file(processed / "schools.1.csv") == "earlier");
    CHECK_FALSE(fs::exists(fs::symlink_status(dir / "inbox" / "schools.csv")));
}

TEST_CASE("a processed/ replaced by a link is refused, and nothing goes where it points") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    fs::create_directory(dir / "elsewhere");
    fs::remove(dir / "inbox" / "processed");
    fs::create_directory_symlink(dir / "elsewhere", dir / "inbox" / "processed");
    write_file(dir / "inbox" / "schools.csv", "x");
    CHECK_THROWS_AS(inbox.move_to_processed(dir / "inbox" / "schools.csv"), fs::filesystem_error);
    CHECK(fs::is_empty(dir / "elsewhere"));
    CHECK(fs::exists(dir / "inbox" / "schools.csv"));
}

TEST_CASE("a move of a file that has gone throws a filesystem error") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    CHECK_THROWS_AS(inbox.move_to_processed(dir / "inbox" / "schools.csv"), fs::filesystem_error);
}

TEST_CASE("links and FIFOs are listed like files, folders and ignored names are not") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    const fs::path in = dir / "inbox";
    write_file(dir / "secret", "x");
    fs::create_symlink(dir / "secret", in / "staff.csv");
    REQUIRE(::mkfifo((in / "schools.csv").c_str(), 0600) == 0);
    write_file(in / "pupils.csv", "x");
    write_file(in / "pupils.csv.tmp", "x");
    fs::create_directory(in / "events.csv");
    auto all = inbox.all_files();
    CHECK(all.size() == 3);
    CHECK(listed(all, in / "staff.csv"));
    CHECK(listed(all, in / "schools.csv"));
    CHECK(listed(all, in / "pupils.csv"));
    bool settling = false;
    auto ready = inbox.ready_files(settling);
    CHECK(ready.size() == 3);
    CHECK(listed(ready, in / "schools.csv"));
    CHECK_FALSE(settling);
}

TEST_CASE("a file set aside is left out until it changes") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 0ms);
    const fs::path file = dir / "inbox" / "schools.csv";
    write_file(file, "x");
    inbox.set_aside(file);
    bool settling = false;
    CHECK(inbox.all_files().empty());
    CHECK(inbox.ready_files(settling).empty());
    CHECK_FALSE(settling);
    write_file(file, "changed");
    CHECK(listed(inbox.all_files(), file));
}

TEST_CASE("a settling file is looked at again when its settle period ends, not half a period early") {
    TempDir dir;
    db::InboxFolder inbox(dir / "inbox", 1h);
    // Nothing settling: the writer looks again after half a period at most.
    CHECK(inbox.until_next_settled() <= 30min);
    write_file(dir / "inbox" / "events.csv", "pupil_ref,event,date\n");
    bool settling = false;
    CHECK(inbox.ready_files(settling).empty());
    CHECK(settling);
    const auto wait = inbox.until_next_settled();
    CHECK(wait > 30min);  // the old rescan after settle / 2 would import it a half period late
    CHECK(wait <= 1h);
}

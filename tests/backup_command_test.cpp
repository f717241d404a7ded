// `liftboard backup` end to end: the real binary on real files.
// A backup restored in place of the store gives the same `check` output.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using test_support::run_command;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

std::string check_output(const fs::path& db) {
    auto result = run_command(kBinary + " check --today 2025-11-24 --db " + db.string() + " 2>&1");
    INFO(result.output);
    REQUIRE(result.status == 0);
    return result.output;
}

}  // namespace

TEST_CASE("a restored backup gives the same check output as the store it came from") {
    test_support::TempDir dir;
    const fs::path live = dir / "live.db";
    REQUIRE(
        run_command(kBinary + " demo-data --pupils 60 --today 2025-11-24 --out " + live.string())
            .status == 0);
    const std::string before = check_output(live);
    REQUIRE(before.size() > 100);  // the demo district has findings to compare

    auto backup = run_command(kBinary + " backup --db " + live.string() + " --out " +
                              (dir / "copy.db").string());
    INFO(backup.output);
    REQUIRE(backup.status == 0);
    struct stat info {};
    REQUIRE(::stat((dir / "copy.db").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    // Restore as the README says: stop liftboard, copy the backup over the store.
    fs::create_directories(dir / "restored");
    fs::copy_file(dir / "copy.db", dir / "restored" / "live.db");
    CHECK(check_output(dir / "restored" / "live.db") == before);
}

TEST_CASE("backup refuses to write over the database itself and names a missing one") {
    test_support::TempDir dir;
    const fs::path live = dir / "live.db";
    REQUIRE(run_command(kBinary + " demo-data --pupils 5 --out " + live.string()).status == 0);
    CHECK(
        run_command(kBinary + " backup --db " + live.string() + " --out " + live.string()).status ==
        2);
    auto missing = run_command(kBinary + " backup --db " + (dir / "none.db").string() + " --out " +
                               (dir / "copy.db").string() + " 2>&1");
    CHECK(missing.status == 1);
    CHECK_THAT(missing.output, Catch::Contains("none.db"));
}

// `liftboard sync --once` end to end: the real binary on a real inbox folder.
#include <catch2/catch.hpp>

#include "support/inbox_files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using test_support::run_command;

TEST_CASE("sync --once imports, moves each file and prints a line per file") {
    test_support::TempDir dir;
    fs::create_directories(dir / "inbox");
    test_support::write_file(dir / "inbox" / "pupils.csv", test_support::pupils_csv());
    test_support::write_file(dir / "inbox" / "schools.csv", test_support::schools_csv());
    test_support::write_file(dir / "inbox" / "notes.txt", "not an inbox file");
    auto result = run_command(std::string(LIFTBOARD_BINARY) + " sync --once --db " + (dir / "x.db").string() +
                              " --inbox " + (dir / "inbox").string());
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK_THAT(result.output, Catch::Contains("schools.csv: schools, 2 inserted"));
    CHECK_THAT(result.output, Catch::Contains("pupils.csv: pupils, 2 inserted"));
    CHECK(fs::exists(dir / "inbox" / "processed" / "pupils.csv"));
    CHECK(fs::exists(dir / "inbox" / "notes.txt"));  // other files are left alone
}

TEST_CASE("sync --once exits non-zero when a file was quarantined") {
    test_support::TempDir dir;
    fs::create_directories(dir / "inbox");
    test_support::write_file(dir / "inbox" / "pupils.csv", test_support::pupils_csv());  // unknown schools
    auto result = run_command(std::string(LIFTBOARD_BINARY) + " sync --once --db " + (dir / "x.db").string() +
                              " --inbox " + (dir / "inbox").string());
    INFO(result.output);
    CHECK(result.status == 1);
    CHECK(fs::exists(dir / "inbox" / "quarantine" / "pupils.csv"));
    CHECK_THAT(test_support::read_file(dir / "inbox" / "quarantine" / "pupils.csv.error.txt"),
               Catch::Contains("school_urn"));
}

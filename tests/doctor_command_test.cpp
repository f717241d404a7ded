// `liftboard doctor` end to end: the real binary on a healthy and a damaged store.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using test_support::run_command;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

}  // namespace

TEST_CASE("doctor reports a healthy store and exits 0") {
    test_support::TempDir dir;
    const fs::path live = dir / "live.db";
    REQUIRE(run_command(kBinary + " demo-data --pupils 20 --out " + live.string()).status == 0);
    auto result = run_command(kBinary + " doctor --db " + live.string() + " 2>&1");
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK_THAT(result.output, Catch::Contains("integrity check: ok"));
    CHECK_THAT(result.output, Catch::Contains("schema version: "));
    CHECK_THAT(result.output, Catch::Contains(" pupil "));
    CHECK_THAT(result.output, Catch::Contains("wal: "));
    CHECK_THAT(result.output, Catch::Contains("last sync: "));
    CHECK_THAT(result.output, Catch::Contains("verdict: ok"));
}

TEST_CASE("doctor exits non-zero and says what to do for a damaged store") {
    test_support::TempDir dir;
    const fs::path live = dir / "live.db";
    REQUIRE(run_command(kBinary + " demo-data --pupils 20 --out " + live.string()).status == 0);
    const std::string bytes = test_support::read_file(live);
    test_support::write_file(dir / "cut.db", bytes.substr(0, bytes.size() / 2));
    auto result = run_command(kBinary + " doctor --db " + (dir / "cut.db").string() + " 2>&1");
    INFO(result.output);
    CHECK(result.status == 1);
    CHECK_THAT(result.output, Catch::Contains("verdict: the database is damaged"));
    CHECK_THAT(result.output, Catch::Contains("what to do: "));

    auto missing = run_command(kBinary + " doctor --db " + (dir / "none.db").string() + " 2>&1");
    CHECK(missing.status == 1);
    CHECK_THAT(missing.output, Catch::Contains("does not exist"));
}

// The [backup] block of the config: its defaults, its keys and their errors.
#include <catch2/catch.hpp>

#include "app/config.hpp"
#include "support/temp_dir.hpp"

namespace {

app::Config load(const std::string& toml) {
    static test_support::TempDir dir;
    auto file = dir / "liftboard.toml";
    test_support::write_file(file, toml);
    return app::load_config(file, {"meetings", "caseload", "triage", "lookup", "trends"});
}

}  // namespace

TEST_CASE("without a [backup] dir there are no daily backups") {
    auto c = load("");
    CHECK(c.backup_dir.empty());
    CHECK(c.backup_keep == 7);
    CHECK(c.backup_at.minutes == 2 * 60);
}

TEST_CASE("[backup] dir, keep and at are read") {
    auto c = load("[backup]\ndir = \"/var/lib/liftboard/backups\"\nkeep = 14\nat = \"03:30\"\n");
    CHECK(c.backup_dir == "/var/lib/liftboard/backups");
    CHECK(c.backup_keep == 14);
    CHECK(c.backup_at.minutes == 3 * 60 + 30);
}

TEST_CASE("a bad [backup] value names the key") {
    CHECK_THROWS_WITH(load("[backup]\nkeep = 0\n"), Catch::Contains("backup.keep"));
    CHECK_THROWS_WITH(load("[backup]\nat = \"3am\"\n"), Catch::Contains("backup.at"));
    CHECK_THROWS_WITH(load("[backup]\nfolder = \"x\"\n"), Catch::Contains("backup.folder"));
}

// `liftboard hub push-local` on a real PostgreSQL server: a store that imported its
// files before it had a hub sends them, checked as `hub import` checks files, all or
// nothing; one bad row sends nothing and names the row.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "support/hub_fixture.hpp"

using test_support::Hub;
using test_support::TempDir;

namespace {

std::string binary() {
    return LIFTBOARD_BINARY;
}

// A store with the small directory imported locally, as before any hub.
std::filesystem::path local_store(const TempDir& dir) {
    test_support::write_directory_files(dir / "files");
    const auto db = dir / "local.db";
    auto imported = test_support::run_command(binary() + " import --db " + db.string() + " " +
                                              (dir / "files").string());
    INFO(imported.output);
    REQUIRE(imported.status == 0);
    return db;
}

}  // namespace

TEST_CASE("push-local sends a store's imported rows to an empty hub, and again changes nothing") {
    TempDir dir;
    const auto db = local_store(dir);
    Hub hub;  // schema only
    const std::string command =
        binary() + " hub push-local --db " + db.string() + " --pg '" + hub.uri() + "'";
    auto pushed = test_support::run_command(command);
    INFO(pushed.output);
    REQUIRE(pushed.status == 0);
    CHECK_THAT(pushed.output, Catch::Contains("pupils: 2 inserted, 0 updated, 0 unchanged"));
    CHECK(hub.count("SELECT count(*) FROM school") == 2);
    CHECK(hub.count("SELECT count(*) FROM pupil") == 2);
    CHECK(hub.count("SELECT count(*) FROM event") == 3);
    CHECK(hub.count("SELECT count(*) FROM booking") == 2);
    CHECK(hub.count("SELECT count(*) FROM lift_meeting") == 2);
    CHECK(hub.text("SELECT first_name || ' ' || year_group FROM pupil WHERE pupil_ref = "
                   "'P000001'") == "Ari 3");

    auto again = test_support::run_command(command);
    INFO(again.output);
    REQUIRE(again.status == 0);
    CHECK_THAT(again.output, Catch::Contains("pupils: 0 inserted, 0 updated, 2 unchanged"));

    // A board synced with the hub now has what the local import had.
    test_support::Client client(hub.uri());
    REQUIRE(client.sync());
    CHECK(client.snapshot()->data->pupils.size() == 2);
    CHECK(client.snapshot()->data->events.size() == 3);
}

TEST_CASE("push-local with one bad row sends nothing and names the row") {
    TempDir dir;
    const auto db = local_store(dir);
    {
        // A row no import would have let in (a damaged store, or an older version's).
        SQLite::Database database(db.string(), SQLite::OPEN_READWRITE);
        database.exec(
            "INSERT INTO pupil(pupil_ref, school_urn, initials, year_group) VALUES "
            "('P000009', '900001', 'QX', 42)");
    }
    Hub hub;
    auto pushed = test_support::run_command(binary() + " hub push-local --db " + db.string() +
                                            " --pg '" + hub.uri() + "'");
    INFO(pushed.output);
    CHECK(pushed.status == 1);
    CHECK_THAT(pushed.output, Catch::Contains("nothing sent") &&
                                  Catch::Contains("local pupil P000009: field 'year_group'"));
    // Not even the schools, checked and written before the pupils.
    for (const char* table : {"school", "staff", "term", "pupil", "event", "import_log"}) {
        INFO(table);
        CHECK(hub.count(std::string("SELECT count(*) FROM ") + table) == 0);
    }
}

TEST_CASE("push-local without a hub or a store says so") {
    TempDir dir;
    auto no_hub = test_support::run_command("env -u LIFTBOARD_HUB " + binary() +
                                            " hub push-local --db " + (dir / "x.db").string());
    CHECK(no_hub.status == 2);
    CHECK_THAT(no_hub.output, Catch::Contains("no store at"));
    const auto db = local_store(dir);
    no_hub = test_support::run_command("env -u LIFTBOARD_HUB " + binary() +
                                       " hub push-local --db " + db.string());
    CHECK(no_hub.status == 2);
    CHECK_THAT(no_hub.output, Catch::Contains("no hub"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.db"));
}

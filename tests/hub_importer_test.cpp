// `hub import`'s contract is the local importer's: validation against the hub's keys,
// a refused file writes nothing, the same file twice changes nothing, a changed row is
// an update; `hub init` on a current hub is a no-op and migrates an older one.
#include <catch2/catch.hpp>

#include "support/hub_fixture.hpp"

using test_support::Hub;
using test_support::TempDir;

namespace {

db::ImportReport import_one(const Hub& hub, const std::filesystem::path& file) {
    pqxx::connection connection(hub.uri());
    return db::hub::import_file_to_hub(connection, file);
}

}  // namespace

TEST_CASE("a refused file writes nothing to the hub and names line and field") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    int64_t events = hub.count("SELECT count(*) FROM event");
    int64_t logged = hub.count("SELECT count(*) FROM import_log");
    int64_t change = hub.count("SELECT last_value FROM change_seq");
    test_support::write_file(dir / "events-bad.csv",
                             "pupil_ref,event,date,detail,staff_id\n"
                             "P000001,visit,2025-11-01,,\n"
                             "P000404,visit,2025-11-02,,\n");
    auto report = import_one(hub, dir / "events-bad.csv");
    CHECK(report.outcome == db::ImportOutcome::refused);
    CHECK_THAT(report.error_text(), Catch::Contains("events-bad.csv:3: field 'pupil_ref'"));
    CHECK(hub.count("SELECT count(*) FROM event") == events);
    CHECK(hub.count("SELECT count(*) FROM import_log") == logged);
    CHECK(hub.count("SELECT last_value FROM change_seq") == change);  // nothing for clients
}

TEST_CASE("the same file twice changes nothing, a changed row is an update") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    auto again = import_one(hub, dir / "files" / "schools.csv");
    CHECK(again.outcome == db::ImportOutcome::unchanged_duplicate);
    test_support::write_file(dir / "schools-renamed.csv",
                             "urn,name,district,lift_group,phase\n"
                             "900001,Larkspur Primary School,Maidstone,A,primary\n"
                             "900002,Wrenmoor Academy,Maidstone,C,primary\n");
    int64_t change = hub.count("SELECT max(change_no) FROM school");
    auto renamed = import_one(hub, dir / "schools-renamed.csv");
    CHECK(renamed.summary() ==
          (dir / "schools-renamed.csv").string() + ": schools, 0 inserted, 1 updated, 1 unchanged");
    // Only the changed row gets a new change number: clients pull one row.
    CHECK(hub.count("SELECT count(*) FROM school WHERE change_no > " + std::to_string(change)) ==
          1);
}

TEST_CASE("hub init on a current hub changes nothing") {
    Hub hub;  // migrated once already
    auto init = test_support::run_command(std::string(LIFTBOARD_BINARY) + " hub init --pg '" +
                                          hub.uri() + "'");
    INFO(init.output);
    CHECK(init.status == 0);
    CHECK_THAT(init.output, Catch::Contains("hub schema version 2 (already current)"));
    CHECK(hub.count("SELECT count(*) FROM hub_migration") == 2);
}

TEST_CASE("a hub of schema version 1 gains the event columns and keeps its rows") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    {  // back to version 1, as a hub made before issue 11
        pqxx::connection connection(hub.uri());
        pqxx::work work(connection);
        work.exec0(
            "ALTER TABLE event DROP COLUMN note, DROP COLUMN owner, DROP COLUMN review_date");
        work.exec0("DELETE FROM hub_migration WHERE version = 2");
        work.commit();
    }
    pqxx::connection connection(hub.uri());
    CHECK(db::hub::migrate_hub(connection) == 1);
    CHECK(db::hub::hub_schema_version(connection) == 2);
    CHECK(hub.count("SELECT count(*) FROM event WHERE note = '' AND owner = '' AND "
                    "review_date IS NULL") == 3);
    test_support::write_file(dir / "events-after-lift.csv",
                             "pupil_ref,event,date,detail,owner,review_date\n"
                             "P000001,recommendation,2025-10-02,advice,school,2025-12-02\n");
    hub.import({dir / "events-after-lift.csv"});
    CHECK(hub.text("SELECT owner FROM event WHERE event = 'recommendation'") == "school");
}

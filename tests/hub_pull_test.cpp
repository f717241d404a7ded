// Pulling from a hub on a real PostgreSQL server that a newer client has written to:
// rows this version cannot read are kept in the store, skipped by the rules, and
// counted for the status bar; they never stop a snapshot.
#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include "core/hub_status_text.hpp"
#include "db/store.hpp"
#include "support/hub_fixture.hpp"

using test_support::Client;
using test_support::Hub;
using test_support::TempDir;

TEST_CASE("an event kind from a newer client is kept, skipped and counted, never fatal") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client client(hub.uri());
    REQUIRE(client.sync());
    const auto before = client.snapshot();
    REQUIRE(before);
    CHECK(before->data->newer_version_rows == 0);
    const size_t events_before = before->data->events.size();

    {
        // What a newer client's push leaves on the hub: a kind this version lacks.
        pqxx::connection connection(hub.uri());
        pqxx::work tx(connection);
        tx.exec0(
            "INSERT INTO event(pupil_ref, event, date, detail, staff_id, change_no) VALUES "
            "('P000001', 'kind_from_a_later_release', '2025-11-10', '', 'ST01', 0), "
            "('P000002', 'kind_from_a_later_release', '2025-11-11', '', '', 0)");
        tx.commit();
    }
    // And a change this version does know, pulled in the same pass.
    test_support::write_file(dir / "events-more.csv",
                             "pupil_ref,event,date,detail,staff_id\n"
                             "P000002,qfla,2025-10-02,,\n");
    hub.import({dir / "events-more.csv"});

    REQUIRE(client.sync());
    const auto after = client.snapshot();
    REQUIRE(after);
    CHECK(after->generation > before->generation);  // a new snapshot, not the stale one
    CHECK(after->data->newer_version_rows == 2);
    CHECK(after->data->events.size() == events_before + 1);
    CHECK(after->assessments.size() == after->data->pupils.size());
    CHECK(core::newer_version_text(after->data->newer_version_rows) ==
          "2 rows from a newer version not shown");
    CHECK(core::newer_version_text(1) == "1 row from a newer version not shown");
    CHECK(core::newer_version_text(0).empty());

    // Kept for the version that knows them, and a restart still loads.
    CHECK(client.count("SELECT count(*) FROM event WHERE event = 'kind_from_a_later_release'") ==
          2);
    db::Store reopened(client.database());
    CHECK(reopened.load_dataset().newer_version_rows == 2);
}

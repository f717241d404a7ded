// Clients and one hub on a real PostgreSQL server: incremental pulls, pushed triage
// edits converging, optimistic-concurrency conflicts kept for resolution, change
// notices, and `check` after a hub pull matching a local import of the same files.
#include <catch2/catch.hpp>

#include "db/hub/hub_source.hpp"
#include "db/store.hpp"
#include "support/hub_fixture.hpp"
#include "support/wait.hpp"

using namespace std::chrono_literals;
using test_support::Client;
using test_support::Hub;
using test_support::TempDir;

namespace {

core::Event visit(const std::string& ref, const char* date) {
    return {ref, core::EventKind::visit, core::parse_date(date).value(), "", "ST01"};
}

// Events with the optional columns of issue 11, in a spreadsheet's shape (BOM, CRLF, UK
// dates, headers as typed).
const std::string kAfterLiftEvents =
    "\xEF\xBB\xBFPupil Ref,Event,Date,Detail,Note,Owner,Review Date\r\n"
    "P000001,recommendation,02/10/2025,training,\"INSET, then \xE2\x80\x9Czones\xE2\x80\x9D\","
    "school,20/11/2025\r\n"
    "P000002,ehcna_requested,01/09/2025,,,,\r\n"
    "P000002,ehcna_decision,20/10/2025,assess,Assessment agreed,LA,\r\n";

}  // namespace

TEST_CASE("an event's note, owner and review date travel hub to client and client to hub") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    test_support::write_file(dir / "events-after-lift.csv", kAfterLiftEvents);
    hub.import({dir / "events-after-lift.csv"});
    CHECK(hub.text("SELECT note || '|' || owner || '|' || review_date::text FROM event "
                   "WHERE event = 'recommendation'") ==
          "INSET, then \xE2\x80\x9Czones\xE2\x80\x9D|school|2025-11-20");

    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    auto pulled = a.snapshot()->data->events_of("P000001");
    bool found = false;
    for (const core::EventEntry& e : pulled)
        if (e.kind == core::EventKind::recommendation) {
            found = true;
            CHECK(e.note == "INSET, then \xE2\x80\x9Czones\xE2\x80\x9D");
            CHECK(e.owner == "school");
            CHECK(e.review_date == core::parse_date("2025-11-20"));
        }
    CHECK(found);

    // Recorded on one board, seen on another through the hub.
    core::Event advice{"P000002", core::EventKind::recommendation,
                       core::parse_date("2025-11-13").value(), "advice", ""};
    advice.note = "Visual timetable";
    advice.owner = "EP";
    advice.review_date = core::parse_date("2026-02-13");
    auto recorded = a.edit(core::RecordEvent{advice});
    REQUIRE(a.sync());
    CHECK(recorded.get().ok);
    CHECK(hub.text("SELECT note || '|' || owner || '|' || review_date::text FROM event "
                   "WHERE event = 'recommendation' AND pupil_ref = 'P000002'") ==
          "Visual timetable|EP|2026-02-13");
    REQUIRE(b.sync());
    found = false;
    for (const core::EventEntry& e : b.snapshot()->data->events_of("P000002"))
        if (e.kind == core::EventKind::recommendation) {
            found = true;
            CHECK(e.note == "Visual timetable");
            CHECK(e.owner == "EP");
            CHECK(e.review_date == core::parse_date("2026-02-13"));
        }
    CHECK(found);
}

TEST_CASE("a client pulls everything once, then only what changed") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client client(hub.uri());
    REQUIRE(client.sync());
    CHECK(client.snapshot()->data->pupils.size() == 2);
    CHECK(client.snapshot()->data->events.size() == 3);
    CHECK(client.snapshot()->data->bookings.size() == 2);

    REQUIRE(client.sync());
    // Nothing new on the hub: the pull read nothing at all.
    CHECK_THAT(client.summary(), Catch::Contains("pulled 0 rows"));
    test_support::write_file(dir / "events-more.csv",
                             "pupil_ref,event,date,detail,staff_id\n"
                             "P000002,qfla,2025-10-02,,\n");
    hub.import({dir / "events-more.csv"});
    REQUIRE(client.sync());
    CHECK_THAT(client.summary(), Catch::Contains("pulled 1 rows (1 changed)"));
    CHECK(client.snapshot()->data->events.size() == 4);
    CHECK(client.count("SELECT count(*) FROM hub_cursor") > 0);
}

TEST_CASE("two clients and one hub converge after concurrent edits") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    REQUIRE(b.sync());

    // Both edit at once, neither having seen the other's edit.
    auto assign = a.edit(core::AssignTeacher{"P000001", "ST02"});
    auto priority = b.edit(core::SetPriority{"P000002", 1});
    auto event = b.edit(core::RecordEvent{visit("P000001", "2025-11-18")});
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    REQUIRE(a.sync());
    CHECK(assign.get().ok);
    CHECK(priority.get().ok);
    CHECK(event.get().ok);

    for (Client* client : {&a, &b}) {
        REQUIRE(client->case_of("P000001") != nullptr);
        CHECK(client->case_of("P000001")->assigned_staff_id == "ST02");
        REQUIRE(client->case_of("P000002") != nullptr);
        CHECK(client->case_of("P000002")->priority == 1);
        CHECK(client->snapshot()->data->events.size() == 4);
        CHECK(client->snapshot()->conflicts.empty());
        CHECK(client->count("SELECT count(*) FROM hub_outbox") == 0);
    }
    CHECK(hub.count("SELECT count(*) FROM audit") == 3);
    CHECK(hub.text("SELECT assigned_staff_id FROM case_state WHERE pupil_ref = 'P000001'") ==
          "ST02");
}

TEST_CASE("a conflicting edit is detected, kept and shown, and the hub is not overwritten") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    REQUIRE(b.sync());

    a.edit(core::AssignTeacher{"P000001", "ST01"});
    REQUIRE(a.sync());
    // b has not pulled a's edit: its edit is based on the old version.
    b.edit(core::AssignTeacher{"P000001", "ST02"});
    REQUIRE(b.sync());

    auto conflicts = b.snapshot()->conflicts;
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].pupil_ref == "P000001");
    CHECK(conflicts[0].who == "tester");
    CHECK_THAT(conflicts[0].what, Catch::Contains("ST02"));
    CHECK_THAT(conflicts[0].mine, Catch::Contains("ST02"));
    CHECK_THAT(conflicts[0].theirs, Catch::Contains("ST01"));
    // The hub keeps the first edit; b shows the hub's value, and its own edit only as
    // the conflict.
    CHECK(hub.text("SELECT assigned_staff_id FROM case_state WHERE pupil_ref = 'P000001'") ==
          "ST01");
    CHECK(b.case_of("P000001")->assigned_staff_id == "ST01");
    CHECK(hub.count("SELECT count(*) FROM audit") == 1);

    // Kept: another sync neither drops nor repeats it, and it survives a restart.
    REQUIRE(b.sync());
    CHECK(b.snapshot()->conflicts.size() == 1);
    db::Store reopened(b.database());
    CHECK(reopened.load_dataset().conflicts.size() == 1);
    CHECK(a.snapshot()->conflicts.empty());
}

TEST_CASE("an edit that does not conflict goes on from the version the hub gave it") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    a.edit(core::AssignTeacher{"P000001", "ST01"});
    a.edit(core::SetPriority{"P000001", 2});  // two edits queued before one push
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    b.edit(core::SetPriority{"P000001", 3});  // made on the version a left
    REQUIRE(b.sync());
    REQUIRE(a.sync());
    CHECK(a.snapshot()->conflicts.empty());
    CHECK(b.snapshot()->conflicts.empty());
    CHECK(a.case_of("P000001")->priority == 3);
    CHECK(a.case_of("P000001")->assigned_staff_id == "ST01");
    CHECK(hub.count("SELECT version FROM case_state WHERE pupil_ref = 'P000001'") == 3);
}

TEST_CASE("paperwork recorded on two boards: the second, different date is a conflict") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    auto meeting = core::parse_date("2025-11-13").value();
    a.edit(core::RecordPaperwork{"P000001", meeting, core::parse_date("2025-11-03").value()});
    b.edit(core::RecordPaperwork{"P000001", meeting, core::parse_date("2025-11-04").value()});
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    CHECK(hub.text("SELECT paperwork_received::text FROM booking WHERE pupil_ref = 'P000001'") ==
          "2025-11-03");
    REQUIRE(b.snapshot()->conflicts.size() == 1);
    CHECK_THAT(b.snapshot()->conflicts[0].theirs, Catch::Contains("2025-11-03"));
}

TEST_CASE("a hub change notice wakes a listening client without waiting for a poll") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    db::Store store(dir / "client.db");
    core::SyncStatus status;
    db::hub::HubSourceOptions options;
    options.connection_string = hub.uri();
    options.poll = std::chrono::hours(1);  // only a notice can make it due
    db::hub::HubSource source(options, status);
    REQUIRE(source.sync(store, true).ok);

    std::atomic<int> wakes{0};
    source.start([&] { wakes.fetch_add(1); });
    REQUIRE(test_support::wait_until([&] { return wakes.load() >= 1; }));  // on connecting
    source.sync(store, false);
    CHECK_FALSE(source.sync(store, false).attempted);  // no news, no poll due
    int before = wakes.load();
    test_support::write_file(dir / "events-more.csv",
                             "pupil_ref,event,date,detail,staff_id\n"
                             "P000002,qfla,2025-10-02,,\n");
    hub.import({dir / "events-more.csv"});
    REQUIRE(test_support::wait_until([&] { return wakes.load() > before; }));
    auto pass = source.sync(store, false);
    CHECK(pass.attempted);
    CHECK(pass.changed);
    source.stop();
    CHECK(store.load_dataset().events.size() == 4);
}

TEST_CASE("check after a hub pull prints what it prints after a local import of the same files") {
    TempDir dir;
    test_support::write_directory_files(dir / "files");
    // After LIFT too: a recommendation to review and the statutory EHC clocks.
    test_support::write_file(dir / "files" / "events-after-lift.csv", kAfterLiftEvents);
    std::string binary = LIFTBOARD_BINARY;
    auto local = test_support::run_command(binary + " import --db " + (dir / "local.db").string() +
                                           " " + (dir / "files").string());
    REQUIRE(local.status == 0);

    std::string uri = test_support::fresh_hub_uri();
    auto init = test_support::run_command(binary + " hub init --pg '" + uri + "'");
    INFO(init.output);
    REQUIRE(init.status == 0);
    CHECK_THAT(init.output, Catch::Contains("hub schema version 2 (created)"));
    auto imported = test_support::run_command(binary + " hub import --pg '" + uri + "' " +
                                              (dir / "files").string());
    INFO(imported.output);
    REQUIRE(imported.status == 0);
    CHECK_THAT(imported.output, Catch::Contains("pupils.csv: pupils, 2 inserted"));
    auto synced = test_support::run_command(binary + " sync --once --db " +
                                            (dir / "client.db").string() + " --hub '" + uri + "'");
    INFO(synced.output);
    REQUIRE(synced.status == 0);
    CHECK_THAT(synced.output, Catch::Contains("hub: pushed 0 edits (0 conflicts), pulled"));

    for (const char* format : {"csv", "json"}) {
        std::string args = std::string(" --today 2025-11-20 --format ") + format;
        auto from_local =
            test_support::run_command(binary + " check --db " + (dir / "local.db").string() + args);
        auto from_hub = test_support::run_command(binary + " check --db " +
                                                  (dir / "client.db").string() + args);
        REQUIRE(from_local.status == 0);
        REQUIRE(from_hub.status == 0);
        CHECK(from_local.output.find('\n') < from_local.output.size() - 1);  // has findings
        CHECK(from_hub.output == from_local.output);
    }
}

TEST_CASE("TLS options in the connection string reach libpq") {
    std::string uri = test_support::fresh_hub_uri();
    std::string require = uri.substr(0, uri.find("sslmode=")) + "sslmode=require";
    // The test server has no TLS: requiring it must fail, which shows sslmode was used.
    auto init = test_support::run_command(std::string(LIFTBOARD_BINARY) + " hub init --pg '" +
                                          require + "'");
    CHECK(init.status == 2);
    CHECK_THAT(init.output, Catch::Contains("SSL"));
}

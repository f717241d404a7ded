// The hub going away and coming back, on a real server stopped and restarted (each
// test has its own cluster): a pull cut off half-way resumes with nothing lost or
// duplicated, edits made offline wait and are pushed on reconnection, and a running
// board keeps its data, says "hub offline since" and catches up by itself.
#include <catch2/catch.hpp>

#include "core/hub_status_text.hpp"
#include "db/hub/hub_source.hpp"
#include "db/store.hpp"
#include "support/hub_fixture.hpp"
#include "support/wait.hpp"

using namespace std::chrono_literals;
using test_support::Client;
using test_support::Hub;
using test_support::PgCluster;
using test_support::TempDir;

namespace {

// Every row of a table, ordered, as text, from the hub or from a local store.
std::string hub_dump(const std::string& uri, const std::string& table, const std::string& columns) {
    pqxx::connection connection(uri);
    pqxx::nontransaction tx(connection);
    std::string out;
    for (const auto& row :
         tx.exec("SELECT " + columns + " FROM " + table + " ORDER BY " + columns)) {
        for (const auto& field : row)
            out += (field.is_null() ? "NULL" : field.as<std::string>()) + "|";
        out += "\n";
    }
    return out;
}

std::string local_dump(const std::filesystem::path& database, const std::string& table,
                       const std::string& columns) {
    SQLite::Database db(database.string());
    SQLite::Statement query(db, "SELECT " + columns + " FROM " + table + " ORDER BY " + columns);
    std::string out;
    while (query.executeStep()) {
        for (int i = 0; i < query.getColumnCount(); ++i)
            out += (query.getColumn(i).isNull() ? "NULL" : query.getColumn(i).getString()) + "|";
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE(
    "the hub stopped in the middle of a pull and restarted: nothing lost, nothing duplicated") {
    PgCluster cluster;
    TempDir dir;
    Hub hub(cluster.uri());
    test_support::write_file(dir / "schools.csv", test_support::schools_csv());
    test_support::write_file(dir / "pupils.csv", test_support::many_pupils_csv(300));
    test_support::write_file(dir / "events.csv", test_support::many_events_csv(3000, 300));
    hub.import({dir / "schools.csv", dir / "pupils.csv", dir / "events.csv"});

    db::Store store(dir / "client.db");
    core::SyncStatus status;
    db::hub::HubSourceOptions options;
    options.connection_string = cluster.uri();
    options.listen = false;
    options.pull.batch_rows = 200;
    bool cut = false;
    options.pull.after_batch = [&](size_t rows) {
        if (rows >= 1000 && !cut) {
            cut = true;
            cluster.stop();
        }
    };
    db::hub::HubSource source(options, status);

    auto first = source.sync(store, true);
    REQUIRE(cut);
    CHECK_FALSE(first.ok);
    auto offline = status.read();
    REQUIRE(offline.hub_offline_since.has_value());
    CHECK_THAT(core::hub_offline_text(offline), Catch::StartsWith("hub offline since "));
    auto partial = store.load_dataset();
    CHECK(partial.events.size() < 3000);  // committed batches stay: the pull was cut

    cluster.start();
    auto second = source.sync(store, true);
    INFO(second.summary);
    REQUIRE(second.ok);
    CHECK_FALSE(status.read().hub_offline_since.has_value());
    auto full = store.load_dataset();
    CHECK(full.pupils.size() == 300);
    CHECK(full.events.size() == 3000);
    // Row for row what the hub holds: no gaps, no duplicates.
    CHECK(local_dump(dir / "client.db", "event", "pupil_ref, event, date, detail, staff_id") ==
          hub_dump(cluster.uri(), "event", "pupil_ref, event, date::text, detail, staff_id"));
    CHECK(local_dump(dir / "client.db", "pupil", "pupil_ref, school_urn, initials") ==
          hub_dump(cluster.uri(), "pupil", "pupil_ref, school_urn, initials"));
    // The resumed pull did not start again from the beginning.
    CHECK(second.summary.find("pulled 3302 rows") == std::string::npos);
}

TEST_CASE("edits made while the hub is offline are kept and pushed on reconnection") {
    PgCluster cluster;
    TempDir dir;
    Hub hub(cluster.uri());
    hub.import_directory(dir);
    Client a(cluster.uri()), b(cluster.uri());
    REQUIRE(a.sync());

    cluster.stop();
    auto assign = a.edit(core::AssignTeacher{"P000001", "ST02"});
    auto visit = a.edit(core::RecordEvent{
        {"P000002", core::EventKind::visit, core::parse_date("2025-11-19").value(), "", ""}});
    CHECK_FALSE(a.sync());
    CHECK(assign.get().ok);  // applied locally: the board shows it at once
    CHECK(visit.get().ok);
    CHECK(a.case_of("P000001")->assigned_staff_id == "ST02");
    CHECK(a.count("SELECT count(*) FROM hub_outbox") == 2);
    CHECK(a.status().read().hub_offline_since.has_value());
    CHECK(a.status().read().last_error.find("hub unreachable") != std::string::npos);

    cluster.start();
    REQUIRE(a.sync());
    CHECK_THAT(a.summary(), Catch::Contains("pushed 2 edits (0 conflicts)"));
    CHECK(a.count("SELECT count(*) FROM hub_outbox") == 0);
    CHECK_FALSE(a.status().read().hub_offline_since.has_value());
    REQUIRE(b.sync());
    CHECK(b.case_of("P000001")->assigned_staff_id == "ST02");
    CHECK(b.snapshot()->data->events.size() == 4);
    CHECK(hub.count("SELECT count(*) FROM audit") == 2);
}

TEST_CASE("a running board keeps its data while the hub is down and catches up when it returns") {
    PgCluster cluster;
    TempDir dir;
    Hub hub(cluster.uri());
    hub.import_directory(dir);

    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = dir / "board.db";
    options.hub = cluster.uri();
    options.today = core::parse_date("2025-11-20");
    db::Writer writer(options, channel, status);
    writer.start();
    auto events = [&] {
        auto snapshot = channel.current();
        return snapshot ? snapshot->data->events.size() : 0;
    };
    REQUIRE(test_support::wait_until([&] { return events() == 3; }));

    cluster.stop();
    REQUIRE(test_support::wait_until([&] { return status.read().hub_offline_since.has_value(); }));
    CHECK(events() == 3);  // the last data stays on the board
    CHECK_FALSE(core::hub_offline_text(status.read()).empty());

    cluster.start();
    test_support::write_file(dir / "events-more.csv",
                             "pupil_ref,event,date,detail,staff_id\n"
                             "P000002,qfla,2025-10-02,,\n");
    hub.import({dir / "events-more.csv"});
    REQUIRE(test_support::wait_until([&] { return events() == 4; }, 60s));
    CHECK_FALSE(status.read().hub_offline_since.has_value());
    writer.stop();
}

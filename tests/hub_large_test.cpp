// A 100k-pupil initial pull: a new board joining a district-sized hub gets every
// pupil and event, in several batches, and its pathway data matches the hub's.
#include <catch2/catch.hpp>
#include <cstdio>

#include "db/hub/hub_rows.hpp"
#include "db/hub/hub_source.hpp"
#include "db/store.hpp"
#include "support/hub_fixture.hpp"

using test_support::Hub;
using test_support::TempDir;

TEST_CASE("a new client pulls a 100k-pupil hub completely") {
    constexpr int kPupils = 100000;
    Hub hub;
    {
        std::vector<core::Pupil> pupils;
        std::vector<core::Event> events;
        char ref[16];
        for (int i = 1; i <= kPupils; ++i) {
            std::snprintf(ref, sizeof ref, "P%06d", i);
            pupils.push_back(
                {ref, i % 2 ? "900001" : "900002", "AB", "", "", i % 12, core::NeedArea::cl});
            events.push_back({ref, core::EventKind::concern_raised,
                              core::parse_date("2025-09-15").value(), "", ""});
        }
        pqxx::connection connection(hub.uri());
        pqxx::work tx(connection);
        db::hub::upsert_rows(tx, db::hub::hub_table("school"),
                             db::hub::to_rows(std::vector<core::School>{
                                 {"900001", "Larkspur Primary School", "Maidstone", "A", ""},
                                 {"900002", "Wrenmoor Academy", "Swale", "B", ""}}));
        db::hub::upsert_rows(tx, db::hub::hub_table("pupil"), db::hub::to_rows(pupils));
        db::hub::upsert_rows(tx, db::hub::hub_table("event"), db::hub::to_rows(events));
        tx.commit();
    }

    TempDir dir;
    db::Store store(dir / "client.db");
    core::SyncStatus status;
    db::hub::HubSourceOptions options;
    options.connection_string = hub.uri();
    options.listen = false;
    size_t batches = 0;
    options.pull.after_batch = [&](size_t) { ++batches; };
    db::hub::HubSource source(options, status);
    auto pass = source.sync(store, true);
    INFO(pass.summary);
    REQUIRE(pass.ok);
    CHECK_THAT(pass.summary, Catch::Contains("pulled 200002 rows (200002 changed)"));
    CHECK(batches >= 5);  // pupils and events each in more than one transaction

    auto data = store.load_dataset();
    REQUIRE(data.pupils.size() == kPupils);
    CHECK(data.events.size() == kPupils);
    const auto last = data.pupil("P100000");
    REQUIRE(last.has_value());
    CHECK(last->school_urn == "900002");
    CHECK(last->year_group == 100000 % 12);
    CHECK(data.events_of("P054321").size() == 1);
    // Pulling again reads nothing more.
    CHECK_THAT(source.sync(store, true).summary, Catch::Contains("pulled 0 rows"));
}

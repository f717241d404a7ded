// A generated demo district loaded straight into a hub database: what the hub benchmark
// and the hub property test start from. Header-only, like pg_cluster.hpp, so the bench
// can use it too.
#pragma once

#include <pqxx/pqxx>

#include "db/demo/demo_generator.hpp"
#include "db/hub/hub_rows.hpp"

namespace test_support {

// The demo world into the hub, one transaction, through the importer's bulk upsert;
// returns the number of rows.
inline size_t load_demo_into_hub(pqxx::connection& connection, const db::demo::DemoWorld& world) {
    using db::hub::hub_table;
    using db::hub::to_rows;
    pqxx::work tx(connection);
    size_t rows = 0;
    auto load = [&](const char* table, const auto& records) {
        db::hub::upsert_rows(tx, hub_table(table), to_rows(records));
        rows += records.size();
    };
    load("school", world.schools);
    load("term", world.terms);
    load("staff", world.staff);
    load("lift_group", world.lift_groups);
    load("lift_meeting", world.meetings);
    load("surgery", world.surgeries);
    load("pupil", world.pupils);
    load("event", world.events);
    load("booking", world.bookings);
    tx.commit();
    return rows;
}

}  // namespace test_support

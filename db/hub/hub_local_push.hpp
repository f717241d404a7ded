// `liftboard hub push-local`: the rows a local store imported before it had a hub, sent
// to the hub with `hub import`'s contract (hub_importer.hpp): every table's rows are
// checked by the local importer's validation against the hub's keys, as if they were
// an inbox file of their kind, and written with the same upserts, in dependency order,
// all in one PostgreSQL transaction: one bad row and nothing is sent.
#pragma once

#include <pqxx/connection>
#include <string>
#include <vector>

#include "db/import/problem.hpp"

namespace db {
class Store;
}

namespace db::hub {

struct LocalPushReport {
    bool sent = false;               // committed on the hub
    std::vector<std::string> lines;  // one per table: "pupils: 2 inserted, 0 updated, ..."
    // The rows refused, each named by table and key ("local pupil P000009: field
    // 'year_group': ..."), or the hub's failure (redacted).
    ProblemList problems;
};

// Never throws for a bad row or a hub error: the report says.
LocalPushReport push_local_rows(pqxx::connection& connection, Store& store);

}  // namespace db::hub

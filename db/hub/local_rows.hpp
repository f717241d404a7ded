// Rows of the hub's shared tables in the local store, read and written as JSON objects
// of text values (null for NULL), the form the outbox and the push pass rows around in.
// Used where a row must be put back as it was decided: a conflict resolved (keep mine
// writes my row again, take theirs writes the hub's row or removes one it lacks).
#pragma once

#include <nlohmann/json.hpp>

#include "db/hub/hub_tables.hpp"

namespace db {
class Store;
}

namespace db::hub {

// The local row with the key of `row` (only its key columns are read), or null.
nlohmann::json local_row(Store& store, const HubTable& table, const nlohmann::json& row);

// Inserts `row`, or updates the row with its key: columns `row` does not name keep
// their value (or the column's default).
void write_local_row(Store& store, const HubTable& table, const nlohmann::json& row);

// Removes the row with the key of `row`; false when none was there. Throws when other
// rows refer to it (foreign keys are on).
bool delete_local_row(Store& store, const HubTable& table, const nlohmann::json& row);

}  // namespace db::hub

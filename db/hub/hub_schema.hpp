// The hub's PostgreSQL schema and its numbered migrations (recorded in hub_migration),
// applied by `liftboard hub init`. Every shared row carries a change number from one
// sequence, stamped by a trigger on insert and update, so a client pulls "everything
// after N" per table; a statement-level trigger NOTIFYs listening clients.
#pragma once

#include <pqxx/connection>
#include <string>

namespace db::hub {

// The schema version this build writes and reads.
int hub_latest_schema_version();

// Brings the hub up to hub_latest_schema_version(), one transaction per migration,
// serialised against other `hub init` runs. Returns the version found before. Throws
// HubError, also for a hub created by a newer liftboard.
int migrate_hub(pqxx::connection& connection);

// The hub's schema version, 0 for an empty database. Throws HubError.
int hub_schema_version(pqxx::connection& connection);

// The hub's identity (a random id made by the first migration): local cursors belong
// to one hub, so pointing a client at another hub starts its pull from the beginning.
std::string hub_id(pqxx::connection& connection);

// The NOTIFY channel clients LISTEN on.
inline constexpr const char* kHubChannel = "liftboard_hub";

}  // namespace db::hub

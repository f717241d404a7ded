// Numbered schema migrations, applied in order and recorded in PRAGMA user_version.
#pragma once

#include <SQLiteCpp/Database.h>

namespace db {

// The schema version this build writes. A database newer than this is refused.
int latest_schema_version();

// Brings `database` up to latest_schema_version(), one transaction per migration.
// Throws std::runtime_error for a database from a newer build.
void migrate(SQLite::Database& database);

}  // namespace db

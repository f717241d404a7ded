// Numbered schema migrations, applied in order and recorded in PRAGMA user_version.
#pragma once

#include <SQLiteCpp/Database.h>

namespace db {

// The schema version this build writes. A database newer than this is refused.
int latest_schema_version();

// Brings `database` up to latest_schema_version(), one transaction per migration.
// Throws std::runtime_error for a database from a newer build.
void migrate(SQLite::Database& database);

// The meta key holding the token of the dataset cache (db/dataset_cache.hpp) that matches
// the store's data; absent when none does.
inline constexpr const char* kDatasetCacheTokenKey = "dataset_cache_token";

// Permanent triggers on every table Store::load_dataset reads that delete that key on any
// insert, update or delete, by any connection or program (an older liftboard, the sqlite3
// shell): a cache can then never be taken for the store after a write it does not hold.
// Not a numbered migration: older builds keep opening the store, and fire the triggers.
// Created when missing; a store opened read-write has them afterwards.
void ensure_dataset_cache_triggers(SQLite::Database& database);

}  // namespace db

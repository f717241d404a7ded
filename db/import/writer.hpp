// The writing half of an import: a CheckedFile without problems is applied in one
// SQLite transaction (through Store::upsert; events, the 100k-row kind, through
// EventWriter with the same semantics), logged in import_log with its SHA-256, or (on
// any SQLite error) rolled back so the store is exactly as it was.
#pragma once

#include <optional>
#include <string>

#include "db/import/checked_file.hpp"
#include "db/import/write_counts.hpp"
#include "db/store.hpp"

namespace db::inbox {

// True when a file with this SHA-256 was imported before.
bool already_imported(SQLite::Database& database, const std::string& sha256);

// Applies `checked` (which must be ok()). Returns nullopt, having written nothing,
// when its SHA-256 is already in import_log. Throws SQLite::Exception after rolling
// back when the database refuses a write.
std::optional<WriteCounts> write_checked(Store& store, const CheckedFile& checked);

}  // namespace db::inbox

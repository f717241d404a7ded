// Fills References from the store with plain SELECTs: only the tables the given kind
// can refer to, so importing schools does not read 100k events.
#pragma once

#include <SQLiteCpp/Database.h>

#include "db/import/kinds.hpp"
#include "db/import/references.hpp"

namespace db::inbox {

References load_references(SQLite::Database& database, InboxKind kind);

}  // namespace db::inbox

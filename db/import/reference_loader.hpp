// Fills References from the store with plain SELECTs: only the tables the given kind
// can refer to, so importing schools does not read 100k events.
#pragma once

#include <SQLiteCpp/Database.h>

#include "db/import/kinds.hpp"
#include "db/import/references.hpp"

namespace db::inbox {

// How the pupils' schools are read: all of them now (plain data that may outlive the
// database), or each when validation first asks (an import's References, used and
// dropped while the store is open: a 1k-row file then reads 1k pupils, not 100k).
enum class Pupils { all, on_demand };

References load_references(SQLite::Database& database, InboxKind kind, Pupils pupils = Pupils::all);

}  // namespace db::inbox

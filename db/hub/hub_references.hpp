// What an inbox file may refer to, read from the hub instead of the local store: the
// hub importer validates with exactly the local importer's rules (db/import) against
// the hub's keys.
#pragma once

#include "db/import/kinds.hpp"
#include "db/import/references.hpp"

namespace pqxx {
class transaction_base;
}

namespace db::hub {

// Only the tables `kind` can refer to, as db::inbox::load_references does.
inbox::References load_hub_references(pqxx::transaction_base& tx, InboxKind kind);

}  // namespace db::hub

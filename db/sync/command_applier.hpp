// Applies one triage command to the store: checks it against what is stored, writes
// it in one transaction together with its audit row (who, when, what, before, after),
// or refuses it with a reason and writes nothing.
#pragma once

#include <string>

#include "core/command.hpp"

namespace db {

class Store;

// With `for_hub` (a hub is configured) the edit is also queued in the hub outbox, in
// the same transaction, for the hub source to push (db/hub/outbox.hpp). A resolved
// sync conflict is queued for the hub always (db/hub/conflict_resolution.hpp).
core::CommandResult apply_command(Store& store, const core::Command& command,
                                  const std::string& who, bool for_hub = false);

}  // namespace db

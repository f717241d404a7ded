// Settling a hub sync conflict (core::ResolveConflict) in the local store, inside the
// writer's transaction for the command. The conflict is marked resolved, and the caller
// queues the returned effects in the outbox, so the hub gets the resolution and its
// audit row with the next push:
// - keep mine writes my rows here again and re-bases each on the hub's row as this
//   store last pulled it (a case edit on its row version, any other row on its
//   values): if the hub changed again since, the push files a new conflict rather
//   than overwrite a change nobody has seen;
// - take theirs changes nothing on the hub; the push sets each of the edit's rows here
//   to the hub's current row (or removes a row the hub does not have).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/command.hpp"
#include "core/sync_conflict.hpp"

namespace db {
class Store;
}

namespace db::hub {

struct Resolution {
    std::string refused;  // not empty: nothing was written, and this says why
    std::string what;     // the audit line: the resolution and the edit it settles
    nlohmann::json before, after;
    nlohmann::json effects = nlohmann::json::array();  // for the outbox
};

Resolution resolve_conflict(Store& store, const core::ResolveConflict& command);

// The conflicts not yet resolved, oldest first.
std::vector<core::SyncConflict> open_conflicts(Store& store);

}  // namespace db::hub

// Pushes the outbox to the hub, oldest edit first, each in its own hub transaction
// with its audit row. An edit is checked against the hub as it is now (optimistic
// concurrency): a case edit needs the row version it was made on, a paperwork edit
// the date the booking had, an insert a free key or an identical row. An edit that
// fails its check, or that the hub refuses outright (an unknown school, say), becomes
// a local conflict to resolve; it is never dropped and never overwrites the hub.
#pragma once

#include <cstddef>
#include <pqxx/connection>

namespace db {
class Store;
}

namespace db::hub {

struct PushResult {
    size_t pushed = 0;     // applied on the hub (or found applied already)
    size_t conflicts = 0;  // filed locally
    size_t refreshed = 0;  // local rows set to the hub's (conflicts resolved as theirs)
};

// Throws (sort with current_hub_error()) when the hub cannot be reached: what was not
// pushed stays queued.
PushResult push_outbox(pqxx::connection& connection, Store& store);

}  // namespace db::hub

// A triage edit the hub did not take because the case changed there first (or the hub
// refused it): kept in the local store until resolved and shown on the triage board
// with both sides, so nobody's edit is lost or silently overwritten.
#pragma once

#include <cstdint>
#include <string>

namespace core {

struct SyncConflict {
    int64_t id = 0;
    std::string pupil_ref;
    std::string what;  // the edit, as the audit trail words it
    std::string who;
    std::string edited_at;    // when the edit was made (UTC, ISO 8601)
    std::string detected_at;  // when the hub turned it down
    std::string mine;         // "assigned_staff_id ST02, priority 1"
    std::string theirs;       // what the hub holds now, same form
    std::string reason;
    bool operator==(const SyncConflict&) const = default;
};

}  // namespace core

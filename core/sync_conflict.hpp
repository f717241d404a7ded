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

// A side (mine or theirs) as it may be shown: one recorded by an older version may
// list first_name and last_name, and with `privacy` such a side is withheld whole.
std::string conflict_side_text(const std::string& side, bool privacy);
// Only the first line of a reason: an older version kept PostgreSQL's DETAIL line,
// which quotes the failing row.
std::string conflict_reason_line(const std::string& reason);

}  // namespace core

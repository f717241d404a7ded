// One hub sync conflict as the triage board writes it: the pupil as every board names
// them (pupil_line: initials and ref, the full name only with privacy off), the edit,
// both sides and the reason. A conflict recorded by an older version may carry names
// (its sides listed first_name and last_name, its reason quoted PostgreSQL's DETAIL
// line): with privacy on such a side is withheld, and a reason is only ever its first
// line.
#pragma once

#include <string>

#include "core/snapshot.hpp"
#include "core/sync_conflict.hpp"

namespace widgets {

std::string conflict_line(const core::Snapshot& snapshot, const core::SyncConflict& conflict,
                          bool privacy);

}  // namespace widgets

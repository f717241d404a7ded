// Conflict texts fit for a screen or a terminal (see sync_conflict.hpp).
#include "core/sync_conflict.hpp"

namespace core {

std::string conflict_side_text(const std::string& side, bool privacy) {
    // A side as db/hub/outbox.cpp describes a row ("column value, column value"); one
    // written before names were left out lists a name column.
    if (privacy && (side.find("first_name") != std::string::npos ||
                    side.find("last_name") != std::string::npos))
        return "(not shown: privacy on)";
    return side;
}

std::string conflict_reason_line(const std::string& reason) {
    return reason.substr(0, reason.find('\n'));
}

}  // namespace core

#include "widgets/conflict_line.hpp"

#include "core/pupil_text.hpp"
#include "widgets/pupil_line.hpp"

namespace widgets {
namespace {

// A side as db/hub/outbox.cpp describes a row ("column value, column value"); one
// written before names were left out lists a name column.
std::string side_text(const std::string& text, bool privacy) {
    if (privacy && (text.find("first_name") != std::string::npos ||
                    text.find("last_name") != std::string::npos))
        return "(not shown: privacy on)";
    return text;
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

}  // namespace

std::string conflict_line(const core::Snapshot& snapshot, const core::SyncConflict& c,
                          bool privacy) {
    std::string who = c.pupil_ref;
    if (snapshot.data) {
        if (int index = snapshot.data->pupil_index(c.pupil_ref); index >= 0) {
            const auto pupil = static_cast<uint32_t>(index);
            who = pupil_line(snapshot, pupil, core::pupil_label(snapshot.data->pupils[pupil]),
                             privacy);
        }
    }
    std::string line = who + "   " + c.what + "  \xc2\xb7  here: " + side_text(c.mine, privacy) +
                       "  \xc2\xb7  hub: " + side_text(c.theirs, privacy);
    if (!c.reason.empty()) line += "  \xc2\xb7  " + first_line(c.reason);
    return line;
}

}  // namespace widgets

#include "widgets/conflict_line.hpp"

#include "core/pupil_text.hpp"
#include "widgets/pupil_line.hpp"

namespace widgets {

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
    std::string line = who + "   " + c.what +
                       "  \xc2\xb7  here: " + core::conflict_side_text(c.mine, privacy) +
                       "  \xc2\xb7  hub: " + core::conflict_side_text(c.theirs, privacy);
    if (!c.reason.empty()) line += "  \xc2\xb7  " + core::conflict_reason_line(c.reason);
    return line;
}

}  // namespace widgets

// The status bar along the bottom of every board: which board and whether privacy is
// on, a banner slot (stale data, offline, a drawing error), when the data last changed,
// and the clock, large enough to read across the room.
#pragma once

#include <string_view>

#include "widgets/board.hpp"

namespace widgets {

struct StatusInfo {
    std::string_view board_title;  // "Caseload"
    std::string_view clock;        // "14:07"
    std::string_view data_as_of;   // "Thu 20 Nov 14:02"; empty while nothing is loaded
    std::string_view banner;  // shown in red when not empty (the wall shows it above the board)
};

class StatusBar {
  public:
    // Height in pixels at the context's scale: the board window stops above it.
    float height(const BoardContext& context) const;
    // Draws its own window across the bottom of the main viewport.
    void draw(const StatusInfo& info, const BoardContext& context);
};

}  // namespace widgets

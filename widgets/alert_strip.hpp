// A full-width strip across the top of a board for what must not be missed from across
// the room: stale data, a failed import, the hub offline. Bold dark text on a solid
// bright colour, so it reads even when the board below it is busy.
#pragma once

#include <string_view>

#include "widgets/board.hpp"

namespace widgets {

// Height the strip takes at the context's scale (0 for an empty message).
float alert_strip_height(std::string_view message, const BoardContext& context);
// Draws the strip at the current cursor, across the window's content width.
void draw_alert_strip(std::string_view message, const BoardContext& context);

}  // namespace widgets

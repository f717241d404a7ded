// The row of board tabs along the top: touch-sized buttons to switch boards (the
// keyboard has F1..F4 and Ctrl+Tab), with the configured emergency-contact line at the
// right end so it is on every board.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "widgets/board.hpp"

namespace widgets {

// Draws the tabs; returns the index of a tab clicked this frame.
std::optional<size_t> draw_board_tabs(const std::vector<std::string_view>& titles, size_t active,
                                      std::string_view contact_line, const BoardContext& context);

}  // namespace widgets

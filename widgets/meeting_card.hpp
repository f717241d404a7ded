// One meeting on the meeting board: a card with the meeting's date, kind, group, venue
// and paperwork deadline, the group's schools, a summary with the blocked and overdue
// counts, and the bookings as two-line rows (a status word a room can read, the pupil,
// the school; the paperwork and each check) scrolled with a clipper. Also the card that
// says a week has no meeting.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/meetings.hpp"
#include "widgets/board.hpp"

namespace widgets {

struct MeetingCardInput {
    const core::MeetingCard* card = nullptr;
    const std::vector<std::string>* school_lines = nullptr;  // pre-wrapped for the width
    ImVec2 size;                                             // of the whole card
    std::optional<Scroll> scroll;                            // applied to the booking list
};

// Height of one booking row at the context's fonts and scale.
float booking_row_height(const BoardContext& context);
// How many lines of schools a card `height` pixels high can give the group's schools,
// leaving room for its first bookings: 2 to 6 (more schools end in "+N more").
size_t school_line_budget(const core::MeetingCard& card, float height, const BoardContext& context);

// Draws `text` at `pos` in `font` straight to `draw` (no item), ending in an ellipsis at
// `max_x` when it does not fit; returns the x where it ended.
float put_text(ImDrawList* draw, ImFont* font, ImVec2 pos, float max_x, const ImVec4& colour,
               std::string_view text);

void draw_meeting_card(const MeetingCardInput& input, const BoardContext& context);
void draw_empty_week(std::string_view text, ImVec2 size, const BoardContext& context);

}  // namespace widgets

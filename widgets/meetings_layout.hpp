// The meeting board's layout decisions that need no window: which columns the two weeks
// get (a card per meeting, or one "nothing this week" column), how the schools of a
// group pack into a few lines, and what a booking's detail line says. Pure (text
// widths come from a caller's function), so it is unit-tested without ImGui.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/meetings.hpp"

namespace widgets {

struct MeetingColumn {
    int week = 0;   // 0 this week, 1 next week
    int card = -1;  // index into MeetingBoardModel::cards; -1: the week has no meeting
};

// This week's columns first; a week without meetings gets one placeholder column.
std::vector<MeetingColumn> meeting_columns(const core::MeetingBoardModel& model);

// "This week: no LIFT meeting or Surgery in Maidstone"
std::string empty_week_text(const core::MeetingBoardModel& model, int week);

using MeasureText = std::function<float(std::string_view)>;

// The group's schools as at most `max_lines` lines no wider than `width`, names joined
// with " · " and a booked count after each school with bookings ("Oak Primary 2");
// when they do not all fit, the last line ends with "+N more".
std::vector<std::string> school_lines(const std::vector<core::MeetingSchool>& schools, float width,
                                      size_t max_lines, const MeasureText& measure);

// One coloured run of a booking's second line.
struct DetailRun {
    std::string_view text;
    core::Status status = core::Status::ok;
    bool dim = false;  // secondary text (ok states), drawn in the dim colour
};

// The second line of a booking: the paperwork state and each check's mark (or the
// "consent and Surgery on record" note), most severe first, what passed last. Views
// into `booking`, which must outlive them.
std::vector<DetailRun> booking_detail(const core::MeetingBooking& booking);

// The rows of a list `rows` long that lie below a view showing rows from `first`
// (fractional: a partly scrolled row) for `visible` rows: "↓ 12 more" counts these.
int rows_below(int rows, float first, float visible);

}  // namespace widgets

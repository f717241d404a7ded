// The LIFT case timer (see lift_session_timer.hpp).
#include "core/lift_session_timer.hpp"

#include <algorithm>

namespace core {

TimerState case_timer(int64_t elapsed_seconds, int slot_minutes) {
    TimerState t;
    t.remaining_seconds =
        int64_t{std::max(slot_minutes, 0)} * 60 - std::max<int64_t>(elapsed_seconds, 0);
    // Red only once the slot has run out: at 0:00 the case is on time, just.
    t.colour = t.remaining_seconds < 0                     ? TimerColour::red
               : t.remaining_seconds <= kTimerAmberSeconds ? TimerColour::amber
                                                           : TimerColour::normal;
    const int64_t shown = t.remaining_seconds < 0 ? -t.remaining_seconds : t.remaining_seconds;
    const int64_t seconds = shown % 60;
    t.text = std::to_string(shown / 60) + (seconds < 10 ? ":0" : ":") + std::to_string(seconds) +
             (t.remaining_seconds < 0 ? " over" : " left");
    return t;
}

}  // namespace core

// The LIFT case timer: how much of a case's slot is left, as a pure function of when the
// case started and now, so the board, its tests and a benchmark agree on every second.
// It only informs: amber with five minutes left, red once over; it never blocks anything.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace core {

enum class TimerColour : uint8_t { normal, amber, red };

inline constexpr int kTimerAmberSeconds = 5 * 60;

struct TimerState {
    int64_t remaining_seconds = 0;  // negative once over
    TimerColour colour = TimerColour::normal;
    std::string text;  // "12:05 left", "0:40 left", "2:10 over"
};

// From the seconds elapsed since the case started (negative counts as 0) and its slot.
TimerState case_timer(int64_t elapsed_seconds, int slot_minutes);
inline TimerState case_timer(std::chrono::steady_clock::time_point started,
                             std::chrono::steady_clock::time_point now, int slot_minutes) {
    return case_timer(std::chrono::duration_cast<std::chrono::seconds>(now - started).count(),
                      slot_minutes);
}

}  // namespace core

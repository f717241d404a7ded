// Time as the event loop and status bar need it: how long the loop may sleep before the
// clock on screen changes, the clock's text, and a thread CPU clock for frame timing.
// Pure functions of a time point, so the wake-up arithmetic is unit-tested.
#pragma once

#include <chrono>
#include <string>

#include "app/config.hpp"

namespace app {

// Seconds from `now` to the start of the next minute (local time shares minute
// boundaries with UTC in every zone the service runs in), plus a small margin so
// the wake-up lands after the boundary, never just before it. Always > 0.
double seconds_until_next_minute(std::chrono::system_clock::time_point now);

// "14:07" in local time.
std::string clock_text(std::chrono::system_clock::time_point now);

// "Thu 20 Nov 14:02" in local time: when the data last changed.
std::string as_of_text(std::chrono::system_clock::time_point when);

// Minutes since local midnight, for the kiosk's night hours.
ClockTime local_clock_time(std::chrono::system_clock::time_point now);

// CPU time consumed by the calling thread, in milliseconds (CLOCK_THREAD_CPUTIME_ID):
// frame cost without the time spent waiting on the display server.
double thread_cpu_ms();

}  // namespace app

// Watchdog gating (see liveness.hpp).
#include "app/liveness.hpp"

namespace app {

bool Liveness::should_ping(Clock::time_point now, Clock::time_point writer_heartbeat) {
    if (limits_.watchdog <= Clock::duration::zero() || !last_frame_) return false;
    // A frame older than half the interval means the loop is not turning: the loop
    // presents at least that often while a watchdog is armed (max_sleep).
    if (now - *last_frame_ > limits_.watchdog / 2) return false;
    if (now - writer_heartbeat > limits_.writer_quiet) return false;
    // systemd recommends pinging at half the interval; a quarter leaves slack.
    if (last_ping_ && now - *last_ping_ < limits_.watchdog / 4) return false;
    last_ping_ = now;
    return true;
}

std::optional<std::chrono::duration<double>> Liveness::max_sleep() const {
    if (limits_.watchdog <= Clock::duration::zero()) return std::nullopt;
    return std::chrono::duration<double>(limits_.watchdog) / 4;
}

}  // namespace app

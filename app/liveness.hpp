// When a long-running liftboard may tell the watchdog it is alive: only while frames
// are really being presented (the kiosk) and the writer thread has been round its loop
// recently. A frame loop that stopped or a writer stuck in a statement must let the
// watchdog fire, so the ping is withheld rather than sent from a timer that would keep
// running through either fault. Pure arithmetic over steady-clock times: unit-tested.
#pragma once

#include <chrono>
#include <optional>

namespace app {

class Liveness {
  public:
    using Clock = std::chrono::steady_clock;

    struct Limits {
        Clock::duration watchdog{0};  // WatchdogSec=; zero: no watchdog armed
        // A writer busy with one big import legitimately goes quiet for a while; past
        // this it is taken as stuck.
        Clock::duration writer_quiet{std::chrono::minutes(3)};
    };

    explicit Liveness(Limits limits) : limits_(limits) {}

    // Every presented frame (the sync service, which has none, reports its own loop).
    void frame_presented(Clock::time_point now) { last_frame_ = now; }

    // Whether to send WATCHDOG=1 now, given the writer's last heartbeat. Rate-limited to
    // a few pings per interval; never while the frame loop or the writer is stalled.
    bool should_ping(Clock::time_point now, Clock::time_point writer_heartbeat);

    // The longest the frame loop may sleep: frames must keep coming for pings to go out.
    std::optional<std::chrono::duration<double>> max_sleep() const;

  private:
    Limits limits_;
    std::optional<Clock::time_point> last_frame_;
    std::optional<Clock::time_point> last_ping_;
};

}  // namespace app

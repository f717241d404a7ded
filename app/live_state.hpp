// What the frame loop tells the rest of the process about itself, readable from any
// thread: frames drawn and when the last one was presented (atomics), and the few
// texts `liftboard ctl status` reports (board, kiosk state, the last config reload),
// under a mutex held only for a copy. The control endpoint answers `status` from here
// without asking the UI thread, so it still answers while the frame loop is stuck.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace app {

class LiveState {
  public:
    using Clock = std::chrono::steady_clock;

    struct Texts {
        std::string board;         // the board on screen
        std::string kiosk_state;   // rotating | paused | night | blank | window
        std::string screen_power;  // on | off | unavailable | disabled (DPMS)
        std::string config_file;
        std::optional<std::chrono::system_clock::time_point> config_loaded_at;
        std::string config_error;  // the last reload's error; empty when it took effect
    };

    void frame_presented(Clock::time_point now) {
        last_frame_.store(now.time_since_epoch().count());
        frames_.fetch_add(1);
    }
    uint64_t frames() const { return frames_.load(); }
    std::optional<Clock::time_point> last_frame() const {
        const auto ticks = last_frame_.load();
        if (ticks == kNever) return std::nullopt;
        return Clock::time_point(Clock::duration(ticks));
    }

    Texts texts() const {
        std::lock_guard lock(mutex_);
        return texts_;
    }
    void set_screen(std::string board, std::string kiosk_state, std::string screen_power) {
        std::lock_guard lock(mutex_);
        texts_.board = std::move(board);
        texts_.kiosk_state = std::move(kiosk_state);
        texts_.screen_power = std::move(screen_power);
    }
    void set_config(std::string file, std::string error) {
        std::lock_guard lock(mutex_);
        texts_.config_file = std::move(file);
        texts_.config_error = std::move(error);
        if (texts_.config_error.empty()) texts_.config_loaded_at = std::chrono::system_clock::now();
    }

  private:
    static constexpr Clock::rep kNever = INT64_MIN;
    std::atomic<uint64_t> frames_{0};
    std::atomic<Clock::rep> last_frame_{kNever};
    mutable std::mutex mutex_;
    Texts texts_;
};

}  // namespace app

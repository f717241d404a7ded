// The supervisor of a running dashboard: answers control requests (the socket's
// handler runs on the server thread, the verbs that touch the screen on the UI thread
// through UiRequests), tells systemd READY/STATUS/WATCHDOG from the frame loop, and
// keeps LiveState current for `status`. The App calls it through LoopHooks.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "app/app.hpp"
#include "app/live_state.hpp"
#include "app/liveness.hpp"
#include "app/service_notify.hpp"
#include "app/status_report.hpp"
#include "app/ui_requests.hpp"

namespace app {

class KioskControl final : public LoopHooks {
  public:
    struct Parts {
        StatusSources status;  // its `live` must be this object's live_state()
        // Re-reads the config and applies it; returns the error ("" when it took effect).
        std::function<std::string()> reload;
        // The writer thread's last heartbeat; a stuck writer stops the watchdog pings.
        std::function<std::chrono::steady_clock::time_point()> writer_heartbeat;
        bool test_hooks = false;  // $LIFTBOARD_TEST_HOOKS=1: the suite's `test-stall`
    };

    KioskControl(App& app, LiveState& live, Parts parts);
    ~KioskControl() override { notify_.stopping(); }
    KioskControl(const KioskControl&) = delete;
    KioskControl& operator=(const KioskControl&) = delete;

    // Server thread: one request line in, one reply line out.
    std::string handle(const std::string& line);
    // Any thread (the signal thread): reload as SIGHUP asks, or close the window.
    void post_reload() { requests_.post({"reload", ""}); }
    void post_quit() { requests_.post({"quit", ""}); }
    // After the frame loop ended: answer what is still waiting, refuse what comes.
    void close() { requests_.close(); }

    // LoopHooks, on the UI thread.
    void before_frame() override;
    void frame_presented() override;
    std::optional<double> max_sleep_seconds() const override;

  private:
    std::string answer(const ControlRequest& request);

    App& app_;
    LiveState& live_;
    Parts parts_;
    UiRequests requests_;
    ServiceNotify notify_;
    Liveness liveness_;
    bool ready_sent_ = false;
    std::string last_status_line_;
    std::chrono::steady_clock::time_point last_status_sent_{};
    std::optional<std::chrono::milliseconds> stall_;  // test hook: freeze the loop once
};

}  // namespace app

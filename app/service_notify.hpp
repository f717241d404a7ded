// The systemd service manager's side channel (sd_notify over $NOTIFY_SOCKET): READY=1
// once the service does its job, STATUS= lines for `systemctl status`, WATCHDOG=1 pings
// and STOPPING=1. Every call is a no-op when no manager listens, so the same binary
// runs by hand, under a unit, or in a test that owns the socket.
#pragma once

#include <chrono>
#include <string>

namespace app {

class ServiceNotify {
  public:
    ServiceNotify();

    // A manager listens ($NOTIFY_SOCKET is set).
    bool active() const { return active_; }
    // The unit's WatchdogSec= as the manager passed it ($WATCHDOG_USEC); zero when no
    // watchdog is armed for this process.
    std::chrono::microseconds watchdog_interval() const { return watchdog_; }

    void ready(const std::string& status);
    void status(const std::string& status);
    void watchdog();
    void stopping();

  private:
    void send(const std::string& message);

    bool active_ = false;
    std::chrono::microseconds watchdog_{0};
};

}  // namespace app

// The systemd notification channel (see service_notify.hpp).
#include "app/service_notify.hpp"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <cstdlib>

namespace app {

ServiceNotify::ServiceNotify() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    active_ = socket && *socket;
    // sd_watchdog_enabled checks $WATCHDOG_PID against our pid, so a watchdog meant for
    // some other process is not mistaken for ours. One exception: under cage (the
    // appliance unit) the unit's main process is the compositor and liftboard its
    // child, sending with NotifyAccess=all; the watchdog is then ours to feed.
    if (!active_) return;
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) {
        watchdog_ = std::chrono::microseconds(usec);
        return;
    }
    const char* pid = std::getenv("WATCHDOG_PID");
    const char* interval = std::getenv("WATCHDOG_USEC");
    if (pid && interval && std::strtoll(pid, nullptr, 10) == static_cast<long long>(::getppid()))
        watchdog_ = std::chrono::microseconds(std::strtoll(interval, nullptr, 10));
}

void ServiceNotify::send(const std::string& message) {
    if (active_) sd_notify(0, message.c_str());
}

void ServiceNotify::ready(const std::string& status) {
    send("READY=1\nSTATUS=" + status);
}
void ServiceNotify::status(const std::string& status) {
    send("STATUS=" + status);
}
void ServiceNotify::watchdog() {
    send("WATCHDOG=1");
}
void ServiceNotify::stopping() {
    send("STOPPING=1");
}

}  // namespace app

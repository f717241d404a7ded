// The sd_notify messages arrive on a datagram socket the test owns as $NOTIFY_SOCKET,
// and the watchdog interval comes from $WATCHDOG_USEC (only when $WATCHDOG_PID, if
// set, is this process). Without $NOTIFY_SOCKET every call is a silent no-op.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>

#include "app/service_notify.hpp"
#include "support/temp_dir.hpp"

namespace {

// A bound AF_UNIX datagram socket standing in for systemd's notification socket.
class NotifySocket {
  public:
    explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~NotifySocket() {
        ::unsetenv("NOTIFY_SOCKET");
        ::close(fd_);
    }
    // The next message, or "" when none is waiting.
    std::string take() {
        char buffer[4096];
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
        return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
    }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

}  // namespace

TEST_CASE("READY, STATUS, WATCHDOG and STOPPING arrive on the notify socket") {
    test_support::TempDir dir;
    NotifySocket socket(dir / "notify");
    ::setenv("WATCHDOG_USEC", "4000000", 1);
    ::unsetenv("WATCHDOG_PID");
    app::ServiceNotify notify;
    ::unsetenv("WATCHDOG_USEC");
    CHECK(notify.active());
    CHECK(notify.watchdog_interval() == std::chrono::seconds(4));
    notify.ready("caseload");
    CHECK(socket.take() == "READY=1\nSTATUS=caseload");
    notify.status("meetings \xc2\xb7 data 3 min old");
    CHECK(socket.take() == "STATUS=meetings \xc2\xb7 data 3 min old");
    notify.watchdog();
    CHECK(socket.take() == "WATCHDOG=1");
    notify.stopping();
    CHECK(socket.take() == "STOPPING=1");
    CHECK(socket.take().empty());
}

TEST_CASE("a watchdog meant for another process is not ours") {
    test_support::TempDir dir;
    NotifySocket socket(dir / "notify");
    ::setenv("WATCHDOG_USEC", "4000000", 1);
    ::setenv("WATCHDOG_PID", std::to_string(::getpid() + 1).c_str(), 1);
    app::ServiceNotify notify;
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    CHECK(notify.active());
    CHECK(notify.watchdog_interval() == std::chrono::microseconds(0));
}

TEST_CASE("under cage the watchdog set for the parent (the unit's main process) is ours") {
    test_support::TempDir dir;
    NotifySocket socket(dir / "notify");
    ::setenv("WATCHDOG_USEC", "6000000", 1);
    ::setenv("WATCHDOG_PID", std::to_string(::getppid()).c_str(), 1);
    app::ServiceNotify notify;
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    CHECK(notify.watchdog_interval() == std::chrono::seconds(6));
}

TEST_CASE("without NOTIFY_SOCKET nothing is sent and nothing fails") {
    ::unsetenv("NOTIFY_SOCKET");
    app::ServiceNotify notify;
    CHECK_FALSE(notify.active());
    notify.ready("x");
    notify.watchdog();
}

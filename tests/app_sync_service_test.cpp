// `liftboard sync --config FILE` as liftboard-sync.service runs it: it tells the test's
// NOTIFY_SOCKET READY (once the first snapshot is published), STATUS and WATCHDOG
// pings, and stops cleanly on SIGTERM. No display needed.
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "support/kiosk_process.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

class NotifySocket {
  public:
    explicit NotifySocket(const std::filesystem::path& path) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~NotifySocket() { ::close(fd_); }
    // Collects messages until one contains `text`; everything collected stays in `seen`.
    bool wait_for(const std::string& text) {
        return test_support::wait_until([&] {
            char buffer[4096];
            ssize_t n;
            while ((n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
                seen.emplace_back(buffer, static_cast<size_t>(n));
            for (const auto& m : seen)
                if (m.find(text) != std::string::npos) return true;
            return false;
        });
    }
    std::vector<std::string> seen;

  private:
    int fd_ = -1;
};

}  // namespace

TEST_CASE("the sync service sends READY, STATUS and WATCHDOG and stops on SIGTERM") {
    test_support::TempDir dir;
    test_support::write_file(dir / "liftboard.toml",
                             "[data]\ndb = \"" + (dir / "store.db").string() + "\"\ninbox = \"" +
                                 (dir / "inbox").string() + "\"\n");
    NotifySocket notify(dir / "notify");
    test_support::KioskProcess sync(
        {kBinary, "sync", "--config", (dir / "liftboard.toml").string()},
        {"NOTIFY_SOCKET=" + (dir / "notify").string(), "WATCHDOG_USEC=1000000"}, dir / "sync.log");
    INFO("log: " << sync.log());
    CHECK(notify.wait_for("READY=1"));
    CHECK(notify.wait_for("STATUS=files imported 0"));
    CHECK(notify.wait_for("WATCHDOG=1"));
    REQUIRE(::kill(sync.pid(), SIGTERM) == 0);
    const int status = sync.wait_exit();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

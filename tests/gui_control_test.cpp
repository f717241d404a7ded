// A kiosk under Xvfb driven the way a technician does it, through `liftboard ctl` on
// its control socket: status fields, a board switch and a blank seen in screenshots
// the kiosk writes, config reloads with a good and a bad file and through SIGHUP, the
// socket's mode, the systemd notify protocol on a datagram socket the test owns (READY,
// STATUS, WATCHDOG, and no WATCHDOG while the frame loop is stalled through the test
// hook), and a clean stop on SIGTERM.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "support/kiosk_process.hpp"
#include "support/png_image.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

using nlohmann::json;
using test_support::KioskProcess;
using test_support::PngImage;
using test_support::TempDir;
using test_support::wait_until;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

// No rotation, no pixel shift and no night during a test: only requests change the screen.
std::string config_text(const std::string& db, const std::string& extra_kiosk = "") {
    const bool own_night = extra_kiosk.find("night_blank") != std::string::npos;
    return "[data]\ndb = \"" + db +
           "\"\n[kiosk]\nrotate_seconds = 3600\npixel_shift_minutes = 0\n" +
           (own_night ? "" : "night_blank = false\n") + extra_kiosk;
}

struct Kiosk {
    TempDir dir;
    std::filesystem::path socket = dir / "ctl.sock";
    std::filesystem::path config = dir / "liftboard.toml";
    std::unique_ptr<KioskProcess> process;

    explicit Kiosk(const std::vector<std::string>& env = {}, const std::string& extra_kiosk = "") {
        const auto db = dir / "demo.db";
        auto demo = test_support::run_command(kBinary + " demo-data --out " + db.string() +
                                              " --pupils 300 --seed 1 --today 2025-11-20");
        INFO(demo.output);
        REQUIRE(demo.status == 0);
        test_support::write_file(config, config_text(db.string(), extra_kiosk));
        std::vector<std::string> environment = {"LIFTBOARD_TEST_HOOKS=1"};
        environment.insert(environment.end(), env.begin(), env.end());
        process = std::make_unique<KioskProcess>(
            std::vector<std::string>{kBinary, "--config", config.string(), "--kiosk", "--board",
                                     "caseload", "--today", "2025-11-20", "--control",
                                     socket.string()},
            environment, dir / "kiosk.log");
        // Up when it answers and has drawn a frame with data.
        const bool up = wait_until(
            [&] {
                auto s = status();
                return s && s->value("frames", 0) > 0 && !(*s)["snapshot"].is_null();
            },
            std::chrono::seconds(60));
        INFO("kiosk log: " << process->log());
        REQUIRE(up);
    }

    test_support::CommandResult ctl(const std::string& request) const {
        return test_support::run_command(kBinary + " ctl --socket " + socket.string() + " " +
                                         request);
    }
    std::optional<json> status() const {
        auto result = ctl("status");
        if (result.status != 0) return std::nullopt;
        auto parsed = json::parse(result.output, nullptr, false);
        if (parsed.is_discarded()) return std::nullopt;
        return parsed;
    }
    PngImage screenshot(const std::string& name) const {
        const auto file = dir / name;
        auto result = ctl("screenshot " + file.string());
        INFO(result.output);
        REQUIRE(result.status == 0);
        return PngImage(file);
    }
};

// Share of pixels that differ between two screenshots of the same size.
double difference(const PngImage& a, const PngImage& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    size_t differ = 0, total = 0;
    for (int y = 0; y < a.height; y += 2)
        for (int x = 0; x < a.width; x += 2, ++total)
            differ +=
                !test_support::close_to(a.at(x, y), b.at(x, y)[0], b.at(x, y)[1], b.at(x, y)[2], 8);
    return static_cast<double>(differ) / static_cast<double>(total);
}

double black_share(const PngImage& image) {
    return image.colour_share(0, image.height, 0, 0, 0, 2);
}

}  // namespace

TEST_CASE("ctl status reports the running kiosk, and the socket is the owner's alone") {
    REQUIRE(std::getenv("DISPLAY"));
    Kiosk kiosk;
    const json status = *kiosk.status();
    INFO(status.dump(2));
    CHECK(status["version"].is_string());
    CHECK(status["uptime_s"].get<double>() >= 0.0);
    CHECK(status["board"] == "caseload");
    CHECK(status["kiosk"] == "rotating");
    CHECK(status["since_last_frame_s"].is_number());
    CHECK(status["frames"].get<uint64_t>() > 0);
    CHECK(status["snapshot"]["generation"].get<uint64_t>() >= 1);
    CHECK(status["snapshot"]["age_s"].is_number());
    CHECK(status["snapshot"].contains("data_as_of"));
    CHECK(status["sync"].contains("last_success"));
    CHECK(status["sync"].contains("last_error"));
    CHECK(status["hub"]["state"] == "none");
    CHECK(status["inbox"]["imported"].is_number());
    CHECK(status["inbox"]["quarantined"].is_number());
    CHECK(status["config"]["file"] == kiosk.config.string());
    CHECK(status["config"]["error"] == "");
    CHECK(status["rss_kib"].get<uint64_t>() > 0);

    struct stat info {};
    REQUIRE(::lstat(kiosk.socket.c_str(), &info) == 0);
    CHECK(S_ISSOCK(info.st_mode));
    CHECK((info.st_mode & 0777) == 0600);

    auto unknown = kiosk.ctl("board wallpaper");
    CHECK(unknown.status == 1);
    CHECK_THAT(unknown.output, Catch::Contains("unknown board 'wallpaper'"));
}

TEST_CASE("ctl board, next and blank change what the kiosk's screenshots show") {
    REQUIRE(std::getenv("DISPLAY"));
    Kiosk kiosk;
    const PngImage caseload = kiosk.screenshot("caseload.png");
    REQUIRE(caseload);
    REQUIRE(kiosk.ctl("board meetings").status == 0);
    CHECK((*kiosk.status())["board"] == "meetings");
    CHECK((*kiosk.status())["kiosk"] == "paused");  // a chosen board stays, as after a touch
    const PngImage meetings = kiosk.screenshot("meetings.png");
    REQUIRE(kiosk.ctl("board caseload").status == 0);
    const PngImage caseload_again = kiosk.screenshot("caseload-again.png");
    CHECK(difference(caseload, meetings) > 0.05);
    CHECK(difference(caseload, caseload_again) < 0.02);

    REQUIRE(kiosk.ctl("next").status == 0);
    CHECK((*kiosk.status())["board"] != "caseload");

    CHECK(black_share(caseload) < 0.9);
    REQUIRE(kiosk.ctl("blank").status == 0);
    CHECK((*kiosk.status())["kiosk"] == "blank");
    CHECK(black_share(kiosk.screenshot("blank.png")) > 0.999);
    REQUIRE(kiosk.ctl("unblank").status == 0);
    CHECK((*kiosk.status())["kiosk"] != "blank");
    CHECK(black_share(kiosk.screenshot("unblank.png")) < 0.9);
}

TEST_CASE("night hours blank the kiosk, report the display's power, and a wake-up ends them") {
    REQUIRE(std::getenv("DISPLAY"));
    // Night from the start of this hour to two hours on: now, for the whole test.
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char night[64];
    std::snprintf(night, sizeof night,
                  "night_blank = true\nnight_start = \"%02d:00\"\nnight_end = \"%02d:00\"\n",
                  local.tm_hour, (local.tm_hour + 2) % 24);
    Kiosk kiosk({}, night);
    CHECK(wait_until([&] { return (*kiosk.status())["kiosk"] == "night"; }));
    // DPMS where the X server has it (Xvfb has not: the screen is then drawn black).
    const std::string power = (*kiosk.status())["screen_power"];
    CHECK((power == "off" || power == "unavailable"));
    CHECK(black_share(kiosk.screenshot("night.png")) > 0.999);
    REQUIRE(kiosk.ctl("unblank").status == 0);  // as a touch does
    CHECK((*kiosk.status())["kiosk"] == "paused");
    CHECK(wait_until([&] { return (*kiosk.status())["screen_power"] != "off"; }));
    CHECK(black_share(kiosk.screenshot("woken.png")) < 0.9);
}

TEST_CASE("ctl reload applies a good file and refuses a bad one, keeping the kiosk running") {
    REQUIRE(std::getenv("DISPLAY"));
    Kiosk kiosk;
    const uint64_t generation = (*kiosk.status())["snapshot"]["generation"];
    const std::string db = (kiosk.dir / "demo.db").string();

    // A good file: the rotation is now the lookup board alone, and the rules' numbers
    // build a new snapshot.
    test_support::write_file(kiosk.config, config_text(db, "boards = [\"lookup\"]\n") +
                                               "[rules]\nvisit_interval_weeks = 4\n");
    auto reload = kiosk.ctl("reload");
    INFO(reload.output);
    REQUIRE(reload.status == 0);
    CHECK(wait_until([&] { return (*kiosk.status())["board"] == "lookup"; }));
    CHECK(wait_until(
        [&] { return (*kiosk.status())["snapshot"]["generation"].get<uint64_t>() > generation; }));
    CHECK((*kiosk.status())["config"]["error"] == "");

    // A bad file: nothing changes, the error names the file and the key.
    test_support::write_file(kiosk.config,
                             config_text(db, "boards = [\"meetings\"]\nidle_return_seconds = 1\n"));
    auto refused = kiosk.ctl("reload");
    CHECK(refused.status == 1);
    CHECK_THAT(refused.output, Catch::Contains(kiosk.config.string()) &&
                                   Catch::Contains("kiosk.idle_return_seconds"));
    const json after = *kiosk.status();
    CHECK_THAT(after["config"]["error"].get<std::string>(),
               Catch::Contains("kiosk.idle_return_seconds"));
    CHECK(after["board"] == "lookup");
    const uint64_t frames = after["frames"];
    CHECK(wait_until([&] { return (*kiosk.status())["frames"].get<uint64_t>() > frames; }));
    CHECK(kiosk.process->running());
    CHECK_THAT(kiosk.process->log(), Catch::Contains("kiosk.idle_return_seconds"));
}

TEST_CASE("SIGHUP reloads the config file and SIGTERM stops the kiosk cleanly") {
    REQUIRE(std::getenv("DISPLAY"));
    Kiosk kiosk;
    const std::string db = (kiosk.dir / "demo.db").string();
    test_support::write_file(kiosk.config, config_text(db, "boards = [\"triage\"]\n"));
    REQUIRE(::kill(kiosk.process->pid(), SIGHUP) == 0);
    CHECK(wait_until([&] { return (*kiosk.status())["board"] == "triage"; }));

    REQUIRE(::kill(kiosk.process->pid(), SIGTERM) == 0);
    const int status = kiosk.process->wait_exit();
    INFO("kiosk log: " << kiosk.process->log());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK_FALSE(std::filesystem::exists(kiosk.socket));  // removed on the way out
}

namespace {

// The test's stand-in for systemd's notification socket.
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
    // Every message waiting now, in order.
    std::vector<std::string> drain() {
        std::vector<std::string> messages;
        char buffer[4096];
        ssize_t n;
        while ((n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
            messages.emplace_back(buffer, static_cast<size_t>(n));
        return messages;
    }
    // Collects messages until one contains `text`.
    bool wait_for(const std::string& text) {
        return wait_until([&] {
            for (const auto& m : drain())
                if (m.find(text) != std::string::npos) return true;
            return false;
        });
    }

  private:
    int fd_ = -1;
};

bool any_contains(const std::vector<std::string>& messages, const std::string& text) {
    for (const auto& m : messages)
        if (m.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE(
    "READY, STATUS and WATCHDOG reach NOTIFY_SOCKET, and WATCHDOG stops while the frame loop is "
    "stalled") {
    REQUIRE(std::getenv("DISPLAY"));
    TempDir notify_dir;
    const auto notify_path = notify_dir / "notify";
    NotifySocket notify(notify_path);
    // A 2 s watchdog: the kiosk presents a frame at least every 0.5 s and pings.
    Kiosk kiosk({"NOTIFY_SOCKET=" + notify_path.string(), "WATCHDOG_USEC=2000000"});
    INFO("kiosk log: " << kiosk.process->log());
    // READY came with the first frame (before the kiosk answered status); it and the
    // STATUS line wait in the socket's queue.
    const auto first = notify.drain();
    CHECK(any_contains(first, "READY=1"));
    CHECK(any_contains(first, "STATUS=caseload"));
    CHECK((any_contains(first, "WATCHDOG=1") || notify.wait_for("WATCHDOG=1")));

    // The test hook freezes the frame loop for 8 s, as a hung driver call would.
    REQUIRE(kiosk.ctl("test-stall 8").status == 0);
    REQUIRE(
        wait_until([&] { return (*kiosk.status())["since_last_frame_s"].get<double>() >= 1.5; }));
    notify.drain();  // what was sent before the loop stopped
    // Still stalled well past the watchdog interval: nothing was sent meanwhile.
    REQUIRE(
        wait_until([&] { return (*kiosk.status())["since_last_frame_s"].get<double>() >= 4.0; }));
    CHECK_FALSE(any_contains(notify.drain(), "WATCHDOG=1"));
    // The loop turns again: so do the pings.
    CHECK(notify.wait_for("WATCHDOG=1"));
    CHECK((*kiosk.status())["since_last_frame_s"].get<double>() < 2.0);
}

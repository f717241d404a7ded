// The dashboard's supervisor (see kiosk_control.hpp).
#include "app/kiosk_control.hpp"

#include <spdlog/spdlog.h>

#include <thread>

#include "app/window.hpp"

namespace app {
namespace {

// A request the loop has not answered in this time is reported as a stuck loop; a
// screenshot renders a few frames, so it needs more than a blink.
constexpr auto kAnswerTimeout = std::chrono::seconds(20);
// STATUS= goes out when it changes, and at least this often (the data ages).
constexpr auto kStatusEvery = std::chrono::seconds(30);

Liveness::Limits limits_for(const ServiceNotify& notify) {
    Liveness::Limits limits;
    limits.watchdog = notify.watchdog_interval();
    return limits;
}

}  // namespace

KioskControl::KioskControl(App& app, LiveState& live, Parts parts)
    : app_(app),
      live_(live),
      parts_(std::move(parts)),
      requests_(&Window::wake),
      liveness_(limits_for(notify_)) {
    parts_.status.live = &live_;
}

std::string KioskControl::handle(const std::string& line) {
    std::string error;
    const auto request = parse_control_request(line, error, parts_.test_hooks);
    if (!request) return control_error(error);
    if (request->verb == "status") return control_ok(status_json(parts_.status));
    auto reply = requests_.ask(*request, kAnswerTimeout);
    if (!reply) return control_error("the frame loop did not answer (stuck?)");
    return *reply;
}

void KioskControl::before_frame() {
    requests_.drain([this](const ControlRequest& request, std::promise<std::string>& reply) {
        std::string text;
        try {
            text = answer(request);
        } catch (const std::exception& e) {
            text = control_error(e.what());
        }
        // `status` right after a reply sees the request's effect.
        live_.set_screen(std::string(app_.board().name()), app_.kiosk_state(), app_.screen_power());
        reply.set_value(text);
    });
    if (stall_) {
        // The test hook: the loop really stops here, as a hung driver call would.
        const auto stall = *stall_;
        stall_.reset();
        std::this_thread::sleep_for(stall);
    }
}

std::string KioskControl::answer(const ControlRequest& request) {
    const std::string& verb = request.verb;
    if (verb == "board") {
        if (!app_.show_board(request.argument))
            return control_error("unknown board '" + request.argument + "'");
        return control_ok(R"({"board":")" + std::string(app_.board().name()) + "\"}");
    }
    if (verb == "next") {
        app_.next_board();
        return control_ok(R"({"board":")" + std::string(app_.board().name()) + "\"}");
    }
    if (verb == "blank" || verb == "unblank") {
        app_.set_blanked(verb == "blank");
        if (verb == "unblank") app_.wake_up();
        return control_ok();
    }
    if (verb == "reload") {
        const std::string error = parts_.reload ? parts_.reload() : "no config file to reload";
        if (!error.empty()) return control_error(error);
        return control_ok();
    }
    if (verb == "screenshot") {
        std::string error;
        if (!app_.screenshot(request.argument, error))
            return control_error("screenshot failed: " + error);
        return control_ok();
    }
    if (verb == "quit") {
        app_.window().request_close();
        return control_ok();
    }
    if (verb == "test-stall") {
        stall_ =
            std::chrono::milliseconds(static_cast<int64_t>(std::stod(request.argument) * 1000));
        return control_ok();
    }
    return control_error("unknown request '" + verb + "'");
}

void KioskControl::frame_presented() {
    const auto now = std::chrono::steady_clock::now();
    live_.frame_presented(now);
    live_.set_screen(std::string(app_.board().name()), app_.kiosk_state(), app_.screen_power());
    const std::string line = status_line(parts_.status);
    if (!ready_sent_) {
        // The first frame is on screen: the unit is up.
        notify_.ready(line);
        ready_sent_ = true;
        last_status_line_ = line;
        last_status_sent_ = now;
    } else if (line != last_status_line_ || now - last_status_sent_ > kStatusEvery) {
        notify_.status(line);
        last_status_line_ = line;
        last_status_sent_ = now;
    }
    liveness_.frame_presented(now);
    const auto heartbeat = parts_.writer_heartbeat ? parts_.writer_heartbeat() : now;
    if (liveness_.should_ping(now, heartbeat)) notify_.watchdog();
}

std::optional<double> KioskControl::max_sleep_seconds() const {
    if (auto most = liveness_.max_sleep()) return most->count();
    return std::nullopt;
}

}  // namespace app

// The control endpoint's request and reply lines (see control_protocol.hpp).
#include "app/control_protocol.hpp"

#include <nlohmann/json.hpp>

namespace app {

const std::vector<ControlVerb>& control_verbs() {
    static const std::vector<ControlVerb> verbs = {
        {"status", "", "print the kiosk's state as JSON"},
        {"board", "NAME", "show that board (pauses the rotation like a touch)"},
        {"next", "", "show the next board of the rotation"},
        {"blank", "", "blank the screen until unblank"},
        {"unblank", "", "end a blank, or wake a night screen like a touch"},
        {"reload", "", "re-read the config file (as SIGHUP does)"},
        {"screenshot", "FILE.png",
         "write what the screen shows to a PNG (path as the kiosk sees it)"},
    };
    return verbs;
}

std::optional<ControlRequest> parse_control_request(std::string_view line, std::string& error,
                                                    bool test_hooks) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    // One line of text: a line break or NUL inside would make a verb or argument that
    // does not survive being written out again as a line (found by fuzzing).
    if (line.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
        error = "a request is one line of text";
        return std::nullopt;
    }
    const size_t space = line.find(' ');
    ControlRequest request{
        std::string(line.substr(0, space)),
        space == std::string_view::npos ? std::string() : std::string(line.substr(space + 1))};
    if (test_hooks && request.verb.rfind("test-", 0) == 0) return request;
    for (const ControlVerb& verb : control_verbs()) {
        if (verb.name != request.verb) continue;
        if (verb.argument.empty() && !request.argument.empty()) {
            error = "'" + request.verb + "' takes no argument";
            return std::nullopt;
        }
        if (!verb.argument.empty() && request.argument.empty()) {
            error = "'" + request.verb + "' needs " + std::string(verb.argument);
            return std::nullopt;
        }
        return request;
    }
    error = "unknown request '" + request.verb + "'";
    return std::nullopt;
}

std::string format_control_request(const ControlRequest& request) {
    return request.argument.empty() ? request.verb : request.verb + " " + request.argument;
}

std::string control_ok(const std::string& body) {
    nlohmann::ordered_json reply = {{"ok", true}};
    const auto members = nlohmann::ordered_json::parse(body);
    for (auto it = members.begin(); it != members.end(); ++it) reply[it.key()] = *it;
    return reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string control_error(const std::string& message) {
    return nlohmann::ordered_json{{"ok", false}, {"error", message}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace app

// The control endpoint's language, shared by the server in the kiosk and by
// `liftboard ctl`: one request line ("board caseload\n"), one JSON reply line
// ({"ok":true,...} or {"ok":false,"error":"..."}). Nothing but these verbs exists, over
// the unix socket and over the optional HTTP listener alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct ControlRequest {
    std::string verb;      // status | board | next | blank | unblank | reload | screenshot
    std::string argument;  // board NAME, screenshot FILE; empty otherwise
    bool operator==(const ControlRequest&) const = default;
};

// The verbs and whether each takes an argument, for `ctl --help` and the parser.
struct ControlVerb {
    std::string_view name;
    std::string_view argument;  // empty: takes none
    std::string_view help;
};
const std::vector<ControlVerb>& control_verbs();

// Parses one request line (trailing newline allowed; none inside, and no NUL); on
// failure `error` says why.
// Verbs under `test-` exist only when `test_hooks` is on (the suite's stall hook).
std::optional<ControlRequest> parse_control_request(std::string_view line, std::string& error,
                                                    bool test_hooks = false);
std::string format_control_request(const ControlRequest& request);

// Reply lines. `body` is a JSON object text whose members are merged after "ok".
std::string control_ok(const std::string& body = "{}");
std::string control_error(const std::string& message);

}  // namespace app

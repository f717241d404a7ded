// libFuzzer target: any bytes as a line on the control socket (app/control_protocol).
// A line either parses into a known verb with the argument it takes, or is refused with
// a reason; a parsed request must format back to a line that parses to itself, and
// either way the JSON reply line must be one line of valid JSON (a name or path in the
// argument may be any bytes: the reply replaces what is not UTF-8).
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app/control_protocol.hpp"

namespace {

void check_reply(const std::string& reply) {
    if (reply.find('\n') != std::string::npos) std::abort();
    if (!nlohmann::json::accept(reply)) std::abort();
}

void parse(std::string_view line, bool test_hooks) {
    std::string error;
    const auto request = app::parse_control_request(line, error, test_hooks);
    if (!request) {
        if (error.empty()) std::abort();
        check_reply(app::control_error(error));
        return;
    }
    bool known = test_hooks && request->verb.rfind("test-", 0) == 0;
    for (const app::ControlVerb& verb : app::control_verbs()) {
        if (verb.name != request->verb) continue;
        known = true;
        if (verb.argument.empty() != request->argument.empty()) std::abort();
    }
    if (!known) std::abort();
    std::string again_error;
    const auto again =
        app::parse_control_request(app::format_control_request(*request), again_error, test_hooks);
    if (!again || *again != *request) std::abort();
    check_reply(app::control_error("unknown board '" + request->argument + "'"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    parse(line, false);
    parse(line, true);
    return 0;
}

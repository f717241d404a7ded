// libFuzzer target: any bytes as what a client sends the HTTP control listener
// (app/http_request). Besides not crashing: nothing is answered without the token, an
// answered request is one of the control verbs the listener may pass on (never
// screenshot), and the same request with the token removed is refused.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/control_protocol.hpp"
#include "app/http_request.hpp"

namespace {

constexpr std::string_view kToken = "fuzz-token";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view received(reinterpret_cast<const char*>(data), size);
    const auto head = app::request_head(received);
    if (!head) return 0;
    if (head->find("\r\n\r\n") != std::string_view::npos) std::abort();
    const app::HttpRequest request = app::parse_http_request(*head, kToken);
    if (request.status != 200) {
        if (request.status != 401 && request.status != 404) std::abort();
        if (!request.control_line.empty() || request.error.empty()) std::abort();
        if (app::http_reason(request.status) == "Error") std::abort();
        return 0;
    }
    if (head->find(kToken) == std::string_view::npos) std::abort();
    std::string error;
    const auto parsed = app::parse_control_request(request.control_line, error);
    if (!parsed || parsed->verb == "screenshot") std::abort();
    if (app::parse_http_request(*head, "").status != 401) std::abort();
    std::string without(*head);
    for (size_t at; (at = without.find(kToken)) != std::string::npos;)
        without.replace(at, kToken.size(), "x");
    if (app::parse_http_request(without, kToken).status != 401) std::abort();
    return 0;
}

// What the HTTP control listener makes of a request's head (app/http_control.hpp),
// apart from the socket: the bearer token checked first, then the method and path
// mapped to one control request line. Pure, so the tests and a fuzz target
// (fuzz/fuzz_http_request.cpp) feed it any bytes a stranger could send.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace app {

struct HttpRequest {
    int status = 200;          // 200: `control_line` is to be answered; else 401 or 404
    std::string control_line;  // "board caseload"; empty unless status is 200
    std::string error;         // why it was not, for the JSON error reply
};

// The head of a request: everything before its first blank line, once `received`
// holds one; nullopt while it is still incomplete.
std::optional<std::string_view> request_head(std::string_view received);

// `head` as request_head() gives it; `token` the one every request must carry as
// "Authorization: Bearer TOKEN" (an empty token authorises nothing).
HttpRequest parse_http_request(std::string_view head, std::string_view token);

// The status line's reason phrase for the codes parse_http_request and the listener use.
std::string_view http_reason(int status);

}  // namespace app

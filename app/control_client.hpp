// The client half of the control endpoint, for `liftboard ctl` and the tests: connect
// to the socket, send one request line, read the one reply line.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "app/control_protocol.hpp"

namespace app {

// The reply line (JSON). Throws std::runtime_error naming the socket when it cannot
// connect or the kiosk does not answer within `timeout`.
std::string send_control_request(const std::filesystem::path& socket, const ControlRequest& request,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace app

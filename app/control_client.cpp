// Sending one control request (see control_client.hpp).
#include "app/control_client.hpp"

#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "app/unix_socket.hpp"

namespace app {

std::string send_control_request(const std::filesystem::path& socket, const ControlRequest& request,
                                 std::chrono::milliseconds timeout) {
    const sockaddr_un address = unix_address(socket);
    Fd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd ||
        ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("cannot connect to " + socket.string() + ": " +
                                 std::strerror(errno) +
                                 " (is liftboard running with this control socket?)");
    if (!write_all(fd.get(), format_control_request(request) + "\n"))
        throw std::runtime_error("cannot send to " + socket.string());
    auto reply = read_line(fd.get(), timeout);
    if (!reply || reply->empty()) throw std::runtime_error("no answer from " + socket.string());
    return *reply;
}

}  // namespace app

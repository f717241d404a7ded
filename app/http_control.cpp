// The HTTP control listener (see http_control.hpp).
#include "app/http_control.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "app/control_protocol.hpp"
#include "app/http_request.hpp"

namespace app {
namespace {

constexpr auto kRequestTimeout = std::chrono::seconds(5);
constexpr size_t kMaxRequest = 8 * 1024;

std::string trim(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The head of an HTTP request, up to the blank line.
std::optional<std::string> read_head(int fd) {
    std::string head;
    const auto give_up = std::chrono::steady_clock::now() + kRequestTimeout;
    char buffer[1024];
    while (!request_head(head)) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            give_up - std::chrono::steady_clock::now());
        pollfd p{fd, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0)
            return std::nullopt;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return std::nullopt;
        head.append(buffer, static_cast<size_t>(n));
        if (head.size() > kMaxRequest) return std::nullopt;
    }
    return std::string(*request_head(head));
}

std::string response(int code, const std::string& body) {
    return "HTTP/1.1 " + std::to_string(code) + " " + std::string(http_reason(code)) +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size() + 1) + "\r\nConnection: close\r\n\r\n" + body + "\n";
}

}  // namespace

ListenAddress parse_listen_address(const std::string& text) {
    ListenAddress address;
    std::string port = text;
    const size_t colon = text.rfind(':');
    if (colon != std::string::npos) {
        std::string host = text.substr(0, colon);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
            host = host.substr(1, host.size() - 2);
        if (!host.empty()) address.host = host;
        port = text.substr(colon + 1);
    }
    char* end = nullptr;
    const long number = std::strtol(port.c_str(), &end, 10);
    if (port.empty() || *end || number < 1 || number > 65535)
        throw std::runtime_error("control.listen: '" + text +
                                 "' is not HOST:PORT with a port from 1 to 65535");
    address.port = static_cast<uint16_t>(number);
    return address;
}

std::string read_token_file(const std::string& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0)
        throw std::runtime_error("control.token_file " + file + ": " + std::strerror(errno));
    if (info.st_mode & 077)
        throw std::runtime_error(
            "control.token_file " + file +
            ": readable by others; chmod 600 it (a token anyone can read guards nothing)");
    std::ifstream in(file);
    std::string token;
    std::getline(in, token);
    token = trim(token);
    if (token.empty()) throw std::runtime_error("control.token_file " + file + ": empty");
    return token;
}

HttpControl::HttpControl(const ListenAddress& address, std::string token, Handler handler)
    : token_(std::move(token)), handler_(std::move(handler)) {
    const std::string where = address.host + ":" + std::to_string(address.port);
    sockaddr_storage storage{};
    socklen_t size = 0;
    int family = AF_INET;
    auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
    if (::inet_pton(AF_INET, address.host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(address.port);
        size = sizeof *v4;
    } else if (::inet_pton(AF_INET6, address.host.c_str(), &v6->sin6_addr) == 1) {
        family = AF_INET6;
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(address.port);
        size = sizeof *v6;
    } else {
        throw std::runtime_error("control.listen: '" + address.host + "' is not an IP address");
    }
    const bool loopback = family == AF_INET ? (ntohl(v4->sin_addr.s_addr) >> 24) == 127
                                            : IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
    if (!loopback)
        spdlog::warn("control: listening on {}, beyond this machine (configured)", where);
    listener_ = Fd(::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int yes = 1;
    ::setsockopt(listener_.get(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (!listener_ || ::bind(listener_.get(), reinterpret_cast<sockaddr*>(&storage), size) != 0 ||
        ::listen(listener_.get(), 8) != 0)
        throw std::runtime_error("control.listen " + where + ": " + std::strerror(errno));
    sockaddr_storage bound{};
    socklen_t bound_size = sizeof bound;
    ::getsockname(listener_.get(), reinterpret_cast<sockaddr*>(&bound), &bound_size);
    port_ = ntohs(family == AF_INET ? reinterpret_cast<sockaddr_in*>(&bound)->sin_port
                                    : reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port);
    stop_ = Fd(::eventfd(0, EFD_CLOEXEC));
    thread_ = std::thread([this] { serve(); });
}

HttpControl::~HttpControl() {
    const uint64_t one = 1;
    if (::write(stop_.get(), &one, sizeof one) < 0)
        spdlog::warn("control: cannot stop the HTTP thread");
    if (thread_.joinable()) thread_.join();
}

void HttpControl::serve() {
    for (;;) {
        pollfd fds[2] = {{listener_.get(), POLLIN, 0}, {stop_.get(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents) return;
        if (fds[0].revents & POLLIN) {
            Fd connection(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
            if (connection) answer(connection.get());
        }
    }
}

void HttpControl::answer(int connection) {
    const auto head = read_head(connection);
    if (!head) {
        write_all(connection, response(400, control_error("no complete request")));
        return;
    }
    const HttpRequest request = parse_http_request(*head, token_);
    if (request.status == 401)
        spdlog::warn("control: refused an HTTP request without the right token");
    if (request.status != 200) {
        write_all(connection, response(request.status, control_error(request.error)));
        return;
    }
    std::string reply;
    try {
        reply = handler_(request.control_line);
    } catch (const std::exception& e) {
        reply = control_error(e.what());
    }
    const bool ok = reply.find("\"ok\":true") != std::string::npos;
    write_all(connection, response(ok ? 200 : 409, reply));
}

}  // namespace app

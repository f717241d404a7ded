// The control endpoint's socket and thread (see control_server.hpp).
#include "app/control_server.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "app/control_protocol.hpp"

namespace app {
namespace {

std::runtime_error socket_error(const std::filesystem::path& path, const std::string& what) {
    return std::runtime_error("control socket " + path.string() + ": " + what + ": " +
                              std::strerror(errno));
}

// A socket file left by a process that died is replaced; one someone answers on is not.
void remove_stale_socket(const std::filesystem::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return;
    if (!S_ISSOCK(info.st_mode))
        throw std::runtime_error("control socket " + path.string() +
                                 ": exists and is not a socket");
    Fd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sockaddr_un address = unix_address(path);
    if (::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0)
        throw std::runtime_error("control socket " + path.string() +
                                 ": another liftboard is listening there");
    ::unlink(path.c_str());
}

constexpr auto kRequestTimeout = std::chrono::seconds(5);

}  // namespace

std::filesystem::path ControlServer::default_path() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (!runtime || !*runtime) return {};
    return std::filesystem::path(runtime) / "liftboard.sock";
}

ControlServer::ControlServer(std::filesystem::path socket, Handler handler)
    : path_(std::move(socket)), handler_(std::move(handler)) {
    const sockaddr_un address = unix_address(path_);
    remove_stale_socket(path_);
    listener_ = Fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!listener_) throw socket_error(path_, "socket");
    if (::bind(listener_.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        throw socket_error(path_, "bind");
    // Owner only. Nobody can connect before listen(), so setting the mode between the
    // two leaves no window in which the file is open to others.
    if (::chmod(path_.c_str(), 0600) != 0 || ::listen(listener_.get(), 8) != 0) {
        auto error = socket_error(path_, "chmod/listen");
        ::unlink(path_.c_str());
        throw error;
    }
    stop_ = Fd(::eventfd(0, EFD_CLOEXEC));
    if (!stop_) {
        ::unlink(path_.c_str());
        throw socket_error(path_, "eventfd");
    }
    thread_ = std::thread([this] { serve(); });
}

ControlServer::~ControlServer() {
    const uint64_t one = 1;
    if (::write(stop_.get(), &one, sizeof one) < 0) spdlog::warn("control: cannot stop the thread");
    if (thread_.joinable()) thread_.join();
    ::unlink(path_.c_str());
}

void ControlServer::serve() {
    for (;;) {
        pollfd fds[2] = {{listener_.get(), POLLIN, 0}, {stop_.get(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            spdlog::error("control: poll failed: {}", std::strerror(errno));
            return;
        }
        if (fds[1].revents) return;
        if (fds[0].revents & POLLIN) {
            Fd connection(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
            if (connection) answer(std::move(connection));
        }
    }
}

void ControlServer::answer(Fd connection) {
    // The file mode keeps others out already; the peer check also holds when someone
    // loosened it (or the directory) by hand.
    ucred peer{};
    socklen_t size = sizeof peer;
    if (::getsockopt(connection.get(), SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 ||
        peer.uid != ::geteuid()) {
        spdlog::warn("control: refused a connection from uid {}", peer.uid);
        write_all(connection.get(),
                  control_error("permission denied: not the kiosk's user") + "\n");
        return;
    }
    const auto line = read_line(connection.get(), kRequestTimeout);
    if (!line) {
        write_all(connection.get(), control_error("no request line") + "\n");
        return;
    }
    std::string reply;
    try {
        reply = handler_(*line);
    } catch (const std::exception& e) {
        reply = control_error(e.what());
    }
    write_all(connection.get(), reply + "\n");
}

}  // namespace app

// The kiosk's local control endpoint: a unix stream socket (mode 0600) served by one
// thread. Each connection sends one request line and gets one reply line; a peer
// running as another user is refused (SO_PEERCRED) before anything is read. What a
// request does is the handler's business (app/kiosk_control.hpp); this file owns the
// socket, its file and the thread.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "app/unix_socket.hpp"

namespace app {

class ControlServer {
  public:
    // Gets a request line, returns the reply line; runs on the server thread.
    using Handler = std::function<std::string(const std::string& line)>;

    // Binds `socket` (replacing a stale socket file no one listens on) and starts the
    // thread. Throws std::runtime_error naming the path when it cannot, or when
    // another process is already listening there.
    ControlServer(std::filesystem::path socket, Handler handler);
    ~ControlServer();  // stops the thread and removes the socket file
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Where the socket goes when neither the flag nor the config names one:
    // $XDG_RUNTIME_DIR/liftboard.sock, or empty when that variable is unset.
    static std::filesystem::path default_path();

  private:
    void serve();
    void answer(Fd connection);

    std::filesystem::path path_;
    Handler handler_;
    Fd listener_;
    Fd stop_;  // an eventfd: written once to end the thread's poll
    std::thread thread_;
};

}  // namespace app

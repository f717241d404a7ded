// The optional HTTP face of the control endpoint, for a home-automation style client
// on the same machine or LAN ([control] listen = "127.0.0.1:PORT", token_file). It
// speaks the control verbs and nothing else: GET /status, POST /board/NAME, /next,
// /blank, /unblank, /reload (screenshot is socket-only: it writes a file on the kiosk).
// Every request must carry "Authorization: Bearer TOKEN"; others get 401. It binds
// loopback unless the config names another address explicitly.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "app/unix_socket.hpp"

namespace app {

struct ListenAddress {
    std::string host = "127.0.0.1";
    uint16_t port = 0;
};

// "127.0.0.1:8765", "[::1]:8765", ":8765" or "8765" (the last two: loopback). Throws
// std::runtime_error saying what is wrong.
ListenAddress parse_listen_address(const std::string& text);

// The token from `file`: its first line, trimmed. Throws when the file is missing,
// empty, or readable by group or others (a token anyone can read guards nothing).
std::string read_token_file(const std::string& file);

class HttpControl {
  public:
    // Gets a control request line ("board caseload"), returns the JSON reply line.
    using Handler = std::function<std::string(const std::string& line)>;

    // Binds and starts the thread; throws std::runtime_error naming the address.
    HttpControl(const ListenAddress& address, std::string token, Handler handler);
    ~HttpControl();
    HttpControl(const HttpControl&) = delete;
    HttpControl& operator=(const HttpControl&) = delete;

    uint16_t port() const { return port_; }  // the bound port (useful with port 0)

  private:
    void serve();
    void answer(int connection);

    std::string token_;
    Handler handler_;
    Fd listener_;
    Fd stop_;
    uint16_t port_ = 0;
    std::thread thread_;
};

}  // namespace app

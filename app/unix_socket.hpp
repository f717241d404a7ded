// Small RAII helpers over AF_UNIX stream sockets, shared by the control server and
// `liftboard ctl`: a file descriptor that closes itself, an address from a path
// (refusing one too long for sun_path), and line-at-a-time reads with a deadline.
#pragma once

#include <sys/un.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace app {

class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = other.release();
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }
    void reset();

  private:
    int fd_ = -1;
};

// Throws std::runtime_error when the path does not fit a socket address.
sockaddr_un unix_address(const std::filesystem::path& path);

// Reads up to and without the first '\n' (or to end of stream); nullopt when the
// deadline passes, the peer sends more than `max_bytes` or the read fails.
std::optional<std::string> read_line(int fd, std::chrono::milliseconds timeout,
                                     size_t max_bytes = 64 * 1024);
// Writes all of `text`; false when the peer went away.
bool write_all(int fd, const std::string& text);

}  // namespace app

// Drives the real `liftboard` window on the X display the test runs on (Xvfb in CI) the
// way a person would: start the dashboard as its own process, find its window with
// xdotool, give it the keyboard, type and press keys through the X server (XTEST),
// and read the window's pixels back with xwd. The app cannot be asked what it shows,
// so a test checks what it drew (XwdImage) or what it wrote (the database).
// Header-only so any GUI test can include it without a CMake change.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"
#include "support/wait.hpp"

extern char** environ;

namespace test_support {

// A window's pixels from an X Window Dump (xwd's format: a header of big-endian 32-bit
// fields, the window name, a colour map, then the rows in ZPixmap format).
struct XwdImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;  // 3 bytes a pixel, rows top to bottom

    static XwdImage load(const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
        auto field = [&](size_t i) {
            const size_t o = i * 4;
            if (o + 4 > bytes.size()) throw std::runtime_error("short xwd header");
            return uint32_t(bytes[o]) << 24 | uint32_t(bytes[o + 1]) << 16 |
                   uint32_t(bytes[o + 2]) << 8 | bytes[o + 3];
        };
        const uint32_t header_size = field(0), format = field(2), w = field(4), h = field(5),
                       lsb_first = field(7) == 0, bits = field(11), stride = field(12),
                       red = field(14), green = field(15), blue = field(16), colours = field(19);
        if (format != 2 || (bits != 32 && bits != 24))
            throw std::runtime_error("unexpected xwd pixel format");
        const size_t data = header_size + size_t{colours} * 12;
        if (data + size_t{stride} * h > bytes.size()) throw std::runtime_error("short xwd image");
        auto channel = [](uint32_t pixel, uint32_t mask) {
            if (mask == 0) return uint8_t{0};
            int shift = 0;
            while (!((mask >> shift) & 1u)) ++shift;
            return static_cast<uint8_t>((pixel & mask) >> shift);
        };
        XwdImage image;
        image.width = static_cast<int>(w);
        image.height = static_cast<int>(h);
        image.rgb.resize(size_t{w} * h * 3);
        const size_t step = bits / 8;
        for (size_t y = 0; y < h; ++y)
            for (size_t x = 0; x < w; ++x) {
                const uint8_t* p = bytes.data() + data + y * stride + x * step;
                uint32_t pixel = 0;
                for (size_t b = 0; b < step; ++b)
                    pixel |= uint32_t(p[lsb_first ? b : step - 1 - b]) << (8 * b);
                uint8_t* out = image.rgb.data() + (y * w + x) * 3;
                out[0] = channel(pixel, red);
                out[1] = channel(pixel, green);
                out[2] = channel(pixel, blue);
            }
        return image;
    }

    const uint8_t* at(int x, int y) const {
        return rgb.data() + (size_t(y) * size_t(width) + size_t(x)) * 3;
    }
    // Pixels within `tolerance` of (r, g, b) in the rectangle given as shares of the size.
    size_t count(int r, int g, int b, double x0, double y0, double x1, double y1,
                 int tolerance = 3) const {
        size_t n = 0;
        for (int y = int(y0 * height); y < int(y1 * height); ++y)
            for (int x = int(x0 * width); x < int(x1 * width); ++x) {
                const uint8_t* p = at(x, y);
                n += std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance &&
                     std::abs(p[2] - b) <= tolerance;
            }
        return n;
    }
};

// The pixels of X window `window` now, dumped through `file`.
inline XwdImage capture_window(const std::string& window, const std::filesystem::path& file) {
    const auto result = run_command("xwd -silent -id " + window + " -out '" + file.string() + "'");
    if (result.status != 0) throw std::runtime_error("xwd failed: " + result.output);
    return XwdImage::load(file);
}

// Captures window `window` until `shows` accepts what it drew, up to `timeout`; the last
// capture either way. The app cannot be asked what it shows: this is how a test waits
// for the very state it checks.
template <class Predicate>
XwdImage wait_for_window(const std::string& window, const std::filesystem::path& file,
                         Predicate shows, std::chrono::seconds timeout = kGenerousWait) {
    const auto give_up = std::chrono::steady_clock::now() + timeout;
    XwdImage image = capture_window(window, file);
    while (!shows(image) && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        image = capture_window(window, file);
    }
    return image;
}

class RealWindow {
  public:
    // Starts `command` (a shell command line; its output goes to `log`) and waits up to
    // `timeout` for a visible window of that process titled `title`.
    RealWindow(const std::string& command, const std::filesystem::path& log,
               const std::string& title = "LIFT Board",
               std::chrono::seconds timeout = kGenerousWait)
        : log_(log) {
        const std::string line = "exec " + command + " > '" + log.string() + "' 2>&1";
        const char* argv[] = {"/bin/sh", "-c", line.c_str(), nullptr};
        if (posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
            throw std::runtime_error("cannot start: " + command);
        const auto give_up = std::chrono::steady_clock::now() + timeout;
        while (window_.empty()) {
            if (!running()) throw std::runtime_error("the app exited: " + read_file(log));
            if (std::chrono::steady_clock::now() > give_up)
                throw std::runtime_error("no window titled " + title);
            const auto found = run_command("xdotool search --onlyvisible --pid " +
                                           std::to_string(pid_) + " --name '^" + title + "$'");
            if (found.status == 0)
                window_ = found.output.substr(0, found.output.find('\n'));
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        xdotool("windowfocus --sync " + window_);
    }
    ~RealWindow() {
        if (pid_ > 0 && running()) kill(pid_, SIGTERM);
        if (pid_ > 0) waitpid(pid_, nullptr, 0);
    }
    RealWindow(const RealWindow&) = delete;
    RealWindow& operator=(const RealWindow&) = delete;

    // Types `text` as key presses (Shift where a character needs it), one every 40 ms.
    void type(std::string_view text) { xdotool("type --delay 40 -- '" + std::string(text) + "'"); }
    // Presses keys by X keysym name, in turn: "Return", "Escape", "Down Down Return".
    void key(std::string_view keysyms) { xdotool("key --delay 60 " + std::string(keysyms)); }
    // Clicks at a point of the window (pixels from its top left): a tap on a touch screen.
    void click(int x, int y) {
        xdotool("mousemove --window " + window_ + " " + std::to_string(x) + " " +
                std::to_string(y) + " click 1");
    }

    // The window's pixels now.
    XwdImage capture() const { return capture_window(window_, log_.parent_path() / "window.xwd"); }
    // Captures until `shows` accepts one, up to `timeout`; the last capture either way.
    template <class Predicate>
    XwdImage wait_for(Predicate shows, std::chrono::seconds timeout = kGenerousWait) const {
        return wait_for_window(window_, log_.parent_path() / "window.xwd", shows, timeout);
    }

    bool running() const { return waitpid(pid_, nullptr, WNOHANG) == 0; }
    const std::string& window() const { return window_; }
    std::string log() const { return read_file(log_); }

  private:
    void xdotool(const std::string& args) const {
        const auto result = run_command("xdotool " + args);
        if (result.status != 0) throw std::runtime_error("xdotool " + args + ": " + result.output);
    }

    std::filesystem::path log_;
    pid_t pid_ = -1;
    std::string window_;
};

}  // namespace test_support

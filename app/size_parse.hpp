// Parsing of the --size WIDTHxHEIGHT option: a pure function so the command line's
// error cases are unit-tested without a window.
#pragma once

#include <optional>
#include <string_view>

namespace app {

struct WindowSize {
    int width = 0;
    int height = 0;
    bool operator==(const WindowSize&) const = default;
};

// "1920x1080" (or "1920X1080") to {1920, 1080}. Rejects signs, spaces, zero, missing
// parts and sizes beyond 16384 (no GL driver gives a bigger framebuffer).
std::optional<WindowSize> parse_window_size(std::string_view text);

}  // namespace app

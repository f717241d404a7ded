// --size parsing (see size_parse.hpp).
#include "app/size_parse.hpp"

#include <charconv>

namespace app {
namespace {

constexpr int kMaxSide = 16384;

std::optional<int> parse_side(std::string_view text) {
    if (text.empty() || text.size() > 5) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (value < 1 || value > kMaxSide) return std::nullopt;
    return value;
}

}  // namespace

std::optional<WindowSize> parse_window_size(std::string_view text) {
    const size_t x = text.find_first_of("xX");
    if (x == std::string_view::npos) return std::nullopt;
    auto width = parse_side(text.substr(0, x));
    auto height = parse_side(text.substr(x + 1));
    if (!width || !height) return std::nullopt;
    return WindowSize{*width, *height};
}

}  // namespace app

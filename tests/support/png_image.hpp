// A screenshot loaded for checking (stb_image, RGB): pixel access and how much of a
// region is text, for GUI tests that look at what a board drew. Header-only.
#pragma once

#include <stb_image.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>

namespace test_support {

// Whether pixel `p` (RGB) is within `tolerance` of (r, g, b) in every channel.
inline bool close_to(const uint8_t* p, int r, int g, int b, int tolerance = 3) {
    return std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance &&
           std::abs(p[2] - b) <= tolerance;
}

struct PngImage {
    int width = 0, height = 0;
    std::unique_ptr<uint8_t, void (*)(void*)> pixels{nullptr, stbi_image_free};

    explicit PngImage(const std::filesystem::path& file) {
        int channels = 0;
        pixels.reset(stbi_load(file.c_str(), &width, &height, &channels, 3));
    }
    explicit operator bool() const { return pixels != nullptr; }

    const uint8_t* at(int x, int y) const {
        return pixels.get() +
               (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3;
    }
    // Bright, near-neutral pixels: the boards' white and light-grey text.
    bool is_text(int x, int y) const {
        const uint8_t* p = at(x, y);
        return p[0] > 170 && p[1] > 170 && p[2] > 170;
    }
    // Share of text pixels in the rectangle [x0, x1) x [y0, y1).
    double text_share(int x0, int y0, int x1, int y1) const {
        size_t text = 0, total = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x, ++total) text += is_text(x, y) ? 1 : 0;
        return total ? static_cast<double>(text) / static_cast<double>(total) : 0.0;
    }
    // Share of pixels in rows [y0, y1) within `tolerance` of (r, g, b).
    double colour_share(int y0, int y1, int r, int g, int b, int tolerance = 3) const {
        size_t hits = 0, total = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = 0; x < width; ++x, ++total) hits += close_to(at(x, y), r, g, b, tolerance);
        return total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
    }
    // Share of pixels in the rectangle [x0, x1) x [y0, y1) within `tolerance` of (r, g, b):
    // how much of a region a pane's background covers, wherever its edges fall.
    double colour_share_in(int x0, int y0, int x1, int y1, int r, int g, int b,
                           int tolerance = 3) const {
        size_t hits = 0, total = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x, ++total) hits += close_to(at(x, y), r, g, b, tolerance);
        return total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
    }
    // The last x in row `y` within `tolerance` of (r, g, b), or -1: a pane's right edge.
    int last_x_of(int y, int r, int g, int b, int tolerance = 3) const {
        for (int x = width - 1; x >= 0; --x)
            if (close_to(at(x, y), r, g, b, tolerance)) return x;
        return -1;
    }
    size_t distinct_colours() const {
        std::set<uint32_t> colours;
        for (int y = 0; y < height; y += 2)
            for (int x = 0; x < width; x += 2) {
                const uint8_t* p = at(x, y);
                colours.insert(uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]);
            }
        return colours.size();
    }
};

}  // namespace test_support

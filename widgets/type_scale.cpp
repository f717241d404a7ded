// Type sizes for the room (see type_scale.hpp).
#include "widgets/type_scale.hpp"

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

constexpr float kMmPerInch = 25.4f;

// Pixels a font needs for capitals `cap_mm` tall, rounded up to a quarter pixel so
// that rounding in the atlas never takes a capital below the minimum.
float pixels_for_cap(float cap_mm, const ViewingGeometry& geometry) {
    const float cap_px = cap_mm / geometry.mm_per_pixel();
    return std::ceil(cap_px / kCapHeightPerPixel * 4.0f) / 4.0f;
}

}  // namespace

float ViewingGeometry::mm_per_pixel() const {
    return screen_height_mm / static_cast<float>(std::max(screen_height_px, 1));
}

float screen_height_mm(float diagonal_in, int width_px, int height_px) {
    const auto w = static_cast<float>(std::max(width_px, 1));
    const auto h = static_cast<float>(std::max(height_px, 1));
    return diagonal_in * kMmPerInch * h / std::hypot(w, h);
}

std::optional<float> reported_height_mm(int width_mm, int height_mm, int width_px, int height_px) {
    if (width_mm <= 0 || height_mm <= 0 || width_px <= 0 || height_px <= 0) return std::nullopt;
    const float diagonal_in =
        std::hypot(static_cast<float>(width_mm), static_cast<float>(height_mm)) / kMmPerInch;
    if (diagonal_in < 10.0f || diagonal_in > 300.0f) return std::nullopt;
    const float shape = (static_cast<float>(width_mm) / static_cast<float>(height_mm)) /
                        (static_cast<float>(width_px) / static_cast<float>(height_px));
    if (std::fabs(shape - 1.0f) > 0.05f) return std::nullopt;
    return static_cast<float>(height_mm);
}

FontPixels desk_font_pixels(float scale) {
    FontPixels sizes;
    sizes.body *= scale;
    sizes.small *= scale;
    sizes.title *= scale;
    sizes.scale = scale;
    return sizes;
}

FontPixels kiosk_font_pixels(const ViewingGeometry& geometry, float scale) {
    const FontPixels desk = desk_font_pixels(scale);
    FontPixels sizes;
    sizes.body = std::max(desk.body, pixels_for_cap(geometry.body_cap_mm(), geometry));
    sizes.small = sizes.body;
    sizes.title = std::max(desk.title, pixels_for_cap(geometry.headline_cap_mm(), geometry));
    sizes.scale = sizes.body / FontPixels{}.body;
    return sizes;
}

float cap_height_mm(float pixels, const ViewingGeometry& geometry) {
    return pixels * kCapHeightPerPixel * geometry.mm_per_pixel();
}

}  // namespace widgets

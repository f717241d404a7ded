// How large the boards' type must be for the room. The desk keeps the design sizes
// (fonts.hpp) scaled to the framebuffer; the wall sizes its type from the screen's
// physical height and the viewing distance, following the signage rule of thumb (AVIXA
// DISCAS, basic decision-making): a capital letter at least 1/200 of the distance tall,
// headline figures (counts, the clock, status words) 1/100. Pure arithmetic, no ImGui.
#pragma once

#include <optional>

namespace widgets {

// DejaVu Sans: capital height 1493 font units; ImGui sizes a font so that ascent plus
// descent (1901 + 483 units) is the pixel size. A 28 px body has 17.5 px capitals.
inline constexpr float kCapHeightPerPixel = 1493.0f / 2384.0f;

// Where the wall is and who reads it: the screen's visible height in millimetres and in
// pixels (the framebuffer), and how far away the readers stand.
struct ViewingGeometry {
    float screen_height_mm = 0.0f;
    int screen_height_px = 1080;
    float distance_m = 3.0f;

    float mm_per_pixel() const;
    // Smallest capital height the room allows, and that of headline figures, in mm.
    float body_cap_mm() const { return distance_m * 1000.0f / 200.0f; }
    float headline_cap_mm() const { return distance_m * 1000.0f / 100.0f; }
};

// The height of a screen `diagonal_in` inches across whose pixels are square, from its
// resolution: a 55-inch 16:9 panel is 685 mm high.
float screen_height_mm(float diagonal_in, int width_px, int height_px);

// The height the display reports (GLFW's monitor physical size), when it is believable:
// many TVs report nothing, or only their aspect ratio in centimetres (16 x 9), and
// projectors report nonsense. Believable is at least a 10-inch diagonal, at most 300,
// and the same shape as the picture within 5%.
std::optional<float> reported_height_mm(int width_mm, int height_mm, int width_px, int height_px);

// Pixel sizes of the four board fonts and the UI scale that goes with them (paddings,
// column widths and touch targets are design pixels times `scale`).
struct FontPixels {
    float body = 28.0f;   // regular and bold
    float small = 22.0f;  // secondary text
    float title = 40.0f;  // titles, headline figures, the clock
    float scale = 1.0f;
};

// The desk: the design sizes at `scale` (see ui_scale).
FontPixels desk_font_pixels(float scale);

// The wall: every font's capitals at least body_cap_mm() (so secondary text is body
// sized), the title font's at least headline_cap_mm(), and never smaller than the desk
// sizes at `scale`. The UI scale grows with the body, so layouts keep their proportions
// and show fewer, larger items.
FontPixels kiosk_font_pixels(const ViewingGeometry& geometry, float scale);

// Height in millimetres of a capital drawn in a font of `pixels` on `geometry`.
float cap_height_mm(float pixels, const ViewingGeometry& geometry);

}  // namespace widgets

// The board fonts: DejaVu Sans (Debian's fonts-dejavu-core) at the desk's design sizes
// scaled for the real framebuffer, or at the wall's sizes for the room (type_scale.hpp),
// and the desk's scale rule itself. The atlas is built once, before the first frame: a
// kiosk does not change screens.
#pragma once

#include <filesystem>

#include "widgets/type_scale.hpp"

struct ImFont;
struct ImFontAtlas;

namespace widgets {

// Pixel sizes at scale 1.0 (a 1080-pixel-high framebuffer): the desk's sizes. A body of
// 28 px has 17.5 px capitals; the wall sizes its type for the room instead.
struct FontSizes {
    static constexpr float body = 28.0f;
    static constexpr float small = 22.0f;
    static constexpr float title = 40.0f;
};

struct Fonts {
    ImFont* body = nullptr;   // table cells: the default font
    ImFont* bold = nullptr;   // column headers, teacher group rows
    ImFont* small = nullptr;  // secondary text: summaries, status bar details
    ImFont* title = nullptr;  // board title and clock
    float scale = 1.0f;
    bool fallback = false;  // DejaVu missing: ImGui's built-in font, scaled up
};

// The UI scale for a framebuffer `framebuffer_height` pixels high on a monitor whose
// content scale (DPI / 96) is `content_scale`. The board fills the same share of a
// screen of any resolution, so a 4K wall gets the 1080p layout at twice the pixels; a
// small window on a HiDPI desk monitor never drops below the desktop's own text size.
float ui_scale(int framebuffer_height, float content_scale);

inline constexpr const char* kDejaVuDir = "/usr/share/fonts/truetype/dejavu";

// Adds the four fonts to `atlas` (cleared first) at `scale`; falls back to ImGui's
// built-in font when the DejaVu files are missing, so a kiosk still starts.
Fonts load_fonts(ImFontAtlas& atlas, float scale,
                 const std::filesystem::path& font_dir = kDejaVuDir);
// The same at explicit sizes (the wall's, from kiosk_font_pixels).
Fonts load_fonts(ImFontAtlas& atlas, const FontPixels& sizes,
                 const std::filesystem::path& font_dir = kDejaVuDir);

}  // namespace widgets

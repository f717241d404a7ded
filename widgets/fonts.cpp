// Loads DejaVu Sans into ImGui's font atlas at the board sizes (see fonts.hpp).
#include "widgets/fonts.hpp"

#include <imgui.h>

#include <algorithm>

namespace widgets {
namespace {

// Basic Latin + Latin-1 (names, "£"), general punctuation ("–", "—", "…", "•") and the
// arrows used in summaries. Constant data that must outlive the atlas build.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0};

ImFont* add_font(ImFontAtlas& atlas, const std::filesystem::path& file, float pixels) {
    ImFontConfig config;
    // Large type needs little horizontal oversampling; 2 keeps small text crisp while
    // halving the atlas build time of the default 3 (cold start counts).
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontFromFileTTF(file.c_str(), pixels, &config, kGlyphRanges);
}

ImFont* add_default(ImFontAtlas& atlas, float pixels) {
    ImFontConfig config;
    config.SizePixels = pixels;
    return atlas.AddFontDefault(&config);
}

}  // namespace

float ui_scale(int framebuffer_height, float content_scale) {
    const float by_height = static_cast<float>(std::max(framebuffer_height, 0)) / 1080.0f;
    // 0.6 of the wall size is ~17 px body text: the smallest a desk user should get,
    // multiplied by the desktop's own scale on HiDPI monitors.
    const float desk_minimum = 0.6f * std::max(content_scale, 1.0f);
    return std::clamp(std::max(by_height, desk_minimum), 0.5f, 4.0f);
}

Fonts load_fonts(ImFontAtlas& atlas, float scale, const std::filesystem::path& font_dir) {
    return load_fonts(atlas, desk_font_pixels(scale), font_dir);
}

Fonts load_fonts(ImFontAtlas& atlas, const FontPixels& sizes,
                 const std::filesystem::path& font_dir) {
    atlas.Clear();
    Fonts fonts;
    fonts.scale = sizes.scale;
    const auto regular = font_dir / "DejaVuSans.ttf";
    const auto bold = font_dir / "DejaVuSans-Bold.ttf";
    std::error_code ignored;
    if (std::filesystem::is_regular_file(regular, ignored) &&
        std::filesystem::is_regular_file(bold, ignored)) {
        // The first font added is ImGui's default: the body.
        fonts.body = add_font(atlas, regular, sizes.body);
        fonts.bold = add_font(atlas, bold, sizes.body);
        fonts.small = add_font(atlas, regular, sizes.small);
        fonts.title = add_font(atlas, bold, sizes.title);
    }
    if (!fonts.body || !fonts.bold || !fonts.small || !fonts.title) {
        atlas.Clear();
        fonts.fallback = true;
        fonts.body = add_default(atlas, sizes.body);
        fonts.bold = fonts.body;
        fonts.small = add_default(atlas, sizes.small);
        fonts.title = add_default(atlas, sizes.title);
    }
    return fonts;
}

}  // namespace widgets

// Font loading and the UI scale rule: DejaVu at the board sizes, the built-in fallback
// when the font files are missing, and scale by framebuffer height with a DPI floor.
#include <imgui.h>

#include <catch2/catch.hpp>

#include "widgets/fonts.hpp"

using widgets::ui_scale;

TEST_CASE("the UI scale follows the framebuffer height, 1.0 at 1080 pixels") {
    CHECK(ui_scale(1080, 1.0f) == Approx(1.0f));
    CHECK(ui_scale(2160, 1.0f) == Approx(2.0f));
    CHECK(ui_scale(720, 1.0f) == Approx(720.0f / 1080.0f));
}

TEST_CASE("the UI scale never drops below the desktop minimum, scaled by DPI, nor runs away") {
    CHECK(ui_scale(300, 1.0f) == Approx(0.6f));
    CHECK(ui_scale(720, 2.0f) == Approx(1.2f));
    CHECK(ui_scale(0, 1.0f) == Approx(0.6f));
    CHECK(ui_scale(-5, 0.0f) == Approx(0.6f));
    CHECK(ui_scale(100000, 1.0f) == Approx(4.0f));
}

TEST_CASE("DejaVu Sans loads at the board sizes and the atlas builds") {
    ImFontAtlas atlas;
    auto fonts = widgets::load_fonts(atlas, 1.0f);
    REQUIRE_FALSE(fonts.fallback);
    REQUIRE(fonts.body);
    REQUIRE(fonts.bold);
    REQUIRE(fonts.title);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    CHECK(pixels != nullptr);
    CHECK(fonts.body->FontSize == Approx(widgets::FontSizes::body));
    CHECK(fonts.title->FontSize == Approx(widgets::FontSizes::title));
    CHECK(fonts.body->FindGlyphNoFallback(0x00B7) != nullptr);  // the summary's middle dot
}

TEST_CASE("missing font files fall back to ImGui's built-in font, scaled") {
    ImFontAtlas atlas;
    auto fonts = widgets::load_fonts(atlas, 2.0f, "/nonexistent/fonts");
    CHECK(fonts.fallback);
    REQUIRE(fonts.body);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    CHECK(fonts.body->FontSize == Approx(widgets::FontSizes::body * 2.0f));
}

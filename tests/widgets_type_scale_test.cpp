// Type sized for the room: screen heights from diagonals, which reported sizes are
// believed, and the wall's font sizes against the 1/200 and 1/100 rules.
#include <catch2/catch.hpp>

#include <tuple>

#include "widgets/fonts.hpp"
#include "widgets/type_scale.hpp"

using widgets::ViewingGeometry;

TEST_CASE("a 55-inch 16:9 screen is 685 mm high, a 43-inch one 535 mm") {
    CHECK(widgets::screen_height_mm(55.0f, 1920, 1080) == Approx(684.9f).epsilon(0.001));
    CHECK(widgets::screen_height_mm(55.0f, 3840, 2160) == Approx(684.9f).epsilon(0.001));
    CHECK(widgets::screen_height_mm(43.0f, 1920, 1080) == Approx(535.5f).epsilon(0.001));
}

TEST_CASE("a reported size is believed only when it is a plausible screen of the picture's shape") {
    CHECK(widgets::reported_height_mm(1210, 680, 1920, 1080) == Approx(680.0f));
    CHECK_FALSE(widgets::reported_height_mm(0, 0, 1920, 1080));       // nothing reported
    CHECK_FALSE(widgets::reported_height_mm(160, 90, 1920, 1080));    // the aspect ratio in cm
    CHECK_FALSE(widgets::reported_height_mm(1210, 1210, 1920, 1080)); // not the picture's shape
    CHECK_FALSE(widgets::reported_height_mm(9000, 5063, 1920, 1080)); // a projector's guess
}

TEST_CASE("the wall's fonts meet distance/200 and distance/100, the desk keeps its sizes") {
    for (const auto& [diagonal, distance, height] :
         {std::tuple{55.0f, 3.0f, 1080}, std::tuple{43.0f, 2.0f, 1080}, std::tuple{55.0f, 3.0f, 2160},
          std::tuple{32.0f, 1.0f, 1080}}) {
        ViewingGeometry g;
        g.screen_height_mm = widgets::screen_height_mm(diagonal, height * 16 / 9, height);
        g.screen_height_px = height;
        g.distance_m = distance;
        const float desk_scale = static_cast<float>(height) / 1080.0f;
        const widgets::FontPixels sizes = widgets::kiosk_font_pixels(g, desk_scale);
        INFO(diagonal << " in, " << distance << " m, " << height << " px");
        CHECK(widgets::cap_height_mm(sizes.body, g) >= g.body_cap_mm());
        CHECK(widgets::cap_height_mm(sizes.small, g) >= g.body_cap_mm());
        CHECK(widgets::cap_height_mm(sizes.title, g) >= g.headline_cap_mm());
        // Never smaller than the desk, and the layout scale follows the body.
        CHECK(sizes.body >= widgets::FontSizes{}.body * desk_scale);
        CHECK(sizes.scale == Approx(sizes.body / 28.0f));
    }
    const widgets::FontPixels desk = widgets::desk_font_pixels(2.0f);
    CHECK(desk.body == 56.0f);
    CHECK(desk.small == 44.0f);
    CHECK(desk.title == 80.0f);
}

TEST_CASE("at 3 m a 55-inch 1080p wall needs 38 px body type and 76 px headlines") {
    ViewingGeometry g;
    g.screen_height_mm = widgets::screen_height_mm(55.0f, 1920, 1080);
    g.distance_m = 3.0f;
    CHECK(g.body_cap_mm() == 15.0f);
    CHECK(g.headline_cap_mm() == 30.0f);
    const widgets::FontPixels sizes = widgets::kiosk_font_pixels(g, 1.0f);
    CHECK(sizes.body == Approx(38.0f).margin(0.5f));
    CHECK(sizes.title == Approx(75.75f).margin(0.5f));
    // Today's desk body (28 px) has 11 mm capitals there: enough from 2.2 m only.
    CHECK(widgets::cap_height_mm(28.0f, g) == Approx(11.1f).margin(0.1f));
}

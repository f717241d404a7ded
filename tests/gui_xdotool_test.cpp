// The dashboard as a person uses it, in a real window on the test's X display (Xvfb):
// `liftboard --db demo.db --board lookup` (not kiosk, not a screenshot) is started as
// its own process, and xdotool types into it through the X server: "/", a ref, Enter.
// The app cannot be queried, so the test reads the window back (xwd) and looks for
// what only an open pupil card draws: the stage panel, a block of its own colour
// (group_row) in the card pane; the help text shown before has none. Esc must take the
// card away again. Further steps (a triage action, then the database and its audit
// table) extend the same session through support/real_window.hpp.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "support/real_window.hpp"
#include "support/temp_dir.hpp"

using test_support::RealWindow;
using test_support::TempDir;
using test_support::XwdImage;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

// The card pane: right of the search column (40% of the width), below the title line.
// Its stage panel is drawn in the palette's group_row colour (0.09, 0.14, 0.23).
size_t stage_panel_pixels(const XwdImage& image) {
    return image.count(23, 36, 59, 0.45, 0.12, 0.97, 0.60);
}
bool card_open(const XwdImage& image) {
    return stage_panel_pixels(image) > 2000;
}

// The search column below the search box: a selected result row is drawn in the
// palette's header colour (0.11, 0.17, 0.28).
size_t selected_row_pixels(const XwdImage& image) {
    return image.count(28, 43, 71, 0.02, 0.20, 0.38, 0.90);
}

}  // namespace

TEST_CASE("typing in the lookup of a real window opens the pupil's card, and Esc closes it") {
    REQUIRE(std::getenv("DISPLAY"));  // run under xvfb-run (see scripts/test)
    TempDir dir;
    const auto db = dir / "demo.db";
    auto demo = test_support::run_command(kBinary + " demo-data --out " + db.string() +
                                          " --pupils 300 --seed 1 --today 2025-11-20");
    INFO(demo.output);
    REQUIRE(demo.status == 0);

    RealWindow app(
        kBinary + " --db " + db.string() + " --board lookup --today 2025-11-20 --size 1280x720",
        dir / "liftboard.log");
    INFO("app log: " << app.log());
    const XwdImage first = app.wait_for([](const XwdImage& image) { return image.width == 1280; });
    REQUIRE(first.width == 1280);
    REQUIRE(first.height == 720);
    CHECK_FALSE(card_open(first));
    CHECK(selected_row_pixels(first) < 500);

    // "/" gives the search box the keyboard; the ref is an exact match, listed first
    // and selected.
    app.type("/P000123");
    const XwdImage typed =
        app.wait_for([](const XwdImage& image) { return selected_row_pixels(image) > 5000; });
    CHECK(selected_row_pixels(typed) > 5000);
    CHECK_FALSE(card_open(typed));

    app.key("Return");
    const XwdImage opened = app.wait_for(card_open);
    INFO("stage panel pixels " << stage_panel_pixels(opened));
    CHECK(card_open(opened));

    app.key("Escape");
    const XwdImage closed = app.wait_for([](const XwdImage& image) { return !card_open(image); });
    CHECK_FALSE(card_open(closed));
    CHECK(app.running());
}

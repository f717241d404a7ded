// The meeting board end to end under a real window (Xvfb in CI): `liftboard demo-data`
// makes a district, `liftboard --board meetings --screenshot` renders it in the office
// (interactive) and on the wall (--kiosk) at 1920x1080 and 1280x720, and each PNG is
// checked: size and orientation, cards full of text, the week band and the marks in
// their colours, and the status bar whole, with the cards ending above it.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "support/demo_district.hpp"
#include "support/png_image.hpp"
#include "support/temp_dir.hpp"

using test_support::close_to;
using test_support::make_demo;
using test_support::PngImage;
using test_support::run_command;
using test_support::TempDir;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

// The theme's colours as 8-bit RGB.
constexpr int kBackground[] = {13, 15, 20};
constexpr int kStatusBar[] = {28, 38, 59};
constexpr int kCard[] = {26, 28, 36};
constexpr int kAccent[] = {128, 204, 255};
constexpr int kDue[] = {255, 184, 77};

// A 300-pupil district generated around the date the board is drawn for: it has LIFT
PngImage screenshot(const std::filesystem::path& db, const std::filesystem::path& png,
                    const std::string& size, const std::string& extra = "",
                    const std::string& today = "2025-11-20") {
    auto result = run_command(kBinary + " --db " + db.string() + " --board meetings --screenshot " +
                              png.string() + " --size " + size + " --today " + today + extra);
    INFO(result.output);
    REQUIRE(result.status == 0);
    return PngImage(png);
}

// Top of the status bar: the first row, going up from the bottom-left, that is not the
// bar's colour.
int status_bar_top(const PngImage& image) {
    int y = image.height - 1;
    while (y > 0 && close_to(image.at(2, y - 1), kStatusBar[0], kStatusBar[1], kStatusBar[2])) --y;
    return y;
}

void check_board_image(const PngImage& image, int width, int height) {
    REQUIRE(image);
    REQUIRE(image.width == width);
    REQUIRE(image.height == height);
    CHECK(image.distinct_colours() > 200);
    // Top-left is the board background, bottom-left the status bar: not flipped.
    CHECK(close_to(image.at(2, 2), kBackground[0], kBackground[1], kBackground[2]));
    CHECK(close_to(image.at(2, height - 3), kStatusBar[0], kStatusBar[1], kStatusBar[2]));

    // The status bar is whole (its top row is its own colour right across) and the cards
    // end above it: the rows just above are the background again, not a cut card.
    const int bar = status_bar_top(image);
    INFO("status bar top " << bar);
    CHECK(bar > height * 9 / 10);
    CHECK(bar < height - height / 40);
    CHECK(image.colour_share(bar, bar + 2, kStatusBar[0], kStatusBar[1], kStatusBar[2]) > 0.97);
    CHECK(image.colour_share(bar - 3, bar - 1, kBackground[0], kBackground[1], kBackground[2]) >
          0.97);
    // The bar carries the clock and labels.
    CHECK(image.text_share(0, bar, width, height) > 0.005);
}

void check_meetings(const PngImage& image, bool wall) {
    const int h = image.height;
    // Cards: their surface fills much of the board, and they are full of text. (The wall
    // shows one meeting at a time across the width, on the board's own background.)
    if (!wall) CHECK(image.colour_share(h / 5, h * 4 / 5, kCard[0], kCard[1], kCard[2]) > 0.5);
    const double text = image.text_share(0, h / 5, image.width, h * 4 / 5);
    INFO("card text share " << text);
    CHECK(text > 0.03);
    // The week band and LIFT badges in the accent colour, and the paperwork due at the
    // next meeting marked in amber ("DUE SOON").
    // (On the wall the headline figures above push the band lower.)
    CHECK(image.colour_share(0, wall ? h / 2 : h / 4, kAccent[0], kAccent[1], kAccent[2], 6) > 0.01);
    CHECK(image.colour_share(h / 4, h * 9 / 10, kDue[0], kDue[1], kDue[2], 10) > 0.001);
}

}  // namespace

TEST_CASE("the meeting board renders at 1920x1080, interactive and on the wall") {
    TempDir dir;
    const auto db = make_demo(dir);
    for (const std::string extra : {"", " --kiosk"}) {
        INFO("options:" << extra);
        const auto image = screenshot(db, dir / "big.png", "1920x1080", extra);
        check_board_image(image, 1920, 1080);
        check_meetings(image, !extra.empty());
    }
}

TEST_CASE("the meeting board renders at 1280x720, interactive and on the wall") {
    TempDir dir;
    const auto db = make_demo(dir);
    for (const std::string extra : {"", " --kiosk"}) {
        INFO("options:" << extra);
        const auto image = screenshot(db, dir / "small.png", "1280x720", extra);
        check_board_image(image, 1280, 720);
        check_meetings(image, !extra.empty());
    }
}

TEST_CASE("a fortnight without meetings still draws both weeks, saying so") {
    TempDir dir;
    const auto db = make_demo(dir);
    // The Christmas holiday: no LIFT meeting or Surgery from 22 Dec to 4 Jan.
    const auto image = screenshot(db, dir / "empty.png", "1920x1080", "", "2025-12-22");
    check_board_image(image, 1920, 1080);
    const int h = image.height;
    // Two placeholder cards, one per half of the width, each with its sentence.
    const PngImage& im = image;
    CHECK(im.text_share(0, h / 5, im.width / 2, h / 3) > 0.005);
    CHECK(im.text_share(im.width / 2, h / 5, im.width, h / 3) > 0.005);
    CHECK(image.colour_share(h / 2, h * 3 / 4, kCard[0], kCard[1], kCard[2]) > 0.8);
}

TEST_CASE("privacy off still renders the meeting board (office screens)") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto image = screenshot(db, dir / "names.png", "1600x900", " --show-names");
    check_board_image(image, 1600, 900);
    check_meetings(image, false);
}

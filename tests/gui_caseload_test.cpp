// The caseload board end to end under a real window (Xvfb in CI): `liftboard demo-data`
// makes a district, `liftboard --screenshot` renders the board, and the PNG is checked
// for the table's text actually drawn, the status bar in place and the right size.
// Also the dashboard's refusals: missing or corrupt database, bad --today / --size.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <memory>
#include <set>
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

test_support::CommandResult screenshot(const std::filesystem::path& db,
                                       const std::filesystem::path& png, const std::string& size,
                                       const std::string& extra = "") {
    return run_command(kBinary + " --db " + db.string() + " --board caseload --screenshot " +
                       png.string() + " --size " + size + " --today 2025-11-20" + extra);
}

// The checks shared by every size: dimensions, orientation, drawn text, status bar.
void check_board_image(const PngImage& image, int width, int height) {
    REQUIRE(image.pixels);
    REQUIRE(image.width == width);
    REQUIRE(image.height == height);
    // Anti-aliased text in several colours on several surfaces: hundreds of colours.
    CHECK(image.distinct_colours() > 200);
    // Top-left is the board background, bottom-left the status bar: not flipped.
    CHECK(close_to(image.at(2, 2), 13, 15, 20));
    CHECK(close_to(image.at(2, height - 3), 28, 38, 59));
    // The table (below the title line, above the status bar) is full of text.
    const double table_text = image.text_share(0, height / 8, width, height * 7 / 8);
    INFO("table text share " << table_text);
    CHECK(table_text > 0.02);
    // The status bar (bottom 5%) carries the clock and labels, not just its colour.
    const double bar_text = image.text_share(0, height - height / 20, width, height);
    INFO("status bar text share " << bar_text);
    CHECK(bar_text > 0.005);
}

}  // namespace

TEST_CASE("the caseload board renders to a 1920x1080 PNG with its table drawn") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto png = dir / "out.png";
    auto result = screenshot(db, png, "1920x1080");
    INFO(result.output);
    REQUIRE(result.status == 0);
    check_board_image(PngImage(png), 1920, 1080);
}

TEST_CASE("the caseload board renders at 1280x720, scaled down, with the same layout") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto png = dir / "small.png";
    auto result = screenshot(db, png, "1280x720");
    INFO(result.output);
    REQUIRE(result.status == 0);
    check_board_image(PngImage(png), 1280, 720);
}

TEST_CASE("privacy off still renders (office screens)") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto png = dir / "names.png";
    auto result = screenshot(db, png, "1600x900", " --show-names");
    INFO(result.output);
    REQUIRE(result.status == 0);
    check_board_image(PngImage(png), 1600, 900);
}

TEST_CASE("a missing database is one error line and a non-zero exit, with no PNG") {
    TempDir dir;
    const auto png = dir / "out.png";
    auto result = screenshot(dir / "absent.db", png, "1920x1080");
    CHECK(result.status != 0);
    CHECK(result.output.find("absent.db") != std::string::npos);
    CHECK(result.output.find('\n') == result.output.size() - 1);
    CHECK_FALSE(std::filesystem::exists(png));
    CHECK_FALSE(std::filesystem::exists(dir / "absent.db"));  // not created by accident
}

TEST_CASE("a file that is not a database is refused with a non-zero exit") {
    TempDir dir;
    const auto db = dir / "junk.db";
    test_support::write_file(db, std::string(4096, 'x'));
    const auto png = dir / "out.png";
    auto result = screenshot(db, png, "1920x1080");
    CHECK(result.status != 0);
    CHECK(result.output.find("junk.db") != std::string::npos);
    // The screenshot is the board saying what is wrong (gui_store_problem_test.cpp).
    CHECK(std::filesystem::exists(png));
}

TEST_CASE("a bad --today or --size is a usage error (exit 2)") {
    TempDir dir;
    const auto db = make_demo(dir);
    auto bad_today = run_command(kBinary + " --db " + db.string() + " --screenshot " +
                                 (dir / "a.png").string() + " --today 2025-02-31");
    CHECK(bad_today.status == 2);
    CHECK(bad_today.output.find("--today") != std::string::npos);
    auto bad_size = run_command(kBinary + " --db " + db.string() + " --screenshot " +
                                (dir / "b.png").string() + " --size 1920by1080");
    CHECK(bad_size.status == 2);
    CHECK(bad_size.output.find("--size") != std::string::npos);
    auto bad_board = run_command(kBinary + " --db " + db.string() + " --screenshot " +
                                 (dir / "c.png").string() + " --board nosuch");
    CHECK(bad_board.status == 2);
}

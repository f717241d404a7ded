// The caseload board end to end under a real window (Xvfb in CI): `liftboard demo-data`
// makes a district, `liftboard --screenshot` renders the board, and the PNG is checked
// for the table's text actually drawn, the status bar in place and the right size.
// Also the dashboard's refusals: missing or corrupt database, bad --today / --size.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "support/temp_dir.hpp"

using test_support::run_command;
using test_support::TempDir;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

struct Image {
    int width = 0, height = 0;
    std::unique_ptr<uint8_t, void (*)(void*)> pixels{nullptr, stbi_image_free};

    const uint8_t* at(int x, int y) const {
        return pixels.get() +
               (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3;
    }
    // Bright, near-neutral pixels: the board's white and light-grey text.
    bool is_text(int x, int y) const {
        const uint8_t* p = at(x, y);
        return p[0] > 170 && p[1] > 170 && p[2] > 170;
    }
    double text_share(int y0, int y1) const {
        size_t text = 0, total = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = 0; x < width; ++x, ++total) text += is_text(x, y) ? 1 : 0;
        return total ? static_cast<double>(text) / static_cast<double>(total) : 0.0;
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

Image load_png(const std::filesystem::path& file) {
    Image image;
    int channels = 0;
    image.pixels.reset(stbi_load(file.c_str(), &image.width, &image.height, &channels, 3));
    return image;
}

bool close_to(const uint8_t* p, int r, int g, int b) {
    return std::abs(p[0] - r) <= 3 && std::abs(p[1] - g) <= 3 && std::abs(p[2] - b) <= 3;
}

// A 300-pupil district generated around the same pinned date the board is drawn for.
std::filesystem::path make_demo(const TempDir& dir) {
    const auto db = dir / "demo.db";
    auto result = run_command(kBinary + " demo-data --out " + db.string() +
                              " --pupils 300 --seed 1 --today 2025-11-20");
    INFO(result.output);
    REQUIRE(result.status == 0);
    return db;
}

test_support::CommandResult screenshot(const std::filesystem::path& db,
                                       const std::filesystem::path& png, const std::string& size,
                                       const std::string& extra = "") {
    return run_command(kBinary + " --db " + db.string() + " --board caseload --screenshot " +
                       png.string() + " --size " + size + " --today 2025-11-20" + extra);
}

// The checks shared by every size: dimensions, orientation, drawn text, status bar.
void check_board_image(const Image& image, int width, int height) {
    REQUIRE(image.pixels);
    REQUIRE(image.width == width);
    REQUIRE(image.height == height);
    // Anti-aliased text in several colours on several surfaces: hundreds of colours.
    CHECK(image.distinct_colours() > 200);
    // Top-left is the board background, bottom-left the status bar: not flipped.
    CHECK(close_to(image.at(2, 2), 13, 15, 20));
    CHECK(close_to(image.at(2, height - 3), 28, 38, 59));
    // The table (below the title line, above the status bar) is full of text.
    const double table_text = image.text_share(height / 8, height * 7 / 8);
    INFO("table text share " << table_text);
    CHECK(table_text > 0.02);
    // The status bar (bottom 5%) carries the clock and labels, not just its colour.
    const double bar_text = image.text_share(height - height / 20, height);
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
    check_board_image(load_png(png), 1920, 1080);
}

TEST_CASE("the caseload board renders at 1280x720, scaled down, with the same layout") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto png = dir / "small.png";
    auto result = screenshot(db, png, "1280x720");
    INFO(result.output);
    REQUIRE(result.status == 0);
    check_board_image(load_png(png), 1280, 720);
}

TEST_CASE("privacy off still renders (office screens)") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto png = dir / "names.png";
    auto result = screenshot(db, png, "1600x900", " --show-names");
    INFO(result.output);
    REQUIRE(result.status == 0);
    check_board_image(load_png(png), 1600, 900);
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
    CHECK_FALSE(std::filesystem::exists(png));
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

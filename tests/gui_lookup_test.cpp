// The quick lookup board in a real window (Xvfb in CI), at 1920x1080 and 1280x720, in
// the office (interactive) and on the wall (kiosk): the empty board through
// `liftboard --screenshot`, and a typed search with a pupil card open through the App
// in this process. Each PNG is checked for its size, the status bar, and text where the
// results and the card should be. Set LIFTBOARD_SCREENSHOT_DIR to keep the PNGs.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/app.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "support/demo_district.hpp"
#include "support/png_image.hpp"
#include "support/temp_dir.hpp"
#include "widgets/lookup_board.hpp"

using test_support::close_to;
using test_support::make_demo;
using test_support::PngImage;
using test_support::run_command;
using test_support::TempDir;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;
constexpr const char* kToday = "2025-11-20";

struct Size {
    int width, height;
    std::string text() const { return std::to_string(width) + "x" + std::to_string(height); }
};

// Keeps a copy of the PNG for a person to look at, when asked to.
void keep(const std::filesystem::path& png, const std::string& name) {
    if (const char* dir = std::getenv("LIFTBOARD_SCREENSHOT_DIR"); dir && *dir)
        std::filesystem::copy_file(png, std::filesystem::path(dir) / name,
                                   std::filesystem::copy_options::overwrite_existing);
}

// What every lookup screenshot has: its size, the board background at the top left,
// the status bar with text along the bottom, the card pane's lighter surface on the
// right. Returns the text shares of the results column and the card pane.
std::pair<double, double> check_lookup_image(const PngImage& image, Size size) {
    REQUIRE(image);
    REQUIRE(image.width == size.width);
    REQUIRE(image.height == size.height);
    CHECK(image.distinct_colours() > 150);
    CHECK(close_to(image.at(2, 2), 13, 15, 20));
    CHECK(close_to(image.at(2, size.height - 3), 28, 38, 59));
    CHECK(image.text_share(0, size.height - size.height / 20, size.width, size.height) > 0.005);
    // The card pane (row_alt) fills the right side below the title line. Found by the
    // region its background covers, not by one pixel: the board's margins grow with the
    // wall's larger type (kiosk), so a fixed pixel near the edge may be margin.
    const int top = size.height / 5, bottom = size.height * 17 / 20;
    const double pane = image.colour_share_in(size.width * 50 / 100, top, size.width * 93 / 100,
                                              bottom, 26, 28, 36);
    const int pane_right = image.last_x_of(size.height * 3 / 4, 26, 28, 36);
    INFO("card pane background " << pane << ", its right edge at x " << pane_right);
    CHECK(pane > 0.4);
    CHECK(pane_right > size.width * 93 / 100);  // the pane reaches the right margin
    const double results = image.text_share(size.width / 50, top, size.width * 38 / 100, bottom);
    const double card = image.text_share(size.width * 45 / 100, top, size.width * 98 / 100, bottom);
    INFO("results text " << results << ", card text " << card);
    return {results, card};
}

// How much of the card pane the card's stage block (group_row blue) covers; the help pane
// the board shows with no card open has none.
double stage_block_share(const PngImage& image, Size size) {
    const double share =
        image.colour_share_in(size.width * 45 / 100, size.height / 5, size.width * 98 / 100,
                              size.height * 17 / 20, 23, 36, 59);
    INFO("stage block share " << share);
    return share;
}

std::shared_ptr<const core::Snapshot> load_snapshot(const std::filesystem::path& db) {
    db::Store store(db, db::Store::Access::read_only);
    core::SnapshotOptions options;
    options.today = *core::parse_date(kToday);
    return db::snapshot_from_store(store, options, 1);
}

// The App in this process: the lookup board with `query` typed and `ref`'s card open.
std::filesystem::path card_screenshot(const std::shared_ptr<const core::Snapshot>& snapshot,
                                      const TempDir& dir, Size size, bool kiosk,
                                      const std::string& query, const std::string& ref,
                                      bool privacy = true) {
    app::AppOptions options;
    options.window.size = {size.width, size.height};
    options.window.visible = false;
    options.window.vsync = false;
    options.board = "lookup";
    options.kiosk = kiosk;
    options.privacy = privacy;
    app::App app(options);
    app.channel().publish(snapshot);
    auto& board = dynamic_cast<widgets::LookupBoard&>(app.board());
    board.set_query(query);
    board.open_pupil(ref);
    const auto png = dir / ("card-" + size.text() + (kiosk ? "-kiosk" : "") +
                            (privacy ? "" : "-names") + ".png");
    std::string error;
    REQUIRE(app.screenshot(png, error));
    CHECK(board.card().is_open());
    CHECK_FALSE(board.lines().empty());
    keep(png, png.filename().string());
    return png;
}

}  // namespace

TEST_CASE("the empty lookup board renders at 1920x1080 and 1280x720, interactive and kiosk") {
    TempDir dir;
    const auto db = make_demo(dir);
    for (Size size : {Size{1920, 1080}, Size{1280, 720}}) {
        for (bool kiosk : {false, true}) {
            const std::string name = "lookup-" + size.text() + (kiosk ? "-kiosk" : "") + ".png";
            const auto png = dir / name;
            auto result = run_command(
                kBinary + " --db " + db.string() + " --board lookup --screenshot " + png.string() +
                " --size " + size.text() + " --today " + kToday + (kiosk ? " --kiosk" : ""));
            INFO(name << ": " << result.output);
            REQUIRE(result.status == 0);
            keep(png, name);
            const auto [results, card] = check_lookup_image(PngImage(png), size);
            // Nothing typed: the results column is nearly empty, the help pane is not
            // (shorter on the wall, which has no key list).
            CHECK(results < (kiosk ? 0.02 : 0.01));  // the wall's type is larger
            CHECK(card > (kiosk ? 0.003 : 0.01));
            CHECK(stage_block_share(PngImage(png), size) < 0.01);  // no card open
        }
    }
}

TEST_CASE("a search with a pupil card open renders at both sizes, interactive and kiosk") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto snapshot = load_snapshot(db);
    REQUIRE(snapshot->data->pupils.size() > 100);
    // A ref prefix matching many pupils, and the card of one with a long history.
    size_t longest = 0;
    for (size_t i = 1; i < snapshot->data->pupils.size(); ++i)
        if (snapshot->data->events_of(i).size() > snapshot->data->events_of(longest).size())
            longest = i;
    const std::string ref(snapshot->data->pupils[longest].pupil_ref);
    INFO("card of " << ref);
    for (Size size : {Size{1920, 1080}, Size{1280, 720}}) {
        for (bool kiosk : {false, true}) {
            const auto png = card_screenshot(snapshot, dir, size, kiosk, "P0001", ref);
            const auto [results, card] = check_lookup_image(PngImage(png), size);
            CHECK(results > 0.02);  // a column of result rows
            CHECK(card > 0.02);     // the card: header, stage, findings, timeline
            CHECK(stage_block_share(PngImage(png), size) > 0.05);  // a card, not the help
        }
    }
}

TEST_CASE("privacy off (office screens): a name search with the card open renders") {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto snapshot = load_snapshot(db);
    const core::PupilEntry pupil = snapshot->data->pupils.at(42);
    const auto png = card_screenshot(snapshot, dir, Size{1920, 1080}, false,
                                     std::string(pupil.last_name.substr(0, 4)),
                                     std::string(pupil.pupil_ref), false);
    const auto [results, card] = check_lookup_image(PngImage(png), Size{1920, 1080});
    CHECK(results > 0.02);
    CHECK(card > 0.02);
}

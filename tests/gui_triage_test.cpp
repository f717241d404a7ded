// The triage board rendered for real under Xvfb: `liftboard --screenshot` in the office
// (interactive) and on the wall (--kiosk), at 1920x1080 and 1280x720, and the action
// panel and the referral form opened with the keyboard inside an App driven by a real
// writer. Each PNG is checked for the drawn table, the status colours and the status
// bar; with LIFTBOARD_SCREENSHOT_DIR set the panel screenshots are also kept there.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>

#include "app/app.hpp"
#include "db/sync/writer.hpp"
#include "support/demo_district.hpp"
#include "support/png_image.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"
#include "widgets/triage_board.hpp"

using test_support::close_to;
using test_support::make_demo;
using test_support::PngImage;
using test_support::run_command;
using test_support::TempDir;
using Key = widgets::KeyInput::Key;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

// What every triage screenshot shows: the size, the board background top-left, the
// status bar bottom-left, a table full of text, and red "blocked"/"overdue" words.
void check_triage_image(const PngImage& image, int width, int height) {
    REQUIRE(image.pixels);
    REQUIRE(image.width == width);
    REQUIRE(image.height == height);
    CHECK(image.distinct_colours() > 200);
    const uint8_t* corner = image.at(2, 2);
    CHECK((corner[0] == 13 && corner[1] == 15 && corner[2] == 20));
    const double text = image.text_share(0, height / 5, width, height * 7 / 8);
    INFO("table text share " << text);
    CHECK(text > 0.02);
    const double red = image.colour_share(height / 5, height * 7 / 8, 255, 163, 163, 12);
    INFO("status red share " << red);
    CHECK(red > 0.0005);
    const double bar = image.text_share(0, height - height / 20, width, height);
    INFO("status bar text share " << bar);
    CHECK(bar > 0.005);
}

void check_cli_screenshot(const std::string& size, int width, int height,
                          const std::string& extra) {
    TempDir dir;
    const auto db = make_demo(dir);
    const auto png = dir / "triage.png";
    auto result = run_command(kBinary + " --db " + db.string() + " --board triage --screenshot " +
                              png.string() + " --size " + size + " --today 2025-11-20" + extra);
    INFO(result.output);
    REQUIRE(result.status == 0);
    check_triage_image(PngImage(png), width, height);
}

// An App on the triage board with a real writer behind it, for screenshots of the panel.
struct Office {
    explicit Office(const TempDir& dir, int width, int height) : db(make_demo(dir)) {
        app::AppOptions options;
        options.window.size = {width, height};
        options.window.visible = false;
        options.window.vsync = false;
        options.board = "triage";
        options.user = "gui-test";
        app = std::make_unique<app::App>(options);
        db::WriterOptions writer_options;
        writer_options.database = db;
        writer_options.today = core::parse_date("2025-11-20");
        writer = std::make_unique<db::Writer>(writer_options, app->channel(), status);
        app->set_command_sink(writer.get());
        writer->start();
        REQUIRE(test_support::wait_until([&] { return app->channel().current() != nullptr; }));
        app->render_frame();
    }
    void keys(std::initializer_list<widgets::KeyInput> presses) {
        for (const auto& k : presses) app->board().key(k);
        app->render_frame();
        app->render_frame();
    }
    PngImage shot(const std::string& name, const TempDir& dir) {
        std::string error;
        const auto png = dir / name;
        REQUIRE(app->screenshot(png, error));
        if (const char* keep = std::getenv("LIFTBOARD_SCREENSHOT_DIR"))
            std::filesystem::copy_file(png, std::filesystem::path(keep) / name,
                                       std::filesystem::copy_options::overwrite_existing);
        return PngImage(png);
    }
    std::filesystem::path db;
    core::SyncStatus status;
    std::unique_ptr<app::App> app;
    std::unique_ptr<db::Writer> writer;  // destroyed (joined) before the App
};

widgets::KeyInput key(Key k) {
    return {k, 0, false};
}
widgets::KeyInput ch(char c) {
    return {Key::character, c, false};
}

}  // namespace

TEST_CASE("the triage board renders at 1920x1080 in the office") {
    check_cli_screenshot("1920x1080", 1920, 1080, "");
}

TEST_CASE("the triage board renders at 1280x720 in the office") {
    check_cli_screenshot("1280x720", 1280, 720, "");
}

TEST_CASE("the triage board renders read-only on the wall at 1920x1080") {
    check_cli_screenshot("1920x1080", 1920, 1080, " --kiosk");
}

TEST_CASE("the triage board renders read-only on the wall at 1280x720") {
    check_cli_screenshot("1280x720", 1280, 720, " --kiosk");
}

TEST_CASE("the action panel opens beside the list and a saved action says so") {
    TempDir dir;
    Office office(dir, 1920, 1080);
    office.keys({key(Key::down), key(Key::enter), ch('2'), ch('1')});
    auto& board = dynamic_cast<widgets::TriageBoard&>(office.app->board());
    REQUIRE(board.actions().is_open());
    const PngImage form = office.shot("triage-panel-1920x1080.png", dir);
    check_triage_image(form, 1920, 1080);

    office.keys({key(Key::enter)});
    REQUIRE(test_support::wait_until([&] {
        office.app->render_frame();
        return !board.waiting();
    }));
    office.app->render_frame();
    const PngImage saved = office.shot("triage-saved-1920x1080.png", dir);
    // "Saved: ..." in the palette's green.
    CHECK(saved.colour_share(200, 1000, 140, 230, 140, 12) > 0.0002);
}

TEST_CASE("the referral form and its inline messages render at 1280x720") {
    TempDir dir;
    Office office(dir, 1280, 720);
    office.keys({ch('n'), key(Key::enter)});  // empty: every field says what it needs
    auto& board = dynamic_cast<widgets::TriageBoard&>(office.app->board());
    REQUIRE(board.referral().is_open());
    const PngImage image = office.shot("triage-referral-1280x720.png", dir);
    check_triage_image(image, 1280, 720);
}

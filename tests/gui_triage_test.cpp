// The triage board rendered for real under Xvfb: `liftboard --screenshot` in the office
// (interactive) and on the wall (--kiosk), at 1920x1080 and 1280x720, and the action
// panel and the referral form opened with the keyboard inside an App driven by a real
// writer. Each PNG is checked for the drawn table, the status colours and the status
// bar; with LIFTBOARD_SCREENSHOT_DIR set the panel screenshots are also kept there.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>

#include "app/app.hpp"
#include "db/sync/writer.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"
#include "widgets/triage_board.hpp"

using test_support::run_command;
using test_support::TempDir;
using Key = widgets::KeyInput::Key;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;

struct Image {
    int width = 0, height = 0;
    std::unique_ptr<uint8_t, void (*)(void*)> pixels{nullptr, stbi_image_free};

    const uint8_t* at(int x, int y) const {
        return pixels.get() +
               (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3;
    }
    // Share of pixels in rows y0..y1 within `tolerance` of the colour.
    double share(int y0, int y1, int r, int g, int b, int tolerance) const {
        size_t hits = 0, total = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = 0; x < width; ++x, ++total) {
                const uint8_t* p = at(x, y);
                hits += std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance &&
                        std::abs(p[2] - b) <= tolerance;
            }
        return total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
    }
    // Bright, near-neutral pixels: white and light-grey text.
    double text_share(int y0, int y1) const {
        size_t text = 0, total = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = 0; x < width; ++x, ++total) {
                const uint8_t* p = at(x, y);
                text += p[0] > 170 && p[1] > 170 && p[2] > 170;
            }
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

std::filesystem::path make_demo(const TempDir& dir) {
    const auto db = dir / "demo.db";
    auto result = run_command(kBinary + " demo-data --out " + db.string() +
                              " --pupils 300 --seed 1 --today 2025-11-20");
    INFO(result.output);
    REQUIRE(result.status == 0);
    return db;
}

// What every triage screenshot shows: the size, the board background top-left, the
// status bar bottom-left, a table full of text, and red "blocked"/"overdue" words.
void check_triage_image(const Image& image, int width, int height) {
    REQUIRE(image.pixels);
    REQUIRE(image.width == width);
    REQUIRE(image.height == height);
    CHECK(image.distinct_colours() > 200);
    const uint8_t* corner = image.at(2, 2);
    CHECK((corner[0] == 13 && corner[1] == 15 && corner[2] == 20));
    const double text = image.text_share(height / 5, height * 7 / 8);
    INFO("table text share " << text);
    CHECK(text > 0.02);
    const double red = image.share(height / 5, height * 7 / 8, 255, 107, 107, 12);
    INFO("status red share " << red);
    CHECK(red > 0.0005);
    const double bar = image.text_share(height - height / 20, height);
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
    check_triage_image(load_png(png), width, height);
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
    Image shot(const std::string& name, const TempDir& dir) {
        std::string error;
        const auto png = dir / name;
        REQUIRE(app->screenshot(png, error));
        if (const char* keep = std::getenv("LIFTBOARD_SCREENSHOT_DIR"))
            std::filesystem::copy_file(png, std::filesystem::path(keep) / name,
                                       std::filesystem::copy_options::overwrite_existing);
        return load_png(png);
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
    const Image form = office.shot("triage-panel-1920x1080.png", dir);
    check_triage_image(form, 1920, 1080);

    office.keys({key(Key::enter)});
    REQUIRE(test_support::wait_until([&] {
        office.app->render_frame();
        return !board.waiting();
    }));
    office.app->render_frame();
    const Image saved = office.shot("triage-saved-1920x1080.png", dir);
    // "Saved: ..." in the palette's green.
    CHECK(saved.share(200, 1000, 140, 230, 140, 12) > 0.0002);
}

TEST_CASE("the referral form and its inline messages render at 1280x720") {
    TempDir dir;
    Office office(dir, 1280, 720);
    office.keys({ch('n'), key(Key::enter)});  // empty: every field says what it needs
    auto& board = dynamic_cast<widgets::TriageBoard&>(office.app->board());
    REQUIRE(board.referral().is_open());
    const Image image = office.shot("triage-referral-1280x720.png", dir);
    check_triage_image(image, 1280, 720);
}

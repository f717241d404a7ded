// The App in a real (invisible) window under Xvfb: a board that throws mid-frame is
// caught at the frame boundary and the next frame draws; frames report their CPU
// time; a screenshot is written before any snapshot has arrived.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "app/app.hpp"
#include "support/temp_dir.hpp"

namespace {

// Leaves a child window and a table open, then throws: the worst case to unwind.
class ThrowingBoard final : public widgets::Board {
  public:
    std::string_view name() const override { return "throwing"; }
    std::string_view title() const override { return "Throwing"; }
    void draw(const core::Snapshot&, const widgets::BoardContext&) override {
        ImGui::BeginChild("inner");
        if (ImGui::BeginTable("half", 2)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("about to fail");
            throw std::runtime_error("board failed");
        }
        ImGui::EndChild();
    }
};

app::AppOptions headless(int width = 1280, int height = 720) {
    app::AppOptions options;
    options.window.size = {width, height};
    options.window.visible = false;
    options.window.vsync = false;
    return options;
}

}  // namespace

TEST_CASE("a board that throws is caught at the frame boundary and the next frame draws") {
    app::App app(headless());
    app.channel().publish(std::make_shared<core::Snapshot>());
    app.add_board(std::make_unique<ThrowingBoard>());
    REQUIRE(app.select_board("throwing"));
    CHECK(app.render_frame().error);
    CHECK(app.render_frame().error);  // and again: ImGui's state was fully unwound
    test_support::TempDir dir;
    std::string error;
    CHECK(app.screenshot(dir / "failing.png", error));  // the status bar still draws
    REQUIRE(app.select_board("caseload"));
    CHECK_FALSE(app.render_frame().error);
    app.present();
}

TEST_CASE("selecting an unknown board changes nothing") {
    app::App app(headless());
    CHECK_FALSE(app.select_board("nosuch"));
    CHECK(app.board().name() == "caseload");
}

TEST_CASE("frames report their CPU time and a screenshot works before any snapshot") {
    test_support::TempDir dir;
    app::App app(headless(800, 600));
    const app::FrameStats stats = app.render_frame();
    CHECK_FALSE(stats.error);
    CHECK(stats.cpu_ms > 0.0);
    std::string error;
    CHECK(app.screenshot(dir / "loading.png", error));
    CHECK(error.empty());
    CHECK(std::filesystem::file_size(dir / "loading.png") > 0);
}

TEST_CASE("the App refuses an unknown board at construction") {
    auto options = headless();
    options.board = "nosuch";
    CHECK_THROWS_AS(app::App(options), std::runtime_error);
}

// Privacy across every board: on the demo district, with privacy on, no pupil's full
// name is in any text a board submits for drawing - neither in ImGui's log of text
// items nor among the glyphs in the frame's vertex buffers (support/headless_imgui.hpp)
// - however the board is driven: scrolled, rows opened with the keyboard, the lookup
// searched (also for a name) with a card open. Every board App::board_names() lists is
// covered, so a new board is checked without touching this file. The control cases
// show the same checks do see names when privacy is off.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "support/headless_imgui.hpp"
#include "support/temp_dir.hpp"
#include "widgets/lookup_board.hpp"

using test_support::DrawnText;
using test_support::HeadlessImGui;
using widgets::KeyInput;

namespace {

// The 300-pupil demo district, generated once for the whole test run.
std::shared_ptr<const core::Snapshot> demo() {
    static test_support::TempDir dir;
    static std::shared_ptr<const core::Snapshot> snapshot = [] {
        const auto db = dir / "demo.db";
        auto result =
            test_support::run_command(std::string(LIFTBOARD_BINARY) + " demo-data --out " +
                                      db.string() + " --pupils 300 --seed 1 --today 2025-11-20");
        INFO(result.output);
        REQUIRE(result.status == 0);
        db::Store store(db, db::Store::Access::read_only);
        core::SnapshotOptions options;
        options.today = *core::parse_date("2025-11-20");
        return db::snapshot_from_store(store, options, 1);
    }();
    return snapshot;
}

// Pupils' full names, less any that is also a member of staff's (the demo draws both
// from one pool, and staff names are shown on purpose).
std::vector<std::string> pupil_names(const core::Dataset& data) {
    std::set<std::string> staff;
    for (const core::Staff& s : data.staff) staff.insert(s.name);
    std::set<std::string> names;
    for (const core::PupilEntry p : data.pupils) {
        const std::string name = core::full_name(p);
        if (!p.first_name.empty() && !p.last_name.empty() && !staff.count(name)) names.insert(name);
    }
    return {names.begin(), names.end()};
}

KeyInput press(KeyInput::Key key) {
    KeyInput k;
    k.key = key;
    return k;
}

// Drives `board` through the states a user can reach and collects all it drew.
std::vector<DrawnText> drive(HeadlessImGui& ui, widgets::Board& board, const core::Snapshot& s,
                             bool privacy) {
    std::vector<DrawnText> drawn;
    auto frames = [&](int n) {
        for (int i = 0; i < n; ++i) drawn.push_back(ui.frame(board, s, privacy));
    };
    auto keys = [&](std::initializer_list<KeyInput::Key> list) {
        for (KeyInput::Key k : list) board.key(press(k));
        frames(2);
    };
    frames(3);
    keys({KeyInput::Key::down, KeyInput::Key::down, KeyInput::Key::enter});  // open a row
    keys({KeyInput::Key::page_down, KeyInput::Key::tab, KeyInput::Key::enter});
    keys({KeyInput::Key::escape, KeyInput::Key::escape, KeyInput::Key::end});
    board.scroll(widgets::Scroll::page_down);
    frames(2);
    board.scroll(widgets::Scroll::bottom);
    frames(2);

    if (auto* lookup = dynamic_cast<widgets::LookupBoard*>(&board)) {
        const core::PupilEntry pupil = s.data->pupils.at(7);
        for (const std::string& query :
             {std::string("P0001"), std::string(pupil.initials), std::string("primary"),
              std::string(pupil.last_name),
              std::string(pupil.first_name) + " " + std::string(pupil.last_name.substr(0, 3))}) {
            lookup->set_query(query);
            frames(2);
            board.key(press(KeyInput::Key::enter));  // the first line: a school or a pupil
            frames(2);
            board.key(press(KeyInput::Key::enter));
            frames(2);
        }
        lookup->open_pupil(pupil.pupil_ref);
        frames(3);
        REQUIRE(lookup->card().is_open());
    }
    return drawn;
}

}  // namespace

TEST_CASE("with privacy on no board draws a pupil's full name") {
    const auto s = demo();
    const std::vector<std::string> names = pupil_names(*s->data);
    REQUIRE(names.size() > 100);
    for (std::string_view board_name : app::App::board_names()) {
        INFO("board " << board_name);
        HeadlessImGui ui;
        auto board = app::App::create_board(board_name);
        REQUIRE(board);
        const std::vector<DrawnText> drawn = drive(ui, *board, *s, true);
        size_t text = 0;
        for (const DrawnText& d : drawn) text += d.logged.size() + d.glyphs.size();
        CHECK(text > 1000);  // it did draw
        for (const DrawnText& d : drawn)
            for (const std::string& name : names) {
                INFO("name " << name);
                REQUIRE_FALSE(d.contains(name));
            }
    }
}

TEST_CASE("control: with privacy off the same checks find names, logged and as glyphs") {
    const auto s = demo();
    const std::vector<std::string> names = pupil_names(*s->data);
    HeadlessImGui ui;
    widgets::LookupBoard board;
    const core::PupilEntry pupil = s->data->pupils.at(7);
    const std::string name = core::full_name(pupil);
    board.set_query(name);
    for (int i = 0; i < 3; ++i) ui.frame(board, *s, false);
    board.key(press(KeyInput::Key::enter));
    DrawnText text;
    for (int i = 0; i < 3; ++i) text = ui.frame(board, *s, false);
    REQUIRE(board.card().is_open());
    CHECK(text.logged.find(name) != std::string::npos);
    std::string packed;
    for (char c : name)
        if (c != ' ') packed += c;
    CHECK(text.glyphs.find(packed) != std::string::npos);

    // And every board that shows names does so through the same channels.
    bool any = false;
    for (std::string_view board_name : app::App::board_names()) {
        HeadlessImGui board_ui;
        auto each = app::App::create_board(board_name);
        for (const DrawnText& d : drive(board_ui, *each, *s, false))
            for (const std::string& n : names) any = any || d.contains(n);
    }
    CHECK(any);
}

TEST_CASE("glyph decoding reads back what a frame drew") {
    HeadlessImGui ui;
    struct Probe final : widgets::Board {
        std::string_view name() const override { return "probe"; }
        std::string_view title() const override { return "Probe"; }
        void draw(const core::Snapshot&, const widgets::BoardContext& context) override {
            ImGui::TextUnformatted("Logged text");
            // Straight into the draw list: never logged, still on screen.
            ImGui::GetWindowDrawList()->AddText(context.fonts->bold, context.fonts->bold->FontSize,
                                                ImVec2(100, 300), IM_COL32_WHITE, "Kestrel Hill");
        }
    } probe;
    core::Snapshot empty;
    const DrawnText text = ui.frame(probe, empty);
    CHECK(text.logged.find("Logged text") != std::string::npos);
    CHECK(text.logged.find("Kestrel") == std::string::npos);
    CHECK(text.glyphs.find("Loggedtext") != std::string::npos);
    CHECK(text.glyphs.find("KestrelHill") != std::string::npos);
    CHECK(text.contains("Kestrel Hill"));
    CHECK_FALSE(text.contains("Kestrel Mill"));
}

// Privacy across every board: on the demo district, with privacy on, no pupil's full
// name is in any text a board submits for drawing - neither in ImGui's log of text
// items nor among the glyphs in the frame's vertex buffers (support/headless_imgui.hpp)
// - however the board is driven: scrolled, rows opened with the keyboard, the lookup
// searched (also for a name) with a card open. Every board App::board_names() lists is
// covered, so a new board is checked without touching this file. The control cases
// show the same checks do see names when privacy is off. Hub sync conflicts, whose
// rows carry names (a new referral's pupil row, the hub's row, PostgreSQL's DETAIL
// line quoting the failing row), are checked on the triage board that shows them.
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "db/hub/outbox.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "support/headless_imgui.hpp"
#include "support/temp_dir.hpp"
#include "widgets/conflict_line.hpp"
#include "widgets/lookup_board.hpp"

using test_support::DrawnText;
using test_support::HeadlessImGui;
using widgets::KeyInput;

namespace {

// The 300-pupil demo district's database, generated once for the whole test run.
std::filesystem::path demo_database() {
    static test_support::TempDir dir;
    static const std::filesystem::path db = [] {
        const auto file = dir / "demo.db";
        auto result =
            test_support::run_command(std::string(LIFTBOARD_BINARY) + " demo-data --out " +
                                      file.string() + " --pupils 300 --seed 1 --today 2025-11-20");
        INFO(result.output);
        REQUIRE(result.status == 0);
        return file;
    }();
    return db;
}

std::shared_ptr<const core::Snapshot> snapshot_of(const std::filesystem::path& db) {
    db::Store store(db, db::Store::Access::read_only);
    core::SnapshotOptions options;
    options.today = *core::parse_date("2025-11-20");
    return db::snapshot_from_store(store, options, 1);
}

std::shared_ptr<const core::Snapshot> demo() {
    static std::shared_ptr<const core::Snapshot> snapshot = snapshot_of(demo_database());
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

// The demo district plus hub conflicts whose rows name pupils: a refused new referral
// (its row, and the hub's DETAIL line quoting it), a clash with the hub's different
// row for the same ref, and one stored the way older versions stored them.
struct ConflictDemo {
    test_support::TempDir dir;
    std::shared_ptr<const core::Snapshot> snapshot;
    // The snapshot `named` was picked from: a PupilEntry views its snapshot's texts, so
    // that snapshot must live as long as the entries do.
    std::shared_ptr<const core::Snapshot> base;
    std::vector<core::PupilEntry> named;  // the pupils whose names the conflicts carry
};

nlohmann::json pupil_row(const core::PupilEntry& p, std::string_view ref) {
    return {{"pupil_ref", ref},           {"school_urn", p.school_urn}, {"initials", p.initials},
            {"first_name", p.first_name}, {"last_name", p.last_name},   {"year_group", "4"},
            {"need_area", "semh"}};
}

const ConflictDemo& conflict_demo() {
    static ConflictDemo d;
    static const bool built = [] {
        const auto db = d.dir / "conflicts.db";
        std::filesystem::copy_file(demo_database(), db);
        d.base = snapshot_of(db);
        const auto& base = d.base;
        // Conflicts may leak a first or a last name alone, so the pupils are ones whose
        // name parts the board never draws otherwise (not a teacher's, not in a school's
        // name): any sight of them is the conflicts' doing.
        std::vector<DrawnText> plain;
        {
            HeadlessImGui ui;
            auto board = app::App::create_board("triage");
            plain = drive(ui, *board, *base, true);
        }
        auto drawn_anyway = [&](std::string_view part) {
            return part.size() < 4 ||
                   std::any_of(plain.begin(), plain.end(),
                               [&](const DrawnText& t) { return t.contains(part); });
        };
        for (const core::PupilEntry p : base->data->pupils)
            if (d.named.size() < 5 && !drawn_anyway(p.first_name) && !drawn_anyway(p.last_name))
                d.named.push_back(p);
        REQUIRE(d.named.size() == 5);
        db::Store store(db);
        auto entry = [](const char* op_id, const nlohmann::json& row) {
            db::hub::OutboxEntry e;
            e.op_id = op_id;
            e.at = "2025-11-19T10:00:00Z";
            e.who = "office";
            e.what = "new referral " + row["pupil_ref"].get<std::string>() + " at school 900001";
            e.effects =
                nlohmann::json::array({{{"table", "pupil"}, {"mode", "insert"}, {"row", row}}});
            return e;
        };
        const std::string ref0(d.named[0].pupil_ref), ref1(d.named[1].pupil_ref);
        const nlohmann::json refused = pupil_row(d.named[0], ref0);
        db::hub::record_conflict(store, entry("op-refused", refused),
                                 "hub: ERROR:  new row for relation \"pupil\" violates check "
                                 "constraint \"pupil_check\"\n"
                                 "DETAIL:  Failing row contains (" +
                                     ref0 + ", 900001, AB, " + std::string(d.named[0].first_name) +
                                     ", " + std::string(d.named[0].last_name) + ", 4, semh, 17).\n",
                                 refused, nullptr);
        db::hub::record_conflict(store, entry("op-clash", pupil_row(d.named[1], ref1)),
                                 "the hub holds a different pupil row with this key",
                                 pupil_row(d.named[1], ref1), pupil_row(d.named[2], ref1));
        SQLite::Statement legacy(
            store.database(),
            "INSERT INTO hub_conflict(op_id, detected_at, edited_at, who, what, pupil_ref, mine, "
            "theirs, reason, effects) VALUES ('op-old', '2025-11-19T10:00:00Z', "
            "'2025-11-19T10:00:00Z', 'office', 'new referral', ?, ?, ?, ?, '[]')");
        const core::PupilEntry& old = d.named[3];
        legacy.bind(1, std::string(old.pupil_ref));
        legacy.bind(2, "school_urn 900001, initials AB, first_name " + std::string(old.first_name) +
                           ", last_name " + std::string(old.last_name));
        legacy.bind(3, "first_name " + std::string(d.named[4].first_name) + ", last_name " +
                           std::string(d.named[4].last_name));
        legacy.bind(4, "hub: ERROR:  duplicate key\nDETAIL:  Failing row contains (" +
                           std::string(d.named[4].first_name) + ", " +
                           std::string(d.named[4].last_name) + ")");
        legacy.exec();
        d.snapshot = snapshot_of(db);
        REQUIRE(d.snapshot->conflicts.size() == 3);
        return true;
    }();
    REQUIRE(built);
    return d;
}

}  // namespace

TEST_CASE("with privacy on the triage board's sync conflicts name no pupil") {
    const ConflictDemo& demo = conflict_demo();
    const std::vector<std::string> names = pupil_names(*demo.snapshot->data);
    HeadlessImGui ui;
    auto board = app::App::create_board("triage");
    const std::vector<DrawnText> drawn = drive(ui, *board, *demo.snapshot, true);
    REQUIRE(std::any_of(drawn.begin(), drawn.end(), [](const DrawnText& d) {
        return d.logged.find("3 sync conflicts") != std::string::npos;
    }));
    for (const DrawnText& d : drawn)
        for (const core::PupilEntry& p : demo.named) {
            INFO("pupil " << p.pupil_ref);
            CHECK_FALSE(d.contains(std::string(p.first_name)));
            CHECK_FALSE(d.contains(std::string(p.last_name)));
        }
    for (const DrawnText& d : drawn)
        for (const std::string& name : names) {
            INFO("name " << name);
            REQUIRE_FALSE(d.contains(name));
        }
}

TEST_CASE("control: with privacy off a conflict names its pupil, as the other boards do") {
    const ConflictDemo& demo = conflict_demo();
    const core::SyncConflict& clash = demo.snapshot->conflicts.at(1);
    const std::string line = widgets::conflict_line(*demo.snapshot, clash, false);
    CHECK_THAT(line,
               Catch::Contains(core::full_name(*demo.snapshot->data->pupil(clash.pupil_ref))));
    CHECK_THAT(line, Catch::Contains("another name"));
    const std::string safe = widgets::conflict_line(*demo.snapshot, clash, true);
    CHECK_THAT(safe,
               Catch::StartsWith(core::pupil_label(*demo.snapshot->data->pupil(clash.pupil_ref))));
}

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

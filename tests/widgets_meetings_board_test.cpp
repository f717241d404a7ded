// The meeting board drawn with a real ImGui context but no window or GL: the words it
// puts on screen (ImGui's log, which the board feeds for text drawn straight to the draw
// list), privacy, the BLOCKED / OVERDUE marks, empty weeks, the "more" line, and the
// window-free layout helpers (columns, school lines, rows below).
#include <catch2/catch.hpp>
#include <string>

#include "support/headless_imgui.hpp"
#include "widgets/meetings_board.hpp"
#include "widgets/meetings_layout.hpp"

namespace {

// The shared headless context; `frame` returns what the board logged and what glyphs it
// actually drew (the board draws its rows straight to the draw list).
struct Headless {
    std::string frame(widgets::Board& board, const core::Snapshot& snapshot, bool privacy = true,
                      bool kiosk = false) {
        widgets::BoardContext ctx = ui.context(snapshot, privacy);
        ctx.kiosk = kiosk;
        last = ui.frame(board, snapshot, ctx);
        return last.logged;
    }
    test_support::HeadlessImGui ui;
    test_support::DrawnText last;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

core::MeetingBooking booking(int n, core::Status worst, const char* word) {
    core::MeetingBooking b;
    b.pupil_label = "Q.R.  P" + std::to_string(500 + n);
    b.full_name = "Fictional Pupil" + std::to_string(n);
    b.school = "Meadow Primary School";
    b.worst = worst;
    b.word = word;
    b.paperwork = "No paperwork, 4 days left";
    b.paperwork_status = core::Status::due;
    b.days_left = 4;
    return b;
}

// This week: a LIFT with a blocked and an overdue booking; next week: nothing.
core::Snapshot snapshot_with(int extra_rows = 0) {
    core::Snapshot s;
    s.today = core::Date{20412};
    s.generation = 1;
    auto& m = s.meetings;
    m.district = "Maidstone";
    m.weeks[0].label = "This week  17 Nov \xe2\x80\x93 23 Nov";
    m.weeks[1].label = "Next week  24 Nov \xe2\x80\x93 30 Nov";
    core::MeetingCard card;
    card.kind_label = "LIFT";
    card.date_text = "Thu 20 Nov";
    card.when = "today";
    card.group = "A";
    card.group_label = "Group A";
    card.venue = "STLS base, Room 2";
    card.deadline_text = "Paperwork by Thu 13 Nov  \xc2\xb7  closed";
    card.schools = {{"Meadow Primary School", 2, false}, {"Ridge Academy", 0, false}};
    auto blocked = booking(1, core::Status::blocked, "BLOCKED");
    blocked.marks = {{"NO CONSENT", core::Status::blocked}};
    auto overdue = booking(2, core::Status::overdue, "OVERDUE");
    overdue.paperwork = "NO PAPERWORK, 7 days overdue";
    overdue.paperwork_status = core::Status::overdue;
    card.bookings = {blocked, overdue};
    for (int i = 0; i < extra_rows; ++i)
        card.bookings.push_back(booking(10 + i, core::Status::ok, "READY"));
    card.blocked = card.overdue = 1;
    card.summary = std::to_string(card.bookings.size()) + " pupils booked";
    m.cards.push_back(card);
    m.blocked = m.overdue = 1;
    m.booked = static_cast<int>(card.bookings.size());
    return s;
}

}  // namespace

TEST_CASE("the board shows the meeting, blocked and overdue marked in words") {
    Headless ui;
    widgets::MeetingsBoard board;
    auto s = snapshot_with();
    std::string text;
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s);
    CHECK(contains(text, "LIFT meetings"));
    CHECK(contains(text, "1 blocked"));
    CHECK(contains(text, "Thu 20 Nov"));
    CHECK(contains(text, "Group A"));
    CHECK(contains(text, "Paperwork by Thu 13 Nov"));
    CHECK(contains(text, "Meadow Primary School 2"));  // the group's schools with bookings
    CHECK(contains(text, "BLOCKED"));
    CHECK(contains(text, "NO CONSENT"));
    CHECK(ui.last.glyphs.find("NOCONSENT") != std::string::npos);  // really drawn
    CHECK(ui.last.glyphs.find("OVERDUE") != std::string::npos);
    CHECK(contains(text, "OVERDUE"));
    CHECK(contains(text, "NO PAPERWORK, 7 days overdue"));
    CHECK(contains(text, "1 BLOCKED"));  // the card's own count
    CHECK(contains(text, "Q.R.  P501"));
    // Next week has no meeting and says so.
    CHECK(contains(text, "Next week: no LIFT meeting or Surgery in Maidstone"));
    REQUIRE(board.columns().size() == 2);
    CHECK(board.columns()[1].card == -1);
}

TEST_CASE("with privacy on no full name is drawn, with it off they are") {
    Headless ui;
    widgets::MeetingsBoard board;
    auto s = snapshot_with(3);
    std::string text;
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, true);
    // Neither logged nor drawn as glyphs (rows go straight to the draw list).
    CHECK_FALSE(ui.last.contains("Fictional"));
    CHECK_FALSE(ui.last.contains("Pupil1"));
    CHECK(ui.last.contains("P501"));
    CHECK(ui.last.glyphs.find("P501MeadowPrimary") != std::string::npos);
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, false);
    CHECK(contains(text, "Fictional Pupil1"));
    CHECK(ui.last.glyphs.find("FictionalPupil1") != std::string::npos);
}

TEST_CASE("a long list shows how many rows are below, and paging reaches them") {
    Headless ui;
    widgets::MeetingsBoard board;
    auto s = snapshot_with(40);
    // (The log turns the clipper off, so every row is in the text: count the "more" line.)
    auto more = [](const std::string& text) {
        const auto at = text.find("\xe2\x86\x93 ");
        return at == std::string::npos ? 0 : std::stoi(text.substr(at + 4));
    };
    std::string text;
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, true);
    const int first = more(text);
    CHECK(first > 20);
    CHECK(first < 42);
    CHECK(contains(text, "(PgDn)"));
    board.scroll(widgets::Scroll::page_down);
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, true);
    CHECK(more(text) < first);
    CHECK(more(text) > 0);
    board.scroll(widgets::Scroll::bottom);
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, true);
    CHECK(more(text) == 0);
    board.scroll(widgets::Scroll::top);
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, true);
    CHECK(more(text) == first);
}

TEST_CASE("on the wall a long list is paged: every booking on a page, which page is said") {
    test_support::HeadlessImGui ui;
    widgets::MeetingsBoard board;
    auto s = snapshot_with(40);
    widgets::BoardContext ctx = ui.context(s);
    ctx.kiosk = true;
    for (int i = 0; i < 2; ++i) ui.frame(board, s, ctx);
    const size_t pages = board.pages();
    REQUIRE(pages > 2);
    std::string all;
    for (size_t page = 0; page < pages; ++page) {
        ctx.page = page;
        const std::string text = ui.frame(board, s, ctx).logged;
        CHECK(contains(text, "Page " + std::to_string(page + 1) + " of " + std::to_string(pages)));
        CHECK_FALSE(contains(text, "PgDn"));  // the wall has no keyboard hint
        all += text;
    }
    for (const core::MeetingBooking& b : s.meetings.cards[0].bookings) {
        INFO(b.pupil_label);
        CHECK(contains(all, b.pupil_label));
    }
}

TEST_CASE("no meetings at all: both weeks say so") {
    Headless ui;
    widgets::MeetingsBoard board;
    core::Snapshot s;
    s.meetings.district = "Maidstone";
    std::string text;
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s);
    CHECK(contains(text, "This week: no LIFT meeting or Surgery in Maidstone"));
    CHECK(contains(text, "Next week: no LIFT meeting or Surgery in Maidstone"));
    CHECK(contains(text, "nothing blocked or overdue"));
}

TEST_CASE("columns: this week's meetings first, a placeholder for an empty week") {
    core::MeetingBoardModel m;
    m.cards.resize(3);
    m.cards[0].this_week = false;
    m.cards[1].this_week = true;
    m.cards[2].this_week = false;
    auto columns = widgets::meeting_columns(m);
    REQUIRE(columns.size() == 3);
    CHECK(columns[0].card == 1);
    CHECK(columns[0].week == 0);
    CHECK(columns[1].card == 0);
    CHECK(columns[2].card == 2);
    m.cards.clear();
    columns = widgets::meeting_columns(m);
    REQUIRE(columns.size() == 2);
    CHECK(columns[0].card == -1);
    CHECK(columns[1].week == 1);
}

TEST_CASE("school lines pack names, show counts and end in +N more when they overflow") {
    // One unit of width per byte.
    const widgets::MeasureText measure = [](std::string_view t) {
        return static_cast<float>(t.size());
    };
    std::vector<core::MeetingSchool> schools = {{"Alder", 0, false},
                                                {"Birch", 2, false},
                                                {"Cedar", 0, false},
                                                {"Damson", 0, false},
                                                {"Elm", 0, false}};
    auto all = widgets::school_lines(schools, 100.0f, 2, measure);
    REQUIRE(all.size() == 1);
    CHECK(all[0] == "Alder  \xc2\xb7  Birch 2  \xc2\xb7  Cedar  \xc2\xb7  Damson  \xc2\xb7  Elm");
    auto two = widgets::school_lines(schools, 22.0f, 2, measure);
    REQUIRE(two.size() == 2);
    CHECK(two[0] == "Alder  \xc2\xb7  Birch 2");
    CHECK(two[1].find("more") != std::string::npos);
    CHECK(widgets::school_lines({}, 100.0f, 2, measure).empty());
}

TEST_CASE("rows below the view") {
    CHECK(widgets::rows_below(10, 0.0f, 4.0f) == 6);
    CHECK(widgets::rows_below(10, 6.0f, 4.0f) == 0);
    CHECK(widgets::rows_below(3, 0.0f, 7.5f) == 0);
}

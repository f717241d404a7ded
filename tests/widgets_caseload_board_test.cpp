// The caseload board drawn with a real ImGui context but no window or GL: what text it
// emits (ImGui's log captures every string; note that logging turns the list clipper
// off), privacy, scrolling, and that 100k rows cost no more geometry than a screenful.
#include <imgui.h>
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <string>

#include "support/headless_imgui.hpp"
#include "widgets/caseload_board.hpp"

namespace {

// The project's headless ImGui; a frame's text as ImGui's log of it.
struct Headless : test_support::HeadlessImGui {
    std::string frame(widgets::Board& board, const core::Snapshot& snapshot, bool privacy = true,
                      bool capture = true) {
        return HeadlessImGui::frame(board, snapshot, privacy, capture).logged;
    }
};

// The scrolling child window a ScrollY table lives in.
ImGuiWindow* table_window() {
    for (ImGuiWindow* window : GImGui->Windows)
        if ((window->Flags & ImGuiWindowFlags_ChildWindow) &&
            std::string(window->Name).find("caseload") != std::string::npos)
            return window;
    return nullptr;
}

core::Snapshot caseload(int rows, int overdue_every = 0) {
    core::Snapshot s;
    s.today = core::Date{20400};
    s.generation = 1;
    // The pupils behind the rows: the names a board with privacy off reads.
    auto data = std::make_shared<core::Dataset>();
    for (int i = 0; i < rows; ++i)
        data->pupils.push_back({"P" + std::to_string(100000 + i), "900001", "XY", "Fictional",
                                "Name" + std::to_string(i), 5, core::NeedArea::semh});
    data->index();
    s.data = data;
    for (int i = 0; i < rows; ++i) {
        core::CaseloadRow r;
        r.pupil = static_cast<uint32_t>(i);
        r.pupil_label = "X.Y.  P" + std::to_string(100000 + i);
        r.school = "Meadow Primary School";
        r.need_area = "SEMH";
        r.stage = "Caselist";
        r.teacher_id = i % 2 ? "t1" : "t2";
        r.teacher = i % 2 ? "Cove Tutor" : "Bay Tutor";
        r.last_visit = core::parse_date("2025-11-03").value();
        r.next_visit_due = core::Date{20400 + i};
        r.visit_overdue = overdue_every > 0 && i % overdue_every == 0;
        if (r.visit_overdue) r.next_visit_due = core::Date{20390};
        r.next_action = "STLS visit by 15 Dec 2025";
        s.caseload.push_back(r);
    }
    s.teacher_loads = {{"t2", "Bay Tutor", 0, 0}, {"t1", "Cove Tutor", 0, 0}};
    for (const auto& r : s.caseload) {
        auto& load = s.teacher_loads[r.teacher_id == "t2" ? 0 : 1];
        ++load.cases;
        if (r.visit_overdue) ++load.overdue_visits;
    }
    return s;
}

}  // namespace

TEST_CASE("the board shows the title, headers, teacher groups and initials with refs") {
    Headless ui;
    widgets::CaseloadBoard board;
    auto s = caseload(6, 3);
    std::string text;
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s);
    CHECK(text.find("Caseload") != std::string::npos);
    CHECK(text.find("6 open cases") != std::string::npos);
    CHECK(text.find("2 visits overdue") != std::string::npos);
    CHECK(text.find("Next visit") != std::string::npos);
    CHECK(text.find("Bay Tutor") != std::string::npos);
    CHECK(text.find("X.Y.  P100000") != std::string::npos);
    CHECK(text.find("10d late") != std::string::npos);
    CHECK(board.lines().size() == 8);
}

TEST_CASE("with privacy on no full name is drawn, with it off they are") {
    Headless ui;
    widgets::CaseloadBoard board;
    auto s = caseload(10);
    std::string text;
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, true);
    CHECK(text.find("Fictional Name") == std::string::npos);
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s, false);
    CHECK(text.find("Fictional Name3") != std::string::npos);
}

TEST_CASE("100k rows draw only the visible lines") {
    Headless ui;
    widgets::CaseloadBoard small_board, big_board;
    auto small = caseload(200);
    auto big = caseload(100000);
    for (int i = 0; i < 2; ++i) ui.frame(small_board, small, true, false);
    const int small_vertices = ui.vertices;
    for (int i = 0; i < 2; ++i) ui.frame(big_board, big, true, false);
    CHECK(ui.vertices < small_vertices * 2);
    CHECK(big_board.lines().size() == 100002);
}

TEST_CASE("scrolling moves the table by pages, to the bottom and back to the top") {
    Headless ui;
    widgets::CaseloadBoard board;
    auto s = caseload(500);
    for (int i = 0; i < 2; ++i) ui.frame(board, s, true, false);
    ImGuiWindow* table = table_window();
    REQUIRE(table);
    REQUIRE(table->ScrollMax.y > 0.0f);
    CHECK(table->Scroll.y == 0.0f);
    board.scroll(widgets::Scroll::page_down);
    for (int i = 0; i < 2; ++i) ui.frame(board, s, true, false);
    const float page = table->Scroll.y;
    CHECK(page > table->Size.y * 0.5f);
    CHECK(page < table->Size.y);
    board.scroll(widgets::Scroll::bottom);
    for (int i = 0; i < 2; ++i) ui.frame(board, s, true, false);
    CHECK(table->Scroll.y == Approx(table->ScrollMax.y));
    board.scroll(widgets::Scroll::top);
    for (int i = 0; i < 2; ++i) ui.frame(board, s, true, false);
    CHECK(table->Scroll.y == 0.0f);
}

TEST_CASE("an empty caseload says so instead of drawing an empty table") {
    Headless ui;
    widgets::CaseloadBoard board;
    core::Snapshot empty;
    const std::string text = ui.frame(board, empty);
    CHECK(text.find("No open caselist cases") != std::string::npos);
}

TEST_CASE("a pupil with an EHC request open shows the clock's week beside the stage") {
    Headless ui;
    widgets::CaseloadBoard board;
    auto s = caseload(4);
    s.caseload[1].ehc_week = 9;
    s.caseload[1].ehc_status = core::Status::overdue;
    std::string text;
    for (int i = 0; i < 2; ++i) text = ui.frame(board, s);
    CHECK(text.find("EHC wk 9/20") != std::string::npos);
    // Only that pupil has one.
    CHECK(text.find("EHC wk") == text.rfind("EHC wk"));
}

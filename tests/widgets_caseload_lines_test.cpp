// The caseload board's line list: teacher groups with their rows, sorting within
// groups, the flat list, and that no row is ever lost.
#include <catch2/catch.hpp>

#include "widgets/caseload_lines.hpp"

using widgets::caseload_lines;
using widgets::CaseloadColumn;
using widgets::CaseloadLine;
using widgets::CaseloadSort;

namespace {

core::CaseloadRow row(const char* label, const char* teacher_id, const char* teacher, int due_day,
                      const char* school = "School") {
    core::CaseloadRow r;
    r.pupil_label = label;
    r.teacher_id = teacher_id;
    r.teacher = teacher;
    r.school = school;
    r.next_visit_due = core::Date{20000 + due_day};
    return r;
}

// Two teachers, rows in the snapshot's order (by teacher name, overdue first).
core::Snapshot two_teachers() {
    core::Snapshot s;
    s.caseload = {row("A.A.  P1", "t2", "Bay Tutor", 5, "Zeta"),
                  row("B.B.  P2", "t2", "Bay Tutor", 1, "Alpha"),
                  row("C.C.  P3", "t1", "Cove Tutor", 3), row("D.D.  P4", "t1", "Cove Tutor", 2)};
    s.teacher_loads = {{"t2", "Bay Tutor", 2, 0}, {"t1", "Cove Tutor", 2, 0}};
    return s;
}

std::vector<std::string> labels(const core::Snapshot& s, const std::vector<CaseloadLine>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines)
        out.push_back(line.kind == CaseloadLine::Kind::teacher
                          ? "# " + s.teacher_loads[line.index].name
                          : s.caseload[line.index].pupil_label);
    return out;
}

}  // namespace

TEST_CASE("grouped lines put each teacher's header before their rows, by next visit due") {
    auto s = two_teachers();
    auto lines = caseload_lines(s, CaseloadSort{}, true);
    CHECK(labels(s, lines) == std::vector<std::string>{"# Bay Tutor", "B.B.  P2", "A.A.  P1",
                                                       "# Cove Tutor", "D.D.  P4", "C.C.  P3"});
}

TEST_CASE("sorting applies within groups, teacher descending reverses the groups") {
    auto s = two_teachers();
    auto by_school = caseload_lines(s, CaseloadSort{CaseloadColumn::school, false}, true);
    CHECK(labels(s, by_school)[1] == "B.B.  P2");  // Alpha before Zeta
    auto by_pupil_desc = caseload_lines(s, CaseloadSort{CaseloadColumn::pupil, true}, true);
    CHECK(labels(s, by_pupil_desc) == std::vector<std::string>{"# Bay Tutor", "B.B.  P2",
                                                               "A.A.  P1", "# Cove Tutor",
                                                               "D.D.  P4", "C.C.  P3"});
    auto teachers_desc = caseload_lines(s, CaseloadSort{CaseloadColumn::teacher, true}, true);
    CHECK(labels(s, teachers_desc).front() == "# Cove Tutor");
}

TEST_CASE("ungrouped lines are every row, no headers, in sort order with stable ties") {
    auto s = two_teachers();
    auto lines = caseload_lines(s, CaseloadSort{CaseloadColumn::next_visit, false}, false);
    CHECK(labels(s, lines) ==
          std::vector<std::string>{"B.B.  P2", "D.D.  P4", "C.C.  P3", "A.A.  P1"});
    auto ties =
        caseload_lines(s, CaseloadSort{CaseloadColumn::stage, false}, false);  // all stages ""
    CHECK(labels(s, ties) ==
          std::vector<std::string>{"A.A.  P1", "B.B.  P2", "C.C.  P3", "D.D.  P4"});
}

TEST_CASE("a row whose teacher has no load entry still appears, after the groups") {
    auto s = two_teachers();
    s.caseload.push_back(row("E.E.  P5", "t9", "Unknown", 0));
    auto lines = caseload_lines(s, CaseloadSort{}, true);
    REQUIRE(lines.size() == 7);
    CHECK(labels(s, lines).back() == "E.E.  P5");
}

TEST_CASE("an empty caseload gives no lines, a teacher with no rows no header") {
    core::Snapshot empty;
    CHECK(caseload_lines(empty, CaseloadSort{}, true).empty());
    auto s = two_teachers();
    s.teacher_loads.push_back({"t3", "Idle Tutor", 0, 0});
    CHECK(caseload_lines(s, CaseloadSort{}, true).size() == 6);
}

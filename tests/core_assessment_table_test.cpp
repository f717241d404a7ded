// The snapshot's packed assessments: every pupil's findings, stage and next step come
// back exactly as the rules engine produced them.
#include <catch2/catch.hpp>
#include <vector>

#include "core/assessment_table.hpp"

namespace {

core::PupilAssessment assessment(int i) {
    core::PupilAssessment a;
    a.stage = static_cast<core::Stage>(i % 11);
    if (i % 3 == 0) {
        a.findings.push_back({core::RuleId::paperwork_deadline, core::Status::overdue,
                              core::Date{20000 + i},
                              "paperwork for LIFT was due " + std::to_string(i)});
        a.findings.push_back(
            {core::RuleId::lift_group, core::Status::warning, std::nullopt, "group"});
    }
    a.next.description = i % 2 ? "Book a LIFT meeting" : "STLS visit by " + std::to_string(i % 7);
    if (i % 4 == 0) a.next.earliest = core::Date{20100 + i};
    if (i % 5 == 0) a.next.due = core::Date{20200 + i};
    return a;
}

void check_same(const core::PupilAssessment& a, const core::PupilAssessment& b) {
    CHECK(a.stage == b.stage);
    CHECK(a.worst() == b.worst());
    REQUIRE(a.findings.size() == b.findings.size());
    for (size_t f = 0; f < a.findings.size(); ++f) {
        CHECK(a.findings[f].rule == b.findings[f].rule);
        CHECK(a.findings[f].status == b.findings[f].status);
        CHECK(a.findings[f].due == b.findings[f].due);
        CHECK(a.findings[f].reason == b.findings[f].reason);
    }
    CHECK(a.next.description == b.next.description);
    CHECK(a.next.earliest == b.next.earliest);
    CHECK(a.next.due == b.next.due);
}

}  // namespace

TEST_CASE("each pupil's assessment comes back as it went in") {
    std::vector<core::PupilAssessment> all;
    for (int i = 0; i < 1000; ++i) all.push_back(assessment(i));
    const core::AssessmentTable table(all);
    REQUIRE(table.size() == all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        INFO("pupil " << i);
        check_same(table[i], all[i]);
        CHECK(table.findings(i).size() == all[i].findings.size());
        CHECK(table.worst(i) == all[i].worst());
        CHECK(table.stage(i) == all[i].stage);
        CHECK(table.next_text(i) == all[i].next.description);
    }
}

TEST_CASE("views of the next-step texts survive the table being moved") {
    core::AssessmentTable table;
    table.push_back(assessment(1));
    table.seal();
    const std::string_view text = table.next_text(0);
    core::AssessmentTable moved = std::move(table);
    CHECK(text == "Book a LIFT meeting");
    CHECK(moved.next_text(0).data() == text.data());
}

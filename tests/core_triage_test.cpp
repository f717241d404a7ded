// The triage list: which pupils are in it, the order (most severe first, then earliest
// due date), each row's pre-formatted text, the filter option lists, and filtering.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/snapshot.hpp"
#include "core/triage.hpp"
#include "support/rules_fixture.hpp"

using core::EventKind;
using core::RuleId;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

namespace {

constexpr const char* kToday = "2025-11-20";

// Six pupils of two schools, one of each severity and one with nothing to do.
struct World {
    World() {
        f.data.schools.push_back({"900002", "Birchwood Academy", "Maidstone", "A", "secondary"});
        f.data.staff.push_back(
            {"ST01", "Ash Teacher", core::Role::specialist_teacher, "Maidstone"});
        f.data.staff.push_back(
            {"ST02", "Birch Teacher", core::Role::specialist_teacher, "Maidstone"});
        // P00001 (the fixture's): overdue QFLA review, due 29 Oct.
        f.event(EventKind::qfla, "2025-10-01");
        // P00002: overdue QFLA review, due 7 Nov; on the caselist with ST02.
        f.pupil("P00002", "900002").event(EventKind::qfla, "2025-10-10", "P00002");
        f.data.events.push_back(
            {"P00002", EventKind::caselist_opened, day("2025-11-01"), "", "ST02"});
        // P00003: QFLA review due 29 Nov, inside the 14-day window.
        f.pupil("P00003", RulesFixture::school_urn).event(EventKind::qfla, "2025-11-01", "P00003");
        // P00004: EHCNA without LIFT: an undated warning.
        f.pupil("P00004", "900002").event(EventKind::ehcna_requested, "2025-11-01", "P00004");
        // P00005: booked into LIFT with neither consent nor Surgery: blocked.
        f.pupil("P00005", RulesFixture::school_urn)
            .lift("2025-12-04", std::nullopt, "Maidstone", "A", "P00005");
        // P00006: only a concern: nothing to do.
        f.pupil("P00006", RulesFixture::school_urn)
            .event(EventKind::concern_raised, "2025-11-01", "P00006");
        f.data.cases.push_back({"P00001", "ST01", 1});
        f.name("Fictional", "Person");
    }
    core::TriageList build() {
        f.data.index();
        core::RulesEngine engine(f.data, f.config);
        assessments = core::AssessmentTable(engine.assess_all(day(kToday)));
        return core::build_triage(f.data, assessments, f.config);
    }
    RulesFixture f;
    core::AssessmentTable assessments;  // the rows view its reasons: kept with the list
};

std::vector<std::string> refs(const core::TriageList& list, const std::vector<uint32_t>& indices) {
    std::vector<std::string> out;
    for (uint32_t i : indices) out.emplace_back(list.rows[i].pupil_ref);
    return out;
}

const core::TriageRow& row_of(const core::TriageList& list, const std::string& ref) {
    auto it = std::find_if(list.rows.begin(), list.rows.end(),
                           [&](const core::TriageRow& r) { return r.pupil_ref == ref; });
    REQUIRE(it != list.rows.end());
    return *it;
}

}  // namespace

TEST_CASE("rows are the pupils with findings, most severe first, then earliest due") {
    World w;
    auto list = w.build();
    std::vector<std::string> order;
    for (const auto& r : list.rows) order.emplace_back(r.pupil_ref);
    CHECK(order == std::vector<std::string>{"P00005", "P00001", "P00002", "P00003", "P00004"});
    CHECK(list.rows[0].worst == Status::blocked);
    CHECK(list.rows[1].worst == Status::overdue);
    CHECK(list.rows[3].worst == Status::due);
    CHECK(list.rows[4].worst == Status::warning);
    CHECK(list.by_status[static_cast<size_t>(Status::overdue)] == 2);
    CHECK(list.by_status[static_cast<size_t>(Status::blocked)] == 1);
    CHECK(list.referral_cap == 3);
}

TEST_CASE("rows of one status and due date follow the pupil ref") {
    World w;
    w.f.pupil("P00007", "900002").event(EventKind::qfla, "2025-10-01", "P00007");
    auto list = w.build();
    CHECK(list.rows[1].pupil_ref == "P00001");  // due 29 Oct, like P00007
    CHECK(list.rows[2].pupil_ref == "P00007");
    CHECK(list.rows[3].pupil_ref == "P00002");  // due 7 Nov
}

TEST_CASE("the order: status first, then dated before undated, earlier before later") {
    auto row = [](Status s, std::optional<core::Date> due, const char* ref) {
        core::TriageRow r;
        r.worst = s;
        r.due = due;
        r.pupil_ref = ref;
        return r;
    };
    using core::triage_before;
    CHECK(triage_before(row(Status::blocked, std::nullopt, "Z"),
                        row(Status::overdue, day("2025-01-01"), "A")));
    CHECK(triage_before(row(Status::warning, day("2025-12-01"), "Z"),
                        row(Status::warning, std::nullopt, "A")));
    CHECK(triage_before(row(Status::due, day("2025-11-21"), "Z"),
                        row(Status::due, day("2025-11-22"), "A")));
    CHECK_FALSE(
        triage_before(row(Status::due, std::nullopt, "B"), row(Status::due, std::nullopt, "A")));
}

TEST_CASE("each row is formatted once: label, school, teacher, priority, status, due, reason") {
    World w;
    auto list = w.build();
    const auto& first = row_of(list, "P00001");
    CHECK(first.pupil_label == "A.B.  P00001");
    CHECK(first.school == "Oakfield Primary");
    CHECK(first.teacher == "Ash Teacher");
    CHECK(first.teacher_id == "ST01");
    CHECK(first.priority == 1);
    CHECK(first.priority_text == "High");
    CHECK(first.status_word == "overdue");
    CHECK(core::rules_text(first) == "qfla-review");
    CHECK(first.due == day("2025-10-29"));
    CHECK(core::due_text(first) == "Wed 29 Oct");
    CHECK(first.reason.find("29 Oct 2025") != std::string::npos);

    const auto& caselist = row_of(list, "P00002");
    CHECK(caselist.teacher == "Birch Teacher");  // from the caselist opening
    CHECK(caselist.priority_text.empty());
    const auto& warning = row_of(list, "P00004");
    CHECK(warning.teacher == "Unassigned");
    CHECK(warning.teacher_id.empty());
    CHECK_FALSE(warning.due);
    CHECK(core::due_text(warning).empty());
    CHECK(warning.lead_rule == RuleId::ehcna_after_lift);
}

TEST_CASE("a row with several findings leads with the worst and counts the rest") {
    World w;
    auto list = w.build();
    const auto& blocked = row_of(list, "P00005");
    CHECK(blocked.worst == Status::blocked);
    CHECK(blocked.rules & (1u << static_cast<unsigned>(RuleId::consent_before_referral)));
    CHECK(blocked.rules & (1u << static_cast<unsigned>(RuleId::surgery_before_lift)));
    CHECK(blocked.rules & (1u << static_cast<unsigned>(RuleId::paperwork_deadline)));
    CHECK(core::rules_text(blocked).ends_with(" +2"));
    CHECK((blocked.lead_rule == RuleId::consent_before_referral ||
           blocked.lead_rule == RuleId::surgery_before_lift));
}

TEST_CASE("filter options list only what the rows hold, by name, Unassigned last") {
    World w;
    auto list = w.build();
    CHECK(list.rule_options == std::vector<RuleId>{RuleId::consent_before_referral,
                                                   RuleId::surgery_before_lift,
                                                   RuleId::paperwork_deadline, RuleId::qfla_review,
                                                   RuleId::ehcna_after_lift});
    REQUIRE(list.schools.size() == 2);
    CHECK(list.schools[0].label == "Birchwood Academy");
    CHECK(list.schools[0].rows == 2);
    CHECK(list.schools[1].id == RulesFixture::school_urn);
    REQUIRE(list.teachers.size() == 3);
    CHECK(list.teachers[0].label == "Ash Teacher");
    CHECK(list.teachers[1].label == "Birch Teacher");
    CHECK(list.teachers[2].label == "Unassigned");
    CHECK(list.teachers[2].id.empty());
    CHECK(list.teachers[2].rows == 3);
}

TEST_CASE("filtering by rule matches any finding of the row, not only the lead one") {
    World w;
    auto list = w.build();
    core::TriageFilter filter;
    CHECK(refs(list, core::filter_triage(list, filter)).size() == 5);
    filter.rule = RuleId::paperwork_deadline;
    CHECK(refs(list, core::filter_triage(list, filter)) == std::vector<std::string>{"P00005"});
    filter.rule = RuleId::qfla_review;
    CHECK(refs(list, core::filter_triage(list, filter)) ==
          std::vector<std::string>{"P00001", "P00002", "P00003"});
}

TEST_CASE("filtering by school and teacher, alone and together, keeps the list order") {
    World w;
    auto list = w.build();
    core::TriageFilter filter;
    filter.school_urn = "900002";
    CHECK(refs(list, core::filter_triage(list, filter)) ==
          std::vector<std::string>{"P00002", "P00004"});
    filter.teacher_id = "";  // unassigned
    CHECK(refs(list, core::filter_triage(list, filter)) == std::vector<std::string>{"P00004"});
    filter.school_urn.reset();
    CHECK(refs(list, core::filter_triage(list, filter)) ==
          std::vector<std::string>{"P00005", "P00003", "P00004"});
    filter.teacher_id = "ST01";
    filter.rule = RuleId::ehcna_after_lift;
    CHECK(core::filter_triage(list, filter).empty());
    CHECK(filter.any());
    CHECK_FALSE(core::TriageFilter{}.any());
}

TEST_CASE("cycling a filter walks all -> each value -> all, both ways") {
    using core::cycle_option;
    CHECK(cycle_option(std::nullopt, 3, +1) == std::optional<size_t>(0));
    CHECK(cycle_option(0, 3, +1) == std::optional<size_t>(1));
    CHECK(cycle_option(2, 3, +1) == std::nullopt);
    CHECK(cycle_option(std::nullopt, 3, -1) == std::optional<size_t>(2));
    CHECK(cycle_option(0, 3, -1) == std::nullopt);
    CHECK(cycle_option(std::nullopt, 0, +1) == std::nullopt);
    CHECK(cycle_option(7, 3, +1) == std::optional<size_t>(0));  // stale index: from "all"
}

TEST_CASE("the snapshot carries the triage list, built with the snapshot's rules") {
    World w;
    w.f.data.index();
    core::SnapshotOptions options;
    options.today = day(kToday);
    options.rules.referral_cap = 2;
    auto data = std::make_shared<core::Dataset>(std::move(w.f.data));
    auto snapshot = core::build_snapshot(data, options);
    CHECK(snapshot->triage.rows.size() == 5);
    CHECK(snapshot->triage.referral_cap == 2);
}

TEST_CASE("pupils with no finding and an empty dataset give an empty list") {
    RulesFixture f;
    f.event(EventKind::concern_raised, "2025-11-01");
    f.data.index();
    core::RulesEngine engine(f.data, f.config);
    const core::AssessmentTable assessments(engine.assess_all(day(kToday)));
    auto list = core::build_triage(f.data, assessments, f.config);
    CHECK(list.rows.empty());
    CHECK(list.rule_options.empty());
    CHECK(list.schools.empty());
    CHECK(core::priority_label(0).empty());
    CHECK(core::priority_label(3) == "Low");
}

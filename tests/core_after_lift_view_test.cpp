// The after-LIFT view-model: the HNF evidence checklist and the EHC clock the pupil card
// and caseload board show, and their agreement with the rules that judge the same facts.
#include <catch2/catch.hpp>

#include "core/after_lift_view.hpp"
#include "core/snapshot.hpp"
#include "support/rules_fixture.hpp"

using core::EventKind;
using core::Stage;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

namespace {

core::EventRange events_of(RulesFixture& f) {
    f.data.index();
    return f.data.events_of(size_t{0});
}

// Two complete plan-review cycles and SEN Support, LIFT on the given date.
RulesFixture& full_evidence(RulesFixture& f) {
    return f.event(EventKind::sen_support, "2024-01-10")
        .event(EventKind::provision_plan, "2024-02-01")
        .detailed(EventKind::impact_review, "2024-06-01", "no_impact")
        .event(EventKind::provision_plan, "2024-09-10")
        .detailed(EventKind::impact_review, "2025-01-20", "no_impact")
        .event(EventKind::lift_discussed, "2025-02-13");
}

}  // namespace

TEST_CASE("the HNF checklist shows each criterion met with its date") {
    RulesFixture f;
    full_evidence(f).event(EventKind::hnf_applied, "2025-03-03");
    auto list = core::hnf_checklist(events_of(f), Stage::hnf, day("2025-11-20"));
    REQUIRE(list);
    CHECK(list->heading == "For the HNF application of 3 Mar 2025");
    CHECK(list->applied);
    REQUIRE(list->criteria.size() == 4);
    CHECK(list->criteria[0].label == "SEN Support");
    CHECK(list->criteria[0].when == "10 Jan 2024");
    CHECK(list->criteria[1].label == "LIFT advice");
    CHECK(list->criteria[1].when == "13 Feb 2025");
    CHECK(list->criteria[2].when == "1 Jun 2024");
    CHECK(list->criteria[2].detail == "plan 1 Feb 2024, reviewed 1 Jun 2024");
    CHECK(list->criteria[3].detail == "plan 10 Sep 2024, reviewed 20 Jan 2025");
    CHECK(list->met == 4);
    CHECK(list->status == Status::ok);
    // The rule agrees: nothing to report.
    CHECK(f.status(core::RuleId::hnf_evidence, "2025-11-20") == Status::ok);
}

TEST_CASE("the HNF checklist marks what an application lacks, as hnf-evidence does") {
    RulesFixture f;
    f.event(EventKind::sen_support, "2024-01-10")
        .event(EventKind::provision_plan, "2024-02-01")
        .detailed(EventKind::impact_review, "2024-06-01", "no_impact")
        .event(EventKind::hnf_applied, "2025-03-03");
    auto list = core::hnf_checklist(events_of(f), Stage::hnf, day("2025-11-20"));
    REQUIRE(list);
    CHECK(list->met == 2);
    CHECK(list->status == Status::warning);
    CHECK(list->criteria[1].when == "missing");
    CHECK(list->criteria[1].status == Status::warning);
    CHECK(list->criteria[2].met);
    CHECK_FALSE(list->criteria[3].met);
    auto finding = f.finding(core::RuleId::hnf_evidence, "2025-11-20");
    REQUIRE(finding);
    CHECK(finding->reason ==
          "HNF applied on 3 Mar 2025 without: LIFT advice, a second plan\u2013review cycle");
}

TEST_CASE("the HNF checklist reads evidence so far before any application") {
    RulesFixture f;
    f.event(EventKind::sen_support, "2024-01-10").event(EventKind::provision_plan, "2024-02-01");
    auto list = core::hnf_checklist(events_of(f), Stage::sen_support, day("2025-11-20"));
    REQUIRE(list);
    CHECK(list->heading == "Evidence so far (no HNF application yet)");
    CHECK(list->met == 1);
    // Nothing is late without an application: missing criteria are not warnings.
    CHECK(list->status == Status::ok);
    CHECK(list->criteria[2].status == Status::ok);
    // Before SEN Support there is no checklist.
    CHECK_FALSE(core::hnf_checklist(events_of(f), Stage::monitoring, day("2025-11-20")));
}

TEST_CASE("an EHC plan before the application waives LIFT advice on the checklist") {
    RulesFixture f;
    f.event(EventKind::sen_support, "2024-01-10")
        .event(EventKind::ehcp_issued, "2024-05-01")
        .event(EventKind::hnf_applied, "2024-06-03");
    auto list = core::hnf_checklist(events_of(f), Stage::ehcp, day("2025-11-20"));
    REQUIRE(list);
    CHECK(list->criteria[1].met);
    CHECK(list->criteria[1].when == "not needed");
    CHECK(list->criteria[1].detail == "EHC plan issued 1 May 2024");
}

TEST_CASE("the EHC clock counts weeks from the request and colours each step") {
    RulesFixture f;
    f.event(EventKind::ehcna_requested, "2025-09-18");  // a Thursday
    core::RulesConfig config;
    // 2025-11-20 is 63 days on: the end of week 9.
    auto clock = core::open_ehc_clock(events_of(f), day("2025-11-20"), config.due_window_days);
    REQUIRE(clock);
    CHECK(clock->week == 9);
    CHECK(clock->headline == "Week 9 of 20");
    CHECK(clock->requested_text == "requested 18 Sep 2025");
    REQUIRE(clock->steps.size() == 2);
    CHECK(clock->steps[0].text == "due 30 Oct 2025 (week 6)");
    CHECK(clock->steps[0].status == Status::overdue);
    CHECK(clock->steps[1].text == "due 5 Feb 2026 (week 20)");
    CHECK(clock->steps[1].status == Status::ok);
    CHECK(clock->note == "or a decision not to issue by 8 Jan 2026 (week 16)");
    CHECK(clock->status == Status::overdue);
    // Same status as the rules give.
    CHECK(f.status(core::RuleId::ehcna_decision, "2025-11-20") == Status::overdue);
    CHECK(core::ehc_badge(clock->week) == "EHC wk 9/20");
}

TEST_CASE("the EHC clock: a late decision is a warning, week 20 passed is overdue") {
    RulesFixture f;
    f.event(EventKind::ehcna_requested, "2025-03-03")
        .detailed(EventKind::ehcna_decision, "2025-04-21", "assess")
        .event(EventKind::ehcp_draft, "2025-07-01");
    core::RulesConfig config;
    auto clock = core::open_ehc_clock(events_of(f), day("2025-07-22"), config.due_window_days);
    REQUIRE(clock);
    CHECK(clock->week == 21);
    CHECK(clock->steps[0].text == "decided 21 Apr 2025: to assess, after week 6");
    CHECK(clock->steps[0].status == Status::warning);
    CHECK(clock->steps[1].status == Status::overdue);
    CHECK(clock->note ==
          "draft plan sent 1 Jul 2025; or a decision not to issue by 23 Jun 2025 (week 16)");
    CHECK(f.status(core::RuleId::ehcp_20_weeks, "2025-07-22") == Status::overdue);
}

TEST_CASE("no EHC clock once the request is refused, answered by a plan, or declined") {
    core::RulesConfig config;
    for (auto [kind, detail] :
         {std::pair{EventKind::ehcna_decision, "not_assess"}, std::pair{EventKind::ehcp_issued, ""},
          std::pair{EventKind::ehcp_declined, ""}}) {
        RulesFixture f;
        f.event(EventKind::ehcna_requested, "2025-03-03").detailed(kind, "2025-06-01", detail);
        CHECK_FALSE(core::open_ehc_clock(events_of(f), day("2025-07-22"), config.due_window_days));
    }
    RulesFixture none;
    none.event(EventKind::sen_support, "2025-03-03");
    CHECK_FALSE(core::open_ehc_clock(events_of(none), day("2025-07-22"), config.due_window_days));
}

TEST_CASE("clock weeks: the request day and the next seven are week 1, day 42 ends week 6") {
    const core::Date r = day("2025-03-03");
    CHECK(core::clock_week(r, r) == 1);
    CHECK(core::clock_week(r, r + 7) == 1);
    CHECK(core::clock_week(r, r + 8) == 2);
    CHECK(core::clock_week(r, r + 42) == 6);
    CHECK(core::clock_week(r, r + 43) == 7);
    CHECK(core::clock_week(r, r + 140) == 20);
}

TEST_CASE("the caseload row of a caselist pupil with a request open carries the clock") {
    RulesFixture f;
    f.detailed(EventKind::caselist_opened, "2025-06-02", "Reading age up a year")
        .event(EventKind::visit, "2025-11-10")
        .event(EventKind::ehcna_requested, "2025-09-18");
    f.data.index();
    core::SnapshotOptions options;
    options.today = day("2025-11-20");
    auto snapshot =
        core::build_snapshot(std::make_shared<core::Dataset>(std::move(f.data)), options);
    REQUIRE(snapshot->caseload.size() == 1);
    CHECK(snapshot->caseload[0].ehc_week == 9);
    CHECK(snapshot->caseload[0].ehc_status == Status::overdue);  // no decision by week 6
}

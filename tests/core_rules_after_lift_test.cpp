// The after-LIFT rules (RULES.md, issue 11): recommendation-review, hnf-evidence,
// ehcna-decision, ehcp-20-weeks and annual-review, each on both sides of its boundary.
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using core::EventKind;
using core::RuleId;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

TEST_CASE("recommendation-review: due by the review date, overdue the day after") {
    RulesFixture f;
    f.detailed(EventKind::recommendation, "2025-03-13", "specialist_intervention", "2025-06-12",
               "school");
    CHECK(f.status(RuleId::recommendation_review, "2025-05-28") == Status::ok);
    auto due = f.finding(RuleId::recommendation_review, "2025-05-29");
    REQUIRE(due);
    CHECK(due->status == Status::due);
    CHECK(due->due == day("2025-06-12"));
    CHECK(due->reason ==
          "LIFT recommendation of 13 Mar 2025 (specialist intervention, owner: school) is due "
          "for an impact review by 12 Jun 2025");
    CHECK(f.status(RuleId::recommendation_review, "2025-06-12") == Status::due);
    auto overdue = f.finding(RuleId::recommendation_review, "2025-06-13");
    REQUIRE(overdue);
    CHECK(overdue->status == Status::overdue);
    CHECK(overdue->reason ==
          "LIFT recommendation of 13 Mar 2025 (specialist intervention, owner: school) needed "
          "an impact review by 12 Jun 2025; none recorded");
}

TEST_CASE("recommendation-review: a review on the recommendation's own date or later clears it") {
    RulesFixture same_day;
    same_day.detailed(EventKind::recommendation, "2025-03-13", "advice", "2025-06-12")
        .detailed(EventKind::impact_review, "2025-03-13", "impact");
    CHECK(same_day.status(RuleId::recommendation_review, "2025-07-01") == Status::ok);

    RulesFixture day_before;
    day_before.detailed(EventKind::recommendation, "2025-03-13", "advice", "2025-06-12")
        .detailed(EventKind::impact_review, "2025-03-12", "impact");
    CHECK(day_before.status(RuleId::recommendation_review, "2025-07-01") == Status::overdue);

    RulesFixture late;  // after the review date: still clears it
    late.detailed(EventKind::recommendation, "2025-03-13", "advice", "2025-06-12")
        .detailed(EventKind::impact_review, "2025-07-01", "no_impact");
    CHECK(late.status(RuleId::recommendation_review, "2025-07-02") == Status::ok);

    RulesFixture undated;  // no review_date: nothing to check
    undated.detailed(EventKind::recommendation, "2025-03-13", "advice");
    CHECK(undated.status(RuleId::recommendation_review, "2026-03-13") == Status::ok);

    RulesFixture plain;  // neither detail nor owner: the reason says just the date
    plain.detailed(EventKind::recommendation, "2025-03-13", "", "2025-03-13");
    CHECK(plain.finding(RuleId::recommendation_review, "2025-03-20")->reason ==
          "LIFT recommendation of 13 Mar 2025 needed an impact review by 13 Mar 2025; none "
          "recorded");
}

namespace {

// SEN Support and a LIFT discussion, and two complete plan-review cycles, before an HNF
// application on 3 Mar 2025, except what `leave_out` names.
RulesFixture hnf_case(std::string_view leave_out = "") {
    RulesFixture f;
    if (leave_out != "sen_support") f.event(EventKind::sen_support, "2024-01-10");
    if (leave_out != "lift") f.event(EventKind::lift_discussed, "2024-11-14");
    f.event(EventKind::provision_plan, "2024-02-01");
    if (leave_out != "first review") f.detailed(EventKind::impact_review, "2024-05-01", "impact");
    f.event(EventKind::provision_plan, "2024-06-01");
    if (leave_out != "second review" && leave_out != "first review")
        f.detailed(EventKind::impact_review, "2024-10-01", "no_impact");
    f.event(EventKind::hnf_applied, "2025-03-03");
    return f;
}

}  // namespace

TEST_CASE("hnf-evidence: SEN Support, LIFT advice and two cycles make a complete application") {
    auto complete = hnf_case();
    CHECK(complete.status(RuleId::hnf_evidence, "2025-03-10") == Status::ok);

    auto one_cycle = hnf_case("second review");
    auto f = one_cycle.finding(RuleId::hnf_evidence, "2025-03-10");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK_FALSE(f->due);
    CHECK(f->reason == "HNF applied on 3 Mar 2025 without: a second plan\u2013review cycle");

    auto no_cycle = hnf_case("first review");
    CHECK(no_cycle.finding(RuleId::hnf_evidence, "2025-03-10")->reason ==
          "HNF applied on 3 Mar 2025 without: two plan\u2013review cycles");

    RulesFixture nothing;
    nothing.event(EventKind::hnf_applied, "2025-03-03");
    CHECK(nothing.finding(RuleId::hnf_evidence, "2025-03-10")->reason ==
          "HNF applied on 3 Mar 2025 without: SEN Support, LIFT advice, two plan\u2013review "
          "cycles");
}

TEST_CASE("hnf-evidence: LIFT advice is needed unless an EHC plan came before the application") {
    auto no_lift = hnf_case("lift");
    CHECK(no_lift.finding(RuleId::hnf_evidence, "2025-03-10")->reason ==
          "HNF applied on 3 Mar 2025 without: LIFT advice");

    auto plan_before = hnf_case("lift");
    plan_before.event(EventKind::ehcp_issued, "2025-03-03");  // same day counts
    CHECK(plan_before.status(RuleId::hnf_evidence, "2025-03-10") == Status::ok);

    auto plan_after = hnf_case("lift");
    plan_after.event(EventKind::ehcp_issued, "2025-03-04");
    CHECK(plan_after.status(RuleId::hnf_evidence, "2025-03-10") == Status::warning);

    auto lift_after = hnf_case("lift");  // evidence after the application does not count
    lift_after.event(EventKind::lift_discussed, "2025-03-04");
    CHECK(lift_after.status(RuleId::hnf_evidence, "2025-03-10") == Status::warning);
}

TEST_CASE("hnf-evidence: a cycle's review comes after its plan and by the next plan") {
    RulesFixture f;
    f.event(EventKind::sen_support, "2024-01-10").event(EventKind::lift_discussed, "2024-11-14");
    // The first plan's review comes only after the second plan: one cycle, not two.
    f.event(EventKind::provision_plan, "2024-02-01")
        .event(EventKind::provision_plan, "2024-03-01")
        .detailed(EventKind::impact_review, "2024-05-01", "impact")
        .event(EventKind::hnf_applied, "2025-03-03");
    CHECK(f.finding(RuleId::hnf_evidence, "2025-03-10")->reason ==
          "HNF applied on 3 Mar 2025 without: a second plan\u2013review cycle");

    RulesFixture same_day;  // a review on its plan's own day does not complete it
    same_day.event(EventKind::sen_support, "2024-01-10")
        .event(EventKind::lift_discussed, "2024-11-14")
        .event(EventKind::provision_plan, "2024-02-01")
        .detailed(EventKind::impact_review, "2024-02-01", "impact")
        .event(EventKind::provision_plan, "2024-06-01")
        .event(EventKind::hnf_applied, "2025-03-03");
    CHECK(same_day.finding(RuleId::hnf_evidence, "2025-03-10")->reason ==
          "HNF applied on 3 Mar 2025 without: two plan\u2013review cycles");

    RulesFixture on_limits;  // a review on the next plan's day, one on the application's
    on_limits.event(EventKind::sen_support, "2024-01-10")
        .event(EventKind::lift_discussed, "2024-11-14")
        .event(EventKind::provision_plan, "2024-02-01")
        .event(EventKind::provision_plan, "2024-06-01")
        .detailed(EventKind::impact_review, "2024-06-01", "impact")
        .detailed(EventKind::impact_review, "2025-03-03", "impact")
        .event(EventKind::hnf_applied, "2025-03-03");
    CHECK(on_limits.status(RuleId::hnf_evidence, "2025-03-10") == Status::ok);
}

TEST_CASE("ehcna-decision: due by day 42, overdue on day 43, a decision on day 43 is late") {
    RulesFixture pending;
    pending.event(EventKind::lift_discussed, "2025-01-16")
        .event(EventKind::ehcna_requested, "2025-03-03");
    CHECK(pending.status(RuleId::ehcna_decision, "2025-03-30") == Status::ok);
    auto due = pending.finding(RuleId::ehcna_decision, "2025-04-14");  // day 42
    REQUIRE(due);
    CHECK(due->status == Status::due);
    CHECK(due->due == day("2025-04-14"));
    CHECK(due->reason ==
          "EHC needs assessment requested on 3 Mar 2025: the decision whether to "
          "assess is due by 14 Apr 2025 (week 6)");
    auto overdue = pending.finding(RuleId::ehcna_decision, "2025-04-15");  // day 43
    REQUIRE(overdue);
    CHECK(overdue->status == Status::overdue);
    CHECK(overdue->reason ==
          "EHC needs assessment requested on 3 Mar 2025: the decision whether "
          "to assess was due by 14 Apr 2025 (week 6); none recorded");

    RulesFixture day42;
    day42.event(EventKind::ehcna_requested, "2025-03-03")
        .detailed(EventKind::ehcna_decision, "2025-04-14", "assess");
    CHECK(day42.status(RuleId::ehcna_decision, "2025-05-01") == Status::ok);

    RulesFixture day43;
    day43.event(EventKind::ehcna_requested, "2025-03-03")
        .detailed(EventKind::ehcna_decision, "2025-04-15", "assess");
    auto late = day43.finding(RuleId::ehcna_decision, "2025-05-01");
    REQUIRE(late);
    CHECK(late->status == Status::warning);
    CHECK_FALSE(late->due);
    CHECK(late->reason ==
          "decision whether to assess made on 15 Apr 2025, after the 6-week "
          "deadline of 14 Apr 2025 (EHC needs assessment requested on 3 Mar 2025)");

    RulesFixture earlier;  // a decision before the request answers an earlier one, not this
    earlier.detailed(EventKind::ehcna_decision, "2025-03-02", "not_assess")
        .event(EventKind::ehcna_requested, "2025-03-03");
    CHECK(earlier.status(RuleId::ehcna_decision, "2025-04-15") == Status::overdue);
}

TEST_CASE("ehcp-20-weeks: a plan by day 140 and a decline by day 112 are in time") {
    auto assessed = [](const char* outcome_date, EventKind outcome) {
        RulesFixture f;
        f.event(EventKind::ehcna_requested, "2025-03-03")
            .detailed(EventKind::ehcna_decision, "2025-04-10", "assess")
            .event(outcome, outcome_date);
        return f.finding(RuleId::ehcp_20_weeks, "2025-09-01");
    };
    CHECK_FALSE(assessed("2025-07-21", EventKind::ehcp_issued));  // day 140
    auto late_plan = assessed("2025-07-22", EventKind::ehcp_issued);
    REQUIRE(late_plan);
    CHECK(late_plan->status == Status::warning);
    CHECK(late_plan->reason ==
          "EHC plan issued on 22 Jul 2025, after the 20-week deadline of "
          "21 Jul 2025 (EHC needs assessment requested on 3 Mar 2025)");

    CHECK_FALSE(assessed("2025-06-23", EventKind::ehcp_declined));  // day 112
    auto late_decline = assessed("2025-06-24", EventKind::ehcp_declined);
    REQUIRE(late_decline);
    CHECK(late_decline->status == Status::warning);
    CHECK(late_decline->reason ==
          "decision not to issue a plan made on 24 Jun 2025, after the 16-week deadline of "
          "23 Jun 2025 (EHC needs assessment requested on 3 Mar 2025)");
}

TEST_CASE("ehcp-20-weeks: the clock runs until a plan or a decline, unless not assessed") {
    RulesFixture waiting;  // assessing, nothing issued yet
    waiting.event(EventKind::ehcna_requested, "2025-03-03")
        .detailed(EventKind::ehcna_decision, "2025-04-10", "assess")
        .event(EventKind::ehcp_draft, "2025-06-20");
    CHECK(waiting.status(RuleId::ehcp_20_weeks, "2025-07-06") == Status::ok);
    auto due = waiting.finding(RuleId::ehcp_20_weeks, "2025-07-21");
    REQUIRE(due);
    CHECK(due->status == Status::due);
    CHECK(due->due == day("2025-07-21"));
    CHECK(due->reason ==
          "EHC needs assessment requested on 3 Mar 2025: the EHC plan is due by "
          "21 Jul 2025 (week 20)");
    auto overdue = waiting.finding(RuleId::ehcp_20_weeks, "2025-07-22");
    REQUIRE(overdue);
    CHECK(overdue->status == Status::overdue);
    CHECK(overdue->reason ==
          "EHC needs assessment requested on 3 Mar 2025: the EHC plan was due "
          "by 21 Jul 2025 (week 20); none issued");

    RulesFixture undecided;  // no decision yet: the 20 weeks run from the request too
    undecided.event(EventKind::ehcna_requested, "2025-03-03");
    CHECK(undecided.status(RuleId::ehcp_20_weeks, "2025-07-22") == Status::overdue);

    RulesFixture refused;
    refused.event(EventKind::ehcna_requested, "2025-03-03")
        .detailed(EventKind::ehcna_decision, "2025-04-10", "not_assess");
    CHECK(refused.status(RuleId::ehcp_20_weeks, "2025-09-01") == Status::ok);
    CHECK(refused.status(RuleId::ehcna_decision, "2025-09-01") == Status::ok);
}

TEST_CASE("annual-review: due a year to the day after the plan, overdue the day after") {
    RulesFixture f;
    f.event(EventKind::ehcp_issued, "2024-03-01");
    CHECK(f.status(RuleId::annual_review, "2025-02-14") == Status::ok);
    auto due = f.finding(RuleId::annual_review, "2025-03-01");
    REQUIRE(due);
    CHECK(due->status == Status::due);
    CHECK(due->due == day("2025-03-01"));
    CHECK(due->reason ==
          "annual review of the EHC plan is due by 1 Mar 2025, a year after the "
          "EHC plan issued on 1 Mar 2024");
    auto overdue = f.finding(RuleId::annual_review, "2025-03-02");
    REQUIRE(overdue);
    CHECK(overdue->status == Status::overdue);

    f.event(EventKind::annual_review, "2025-03-01");  // on the day: the next is a year on
    auto next = f.finding(RuleId::annual_review, "2026-02-20");
    REQUIRE(next);
    CHECK(next->due == day("2026-03-01"));
    CHECK(next->reason ==
          "annual review of the EHC plan is due by 1 Mar 2026, a year after the "
          "last annual review on 1 Mar 2025");
    CHECK(f.status(RuleId::annual_review, "2025-03-02") == Status::ok);
}

TEST_CASE("annual-review: a 29 February plan is due on 28 February, a ceased plan on nothing") {
    RulesFixture leap;
    leap.event(EventKind::ehcp_issued, "2024-02-29");
    CHECK(leap.finding(RuleId::annual_review, "2025-02-28")->status == Status::due);
    CHECK(leap.finding(RuleId::annual_review, "2025-02-28")->due == day("2025-02-28"));
    CHECK(leap.status(RuleId::annual_review, "2025-03-01") == Status::overdue);

    RulesFixture ceased;
    ceased.event(EventKind::ehcp_issued, "2024-03-01").event(EventKind::ehcp_ceased, "2024-03-01");
    CHECK(ceased.status(RuleId::annual_review, "2025-06-01") == Status::ok);

    RulesFixture reissued;  // a later plan starts the year again
    reissued.event(EventKind::ehcp_issued, "2023-03-01")
        .event(EventKind::ehcp_ceased, "2023-09-01")
        .event(EventKind::ehcp_issued, "2024-06-01");
    CHECK(reissued.finding(RuleId::annual_review, "2025-06-01")->due == day("2025-06-01"));
}

TEST_CASE("after-LIFT rules appear in the merged findings under their ids") {
    RulesFixture f;
    f.event(EventKind::ehcna_requested, "2025-03-03");
    bool found = false;
    for (const auto& finding : f.assess("2025-04-15").findings)
        if (finding.rule == RuleId::ehcna_decision) found = true;
    CHECK(found);
    CHECK(core::to_string(RuleId::recommendation_review) == "recommendation-review");
    CHECK(core::to_string(RuleId::hnf_evidence) == "hnf-evidence");
    CHECK(core::to_string(RuleId::ehcna_decision) == "ehcna-decision");
    CHECK(core::to_string(RuleId::ehcp_20_weeks) == "ehcp-20-weeks");
    CHECK(core::to_string(RuleId::annual_review) == "annual-review");
    CHECK(core::parse_rule_id("ehcp-20-weeks") == RuleId::ehcp_20_weeks);

    f.config.after_lift_rules = false;  // the bench's "rules before issue 11"
    CHECK(f.status(RuleId::ehcna_decision, "2025-04-15") == Status::ok);
}

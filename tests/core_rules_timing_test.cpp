// Rules with a due date: qfla-review (day 28 / 29, the 14-day window), impact-review
// (two terms, closure, calendar running out) and caselist-visit (N weeks, configurable).
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using core::EventKind;
using core::RuleId;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

TEST_CASE("qfla-review: due on day 28 after the QFLA, overdue on day 29") {
    RulesFixture fixture;
    fixture.event(EventKind::qfla, "2025-03-03");  // review due 31 Mar 2025
    auto day28 = fixture.finding(RuleId::qfla_review, "2025-03-31");
    REQUIRE(day28);
    CHECK(day28->status == Status::due);
    CHECK(day28->due == day("2025-03-31"));
    CHECK(day28->reason == "QFLA on 3 Mar 2025 needs a progress review by 31 Mar 2025");

    auto day29 = fixture.finding(RuleId::qfla_review, "2025-04-01");
    REQUIRE(day29);
    CHECK(day29->status == Status::overdue);
    CHECK(day29->reason ==
          "QFLA on 3 Mar 2025 needed a progress review by 31 Mar 2025; none recorded");
}

TEST_CASE("qfla-review: due from 14 days before the due date, ok at 15") {
    RulesFixture fixture;
    fixture.event(EventKind::qfla, "2025-03-03");
    CHECK(fixture.status(RuleId::qfla_review, "2025-03-17") == Status::due);
    CHECK(fixture.status(RuleId::qfla_review, "2025-03-16") == Status::ok);
}

TEST_CASE("qfla-review: a review on or after the QFLA clears it, even a late one") {
    RulesFixture late;
    late.event(EventKind::qfla, "2025-03-03").event(EventKind::qfla_review, "2025-04-20");
    CHECK(late.status(RuleId::qfla_review, "2025-05-01") == Status::ok);

    RulesFixture same_day;
    same_day.event(EventKind::qfla, "2025-03-03").event(EventKind::qfla_review, "2025-03-03");
    CHECK(same_day.status(RuleId::qfla_review, "2025-05-01") == Status::ok);

    RulesFixture before;  // a review before the QFLA is of an earlier one
    before.event(EventKind::qfla_review, "2025-03-02").event(EventKind::qfla, "2025-03-03");
    CHECK(before.status(RuleId::qfla_review, "2025-05-01") == Status::overdue);
}

TEST_CASE("qfla-review: several unreviewed QFLAs merge to the earliest due date") {
    RulesFixture fixture;
    fixture.event(EventKind::qfla, "2025-01-06")
        .event(EventKind::qfla_review, "2025-01-20")
        .event(EventKind::qfla, "2025-02-03")
        .event(EventKind::qfla, "2025-03-10");
    auto f = fixture.finding(RuleId::qfla_review, "2025-03-25");
    REQUIRE(f);
    CHECK(f->status == Status::overdue);
    CHECK(f->due == day("2025-03-03"));
    CHECK(f->reason == "QFLA on 3 Feb 2025 needed a progress review by 3 Mar 2025; none recorded");
    auto all = fixture.all("2025-03-25");
    REQUIRE(all.size() == 2);
    CHECK(all[1].status == Status::due);
    CHECK(all[1].due == day("2025-04-07"));
}

TEST_CASE("impact-review: due two terms after the plan, overdue the day after") {
    RulesFixture fixture;
    fixture.event(EventKind::provision_plan, "2024-10-03");  // two terms: 22 May 2025
    CHECK(fixture.status(RuleId::impact_review, "2025-05-07") == Status::ok);
    CHECK(fixture.status(RuleId::impact_review, "2025-05-08") == Status::due);
    auto on_day = fixture.finding(RuleId::impact_review, "2025-05-22");
    REQUIRE(on_day);
    CHECK(on_day->status == Status::due);
    CHECK(on_day->due == day("2025-05-22"));
    auto after = fixture.finding(RuleId::impact_review, "2025-05-23");
    REQUIRE(after);
    CHECK(after->status == Status::overdue);
    CHECK(after->reason ==
          "impact of the provision plan was due for review by 22 May 2025, two terms after the "
          "provision plan of 3 Oct 2024; none recorded since");
}

TEST_CASE("impact-review: measured from the latest review, and only while the case is open") {
    RulesFixture reviewed;
    reviewed.event(EventKind::provision_plan, "2024-10-03")
        .event(EventKind::impact_review, "2025-05-01");
    auto f = reviewed.finding(RuleId::impact_review, "2026-01-01");
    REQUIRE(f);
    CHECK(f->due == day("2026-01-14"));
    CHECK(f->status == Status::due);

    RulesFixture closed;
    closed.event(EventKind::provision_plan, "2024-10-03")
        .event(EventKind::case_closed, "2025-02-01");
    CHECK(closed.status(RuleId::impact_review, "2025-06-01") == Status::ok);

    RulesFixture reopened;  // a new plan after the closure is active again
    reopened.event(EventKind::provision_plan, "2024-10-03")
        .event(EventKind::case_closed, "2025-02-01")
        .event(EventKind::provision_plan, "2025-02-03");
    CHECK(reopened.status(RuleId::impact_review, "2025-10-01") == Status::due);
    CHECK(reopened.status(RuleId::impact_review, "2025-10-02") == Status::overdue);
}

TEST_CASE("impact-review: where the calendar runs out it is a warning, never a guess") {
    RulesFixture fixture;
    fixture.event(EventKind::provision_plan, "2026-02-02");
    auto f = fixture.finding(RuleId::impact_review, "2026-03-01");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK_FALSE(f->due);
    CHECK(f->reason ==
          "term calendar does not cover two terms after 2 Feb 2026, so the next impact "
          "review of the provision plan cannot be checked");
}

TEST_CASE("caselist-visit: due six weeks after joining, overdue the day after") {
    RulesFixture fixture;
    fixture.event(EventKind::caselist_opened, "2025-01-06");  // due 17 Feb 2025
    auto on_day = fixture.finding(RuleId::caselist_visit, "2025-02-17");
    REQUIRE(on_day);
    CHECK(on_day->status == Status::due);
    CHECK(on_day->reason ==
          "the next STLS visit is due by 17 Feb 2025 (6 weeks after joining the caselist on 6 Jan "
          "2025)");
    auto after = fixture.finding(RuleId::caselist_visit, "2025-02-18");
    REQUIRE(after);
    CHECK(after->status == Status::overdue);
    CHECK(after->reason ==
          "an STLS visit was due by 17 Feb 2025 (6 weeks after joining the caselist "
          "on 6 Jan 2025); none recorded since");
    CHECK(fixture.status(RuleId::caselist_visit, "2025-02-03") == Status::due);  // 14 days
    CHECK(fixture.status(RuleId::caselist_visit, "2025-02-02") == Status::ok);   // 15 days
}

TEST_CASE("caselist-visit: each visit restarts the interval, visits before joining do not") {
    RulesFixture fixture;
    fixture.event(EventKind::visit, "2025-01-02")
        .event(EventKind::caselist_opened, "2025-01-06")
        .event(EventKind::visit, "2025-02-10");
    auto f = fixture.finding(RuleId::caselist_visit, "2025-03-25");
    REQUIRE(f);
    CHECK(f->due == day("2025-03-24"));
    CHECK(f->reason ==
          "an STLS visit was due by 24 Mar 2025 (6 weeks after the visit on 10 Feb "
          "2025); none recorded since");

    fixture.config.visit_interval_weeks = 4;
    CHECK(fixture.finding(RuleId::caselist_visit, "2025-03-25")->due == day("2025-03-10"));
}

TEST_CASE("caselist-visit: closed cases are not chased, a reopened case is") {
    RulesFixture closed;
    closed.event(EventKind::caselist_opened, "2025-01-06")
        .event(EventKind::case_closed, "2025-01-06");
    CHECK(closed.status(RuleId::caselist_visit, "2025-06-01") == Status::ok);

    RulesFixture reopened;
    reopened.event(EventKind::caselist_opened, "2024-09-09")
        .event(EventKind::case_closed, "2024-12-01")
        .event(EventKind::caselist_opened, "2025-01-06");
    CHECK(reopened.finding(RuleId::caselist_visit, "2025-06-01")->due == day("2025-02-17"));
}

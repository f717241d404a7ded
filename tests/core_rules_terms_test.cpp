// The "two terms" warnings: monitor-two-terms and surgery-two-terms, on both sides of the
// two-term date, from a holiday date, from the most recent start, and past the calendar.
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using core::EventKind;
using core::RuleId;
using core::Status;
using test_support::RulesFixture;

TEST_CASE("monitor-two-terms: SEN Support the day before two terms is a warning, on the day not") {
    RulesFixture early;
    early.event(EventKind::monitoring_start, "2024-10-03")
        .event(EventKind::sen_support, "2025-05-21");
    auto f = early.finding(RuleId::monitor_two_terms, "2025-06-01");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK_FALSE(f->due);
    CHECK(f->reason ==
          "SEN Support on 21 May 2025 came before two terms of monitoring from 3 Oct "
          "2024 (which run to 22 May 2025)");

    RulesFixture on_time;
    on_time.event(EventKind::monitoring_start, "2024-10-03")
        .event(EventKind::sen_support, "2025-05-22");
    CHECK(on_time.status(RuleId::monitor_two_terms, "2025-06-01") == Status::ok);
}

TEST_CASE("monitor-two-terms: a start in a holiday counts from the next term's first day") {
    RulesFixture early;  // Christmas holiday -> spring 2025 day 0 -> autumn 2025 day 0
    early.event(EventKind::monitoring_start, "2024-12-23")
        .event(EventKind::sen_support, "2025-09-02");
    CHECK(early.status(RuleId::monitor_two_terms, "2025-10-01") == Status::warning);

    RulesFixture on_time;
    on_time.event(EventKind::monitoring_start, "2024-12-23")
        .event(EventKind::sen_support, "2025-09-03");
    CHECK(on_time.status(RuleId::monitor_two_terms, "2025-10-01") == Status::ok);
}

TEST_CASE("monitor-two-terms: measured from the most recent start on or before SEN Support") {
    RulesFixture fixture;
    fixture.event(EventKind::monitoring_start, "2024-01-10")
        .event(EventKind::monitoring_start, "2025-01-10")
        .event(EventKind::sen_support, "2025-03-01")
        .event(EventKind::monitoring_start, "2025-03-02");
    CHECK(fixture.status(RuleId::monitor_two_terms, "2025-04-01") == Status::warning);

    RulesFixture none;
    none.event(EventKind::sen_support, "2025-03-01");
    CHECK(none.status(RuleId::monitor_two_terms, "2025-04-01") == Status::ok);
}

TEST_CASE("monitor-two-terms: a calendar that runs out gives a warning saying so") {
    RulesFixture fixture;
    fixture.event(EventKind::monitoring_start, "2026-01-12")
        .event(EventKind::sen_support, "2026-03-02");
    auto f = fixture.finding(RuleId::monitor_two_terms, "2026-03-10");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK(f->reason ==
          "term calendar does not cover two terms after 12 Jan 2026, so SEN Support on 2 "
          "Mar 2026 against monitoring cannot be checked");
}

TEST_CASE("surgery-two-terms: LIFT paperwork before two terms of Surgery advice is a warning") {
    RulesFixture early;
    early.event(EventKind::consent_given, "2024-09-10")
        .event(EventKind::surgery, "2024-10-03")
        .event(EventKind::lift_paperwork, "2025-05-21");
    auto f = early.finding(RuleId::surgery_two_terms, "2025-06-01");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK(f->reason ==
          "LIFT paperwork on 21 May 2025 came before two terms of Surgery advice from 3 "
          "Oct 2024 (which run to 22 May 2025)");

    RulesFixture on_time;
    on_time.event(EventKind::surgery, "2024-10-03").event(EventKind::lift_paperwork, "2025-05-22");
    CHECK(on_time.status(RuleId::surgery_two_terms, "2025-06-01") == Status::ok);
}

TEST_CASE("surgery-two-terms: from the most recent surgery, none means no finding") {
    RulesFixture fixture;
    fixture.event(EventKind::surgery, "2024-01-10")
        .event(EventKind::surgery, "2025-01-10")
        .event(EventKind::lift_paperwork, "2025-03-01");
    CHECK(fixture.status(RuleId::surgery_two_terms, "2025-04-01") == Status::warning);

    RulesFixture none;
    none.event(EventKind::lift_paperwork, "2025-03-01");
    CHECK(none.status(RuleId::surgery_two_terms, "2025-04-01") == Status::ok);
}

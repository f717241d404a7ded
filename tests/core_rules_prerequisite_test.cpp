// Prerequisite rules: consent-before-referral, surgery-before-lift, ehcna-after-lift.
// Each on both sides of its boundary ("on or before" vs "before").
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using core::EventKind;
using core::RuleId;
using core::Status;
using test_support::RulesFixture;

TEST_CASE("consent-before-referral: consent on the meeting day is in time, the day after is not") {
    RulesFixture on_day;
    on_day.event(EventKind::consent_given, "2025-03-13").lift("2025-03-13");
    CHECK(on_day.status(RuleId::consent_before_referral, "2025-03-20") == Status::ok);

    RulesFixture late;
    late.event(EventKind::consent_given, "2025-03-14").lift("2025-03-13");
    auto f = late.finding(RuleId::consent_before_referral, "2025-03-20");
    REQUIRE(f);
    CHECK(f->status == Status::blocked);
    CHECK_FALSE(f->due);
    CHECK(f->reason ==
          "LIFT on 13 Mar 2025 is booked without parental consent on or before that date "
          "(consent is recorded on 14 Mar 2025)");
}

TEST_CASE("consent-before-referral: a future booking with no consent is already blocked") {
    RulesFixture fixture;
    fixture.lift("2025-06-12");
    CHECK(fixture.status(RuleId::consent_before_referral, "2025-03-01") == Status::blocked);
}

TEST_CASE("consent-before-referral: LIFT paperwork needs consent on or before its date") {
    RulesFixture same_day;
    same_day.event(EventKind::consent_given, "2025-03-01")
        .event(EventKind::lift_paperwork, "2025-03-01");
    CHECK(same_day.status(RuleId::consent_before_referral, "2025-03-20") == Status::ok);

    RulesFixture without;
    without.event(EventKind::lift_paperwork, "2025-03-01")
        .event(EventKind::consent_given, "2025-03-02");
    auto f = without.finding(RuleId::consent_before_referral, "2025-03-20");
    REQUIRE(f);
    CHECK(f->status == Status::blocked);
    CHECK(f->reason ==
          "LIFT paperwork received on 1 Mar 2025 without parental consent on or before that date");
}

TEST_CASE("surgery-before-lift: a surgery the day before passes, on the same day it does not") {
    RulesFixture before;
    before.event(EventKind::surgery, "2025-03-12").lift("2025-03-13");
    CHECK(before.status(RuleId::surgery_before_lift, "2025-03-20") == Status::ok);

    RulesFixture same_day;
    same_day.event(EventKind::surgery, "2025-03-13").lift("2025-03-13");
    auto f = same_day.finding(RuleId::surgery_before_lift, "2025-03-20");
    REQUIRE(f);
    CHECK(f->status == Status::blocked);
    CHECK(f->reason == "LIFT on 13 Mar 2025 is booked without an earlier STLS Surgery discussion");
}

TEST_CASE("surgery-before-lift: a Surgery booking counts once its date is not after today") {
    RulesFixture fixture;
    fixture.surgery_booking("2025-03-01").lift("2025-03-13");
    CHECK(fixture.status(RuleId::surgery_before_lift, "2025-03-01") == Status::ok);
    CHECK(fixture.status(RuleId::surgery_before_lift, "2025-02-28") == Status::blocked);

    RulesFixture on_meeting_day;
    on_meeting_day.surgery_booking("2025-03-13").lift("2025-03-13");
    CHECK(on_meeting_day.status(RuleId::surgery_before_lift, "2025-03-20") == Status::blocked);
}

TEST_CASE("surgery-before-lift: a LIFT discussion needs an earlier surgery too") {
    RulesFixture fixture;
    fixture.event(EventKind::lift_discussed, "2025-03-13").event(EventKind::surgery, "2025-03-20");
    auto f = fixture.finding(RuleId::surgery_before_lift, "2025-03-25");
    REQUIRE(f);
    CHECK(f->status == Status::blocked);
    CHECK(f->reason ==
          "discussed at LIFT on 13 Mar 2025 without an earlier STLS Surgery discussion");

    RulesFixture ok;
    ok.event(EventKind::surgery, "2024-11-01").event(EventKind::lift_discussed, "2025-03-13");
    CHECK(ok.status(RuleId::surgery_before_lift, "2025-03-25") == Status::ok);
}

TEST_CASE("ehcna-after-lift: a LIFT discussion on the same day is enough, none is a warning") {
    RulesFixture same_day;
    same_day.event(EventKind::lift_discussed, "2025-03-13")
        .event(EventKind::ehcna_requested, "2025-03-13");
    CHECK(same_day.status(RuleId::ehcna_after_lift, "2025-04-01") == Status::ok);

    RulesFixture day_before;
    day_before.event(EventKind::ehcna_requested, "2025-03-12")
        .event(EventKind::lift_discussed, "2025-03-13");
    auto f = day_before.finding(RuleId::ehcna_after_lift, "2025-04-01");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK(f->reason ==
          "EHCNA requested on 12 Mar 2025 without a LIFT discussion on or before that date");

    RulesFixture sodlis;
    sodlis.event(EventKind::sodlis_issued, "2025-02-03");
    auto s = sodlis.finding(RuleId::ehcna_after_lift, "2025-04-01");
    REQUIRE(s);
    CHECK(s->reason ==
          "SODLIS issued on 3 Feb 2025 without a LIFT discussion on or before that date");
}

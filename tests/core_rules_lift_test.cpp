// LIFT booking rules: paperwork-deadline (deadline day, due window, schedule deadlines,
// paperwork from events), lift-group (district, per-term group, holiday) and
// referral-cap (N and N + 1 bookings of one school at one meeting).
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using core::EventKind;
using core::RuleId;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

TEST_CASE("paperwork-deadline: due on the deadline day, overdue the day after") {
    RulesFixture fixture;
    fixture.prerequisites().lift("2025-03-13");  // default deadline: 6 Mar 2025
    auto on_day = fixture.finding(RuleId::paperwork_deadline, "2025-03-06");
    REQUIRE(on_day);
    CHECK(on_day->status == Status::due);
    CHECK(on_day->due == day("2025-03-06"));
    CHECK(on_day->reason ==
          "paperwork for LIFT on 13 Mar 2025 is due by 6 Mar 2025 and has not arrived");

    auto after = fixture.finding(RuleId::paperwork_deadline, "2025-03-07");
    REQUIRE(after);
    CHECK(after->status == Status::overdue);
    CHECK(after->due == day("2025-03-06"));
    CHECK(after->reason ==
          "paperwork for LIFT on 13 Mar 2025 was due by 6 Mar 2025 and has not arrived");
}

TEST_CASE("paperwork-deadline: due from the 14th day before the deadline, not the 15th") {
    RulesFixture fixture;
    fixture.prerequisites().lift("2025-03-13");
    CHECK(fixture.status(RuleId::paperwork_deadline, "2025-02-20") == Status::due);  // 14 days
    CHECK(fixture.status(RuleId::paperwork_deadline, "2025-02-19") == Status::ok);   // 15 days
}

TEST_CASE("paperwork-deadline: arriving on the deadline is fine, a day late is a warning") {
    RulesFixture on_time;
    on_time.prerequisites().lift("2025-03-13", "2025-03-06");
    CHECK(on_time.status(RuleId::paperwork_deadline, "2025-03-20") == Status::ok);

    RulesFixture late;
    late.prerequisites().lift("2025-03-13", "2025-03-07");
    auto f = late.finding(RuleId::paperwork_deadline, "2025-03-20");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK_FALSE(f->due);
    CHECK(f->reason ==
          "paperwork for LIFT on 13 Mar 2025 arrived on 7 Mar 2025, after its deadline of 6 Mar "
          "2025");
}

TEST_CASE("paperwork-deadline: the schedule's deadline replaces meeting - 7 days") {
    RulesFixture fixture;
    fixture.prerequisites().meeting("2025-03-13", "2025-03-03").lift("2025-03-13", "2025-03-05");
    CHECK(fixture.status(RuleId::paperwork_deadline, "2025-03-20") == Status::warning);

    RulesFixture missing;
    missing.prerequisites().meeting("2025-03-13", "2025-03-03").lift("2025-03-13");
    CHECK(missing.status(RuleId::paperwork_deadline, "2025-03-04") == Status::overdue);
    CHECK(missing.status(RuleId::paperwork_deadline, "2025-03-03") == Status::due);

    // Another group's schedule row on that date does not apply to this booking.
    RulesFixture other_group;
    other_group.prerequisites().meeting("2025-03-13", "2025-03-03", "B").lift("2025-03-13");
    CHECK(other_group.status(RuleId::paperwork_deadline, "2025-03-04") == Status::due);
}

TEST_CASE("paperwork-deadline: a lift_paperwork event within 56 days of the meeting counts") {
    RulesFixture in_window;  // meeting - 55: the 56th day counting the meeting day
    in_window.prerequisites().event(EventKind::lift_paperwork, "2025-01-17").lift("2025-03-13");
    CHECK(in_window.status(RuleId::paperwork_deadline, "2025-03-20") == Status::ok);

    RulesFixture too_early;  // meeting - 56
    too_early.prerequisites().event(EventKind::lift_paperwork, "2025-01-16").lift("2025-03-13");
    CHECK(too_early.status(RuleId::paperwork_deadline, "2025-03-20") == Status::overdue);

    RulesFixture late;
    late.prerequisites().event(EventKind::lift_paperwork, "2025-03-10").lift("2025-03-13");
    CHECK(late.status(RuleId::paperwork_deadline, "2025-03-20") == Status::warning);
}

TEST_CASE("lift-group: a booking at another group's or district's meeting is a warning") {
    RulesFixture own;
    own.prerequisites().lift("2025-03-13", "2025-03-01", "Maidstone", "a");  // any case
    CHECK(own.status(RuleId::lift_group, "2025-03-20") == Status::ok);

    RulesFixture group;
    group.prerequisites().lift("2025-03-13", "2025-03-01", "Maidstone", "B");
    auto f = group.finding(RuleId::lift_group, "2025-03-20");
    REQUIRE(f);
    CHECK(f->status == Status::warning);
    CHECK(f->reason ==
          "LIFT on 13 Mar 2025 is for group B; the school's group for spring 2024/25 is A");

    RulesFixture district;
    district.prerequisites().lift("2025-03-13", "2025-03-01", "Swale", "A");
    auto d = district.finding(RuleId::lift_group, "2025-03-20");
    REQUIRE(d);
    CHECK(d->reason == "LIFT on 13 Mar 2025 is a meeting in Swale; the school is in Maidstone");

    RulesFixture unnamed;  // no district or group given: taken as the school's own
    unnamed.prerequisites().lift("2025-03-13", "2025-03-01", "", "");
    CHECK(unnamed.status(RuleId::lift_group, "2025-03-20") == Status::ok);
}

TEST_CASE("lift-group: the school's group for the term of the meeting wins over its default") {
    RulesFixture fixture;
    fixture.data.lift_groups.push_back(
        {RulesFixture::school_urn, "2024/25", core::TermName::spring, "B"});
    fixture.prerequisites()
        .lift("2025-02-13", "2025-02-01", "Maidstone", "B")   // spring: group B is right
        .lift("2025-03-13", "2025-03-01", "Maidstone", "A")   // spring: A is wrong
        .lift("2025-05-15", "2025-05-01", "Maidstone", "A");  // summer: back to the default A
    auto all = fixture.all("2025-06-01");
    std::vector<std::string> reasons;
    for (auto& f : all)
        if (f.rule == RuleId::lift_group) reasons.push_back(f.reason);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0] ==
          "LIFT on 13 Mar 2025 is for group A; the school's group for spring 2024/25 is B");
}

TEST_CASE("lift-group: a meeting in a holiday uses schools.lift_group") {
    RulesFixture fixture;
    fixture.data.lift_groups.push_back(
        {RulesFixture::school_urn, "2024/25", core::TermName::spring, "B"});
    fixture.data.lift_groups.push_back(
        {RulesFixture::school_urn, "2024/25", core::TermName::summer, "B"});
    fixture.prerequisites().lift("2025-04-10", "2025-04-01", "Maidstone", "A");  // Easter
    CHECK(fixture.status(RuleId::lift_group, "2025-04-20") == Status::ok);

    RulesFixture wrong;
    wrong.prerequisites().lift("2025-04-10", "2025-04-01", "Maidstone", "C");
    auto f = wrong.finding(RuleId::lift_group, "2025-04-20");
    REQUIRE(f);
    CHECK(f->reason == "LIFT on 10 Apr 2025 is for group C; the school's group is A");
}

namespace {

// `count` pupils of the fixture's school booked at the Maidstone group A meeting.
void book_pupils(RulesFixture& fixture, int count, const char* group = "A") {
    for (int i = 2; i <= count + 1; ++i) {
        std::string ref = "P0000" + std::to_string(i);
        fixture.pupil(ref, RulesFixture::school_urn);
        fixture.lift("2025-03-13", "2025-03-01", "Maidstone", group, ref);
    }
}

}  // namespace

TEST_CASE("referral-cap: three bookings of one school at a meeting pass, four are flagged") {
    RulesFixture three;
    book_pupils(three, 3);
    CHECK(three.status(RuleId::referral_cap, "2025-03-20", "P00002") == Status::ok);

    RulesFixture four;
    book_pupils(four, 4);
    for (const char* ref : {"P00002", "P00005"}) {
        auto f = four.finding(RuleId::referral_cap, "2025-03-20", ref);
        REQUIRE(f);
        CHECK(f->status == Status::warning);
        CHECK(f->reason ==
              "the school has 4 pupils booked for LIFT on 13 Mar 2025; the limit is 3 per meeting");
    }
}

TEST_CASE("referral-cap: counts one meeting of one school only, and N is configurable") {
    RulesFixture fixture;
    book_pupils(fixture, 3);
    // A fourth pupil of the same school at another group's meeting that day...
    fixture.pupil("P00009", RulesFixture::school_urn)
        .lift("2025-03-13", "2025-03-01", "Maidstone", "B", "P00009");
    // ...and a pupil of another school at the same meeting.
    fixture.data.schools.push_back({"900002", "Elm Academy", "Maidstone", "A", "secondary"});
    fixture.pupil("P00010", "900002").lift("2025-03-13", "2025-03-01", "Maidstone", "A", "P00010");
    CHECK(fixture.status(RuleId::referral_cap, "2025-03-20", "P00002") == Status::ok);

    fixture.config.referral_cap = 2;
    CHECK(fixture.status(RuleId::referral_cap, "2025-03-20", "P00002") == Status::warning);
    CHECK(fixture.status(RuleId::referral_cap, "2025-03-20", "P00009") == Status::ok);
}

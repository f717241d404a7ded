// The pupil's stage (furthest step reached and not closed) and the next step with the
// dates the rules allow, at every stage of the pathway.
#include <catch2/catch.hpp>

#include "core/stage.hpp"
#include "support/rules_fixture.hpp"

using core::EventKind;
using core::Stage;
using test_support::day;
using test_support::RulesFixture;

namespace {

Stage stage_after(std::initializer_list<EventKind> kinds, const char* today = "2025-06-01") {
    RulesFixture fixture;
    core::Date d = day("2024-09-10");
    for (EventKind k : kinds) {
        fixture.data.events.push_back({RulesFixture::pupil_ref, k, d, "", ""});
        d = d + 7;
    }
    return fixture.assess(today).stage;
}

}  // namespace

TEST_CASE("stage is the furthest step reached") {
    CHECK(stage_after({}) == Stage::none);
    CHECK(stage_after({EventKind::consent_given}) == Stage::none);
    CHECK(stage_after({EventKind::concern_raised}) == Stage::concern);
    CHECK(stage_after({EventKind::concern_raised, EventKind::qfla}) == Stage::qfla);
    CHECK(stage_after({EventKind::qfla, EventKind::qfla_review, EventKind::monitoring_start}) ==
          Stage::monitoring);
    CHECK(stage_after({EventKind::monitoring_start, EventKind::sen_support,
                       EventKind::provision_plan}) == Stage::sen_support);
    CHECK(stage_after({EventKind::provision_plan, EventKind::surgery}) == Stage::surgery);
    CHECK(stage_after({EventKind::surgery, EventKind::lift_discussed, EventKind::recommendation}) ==
          Stage::lift);
    CHECK(stage_after({EventKind::lift_discussed, EventKind::caselist_opened, EventKind::visit}) ==
          Stage::caselist);
    CHECK(stage_after({EventKind::caselist_opened, EventKind::hnf_applied}) == Stage::hnf);
    CHECK(stage_after({EventKind::lift_discussed, EventKind::sodlis_issued}) == Stage::ehcna);
    // Returning to Surgery after LIFT does not move the pupil back.
    CHECK(stage_after({EventKind::lift_discussed, EventKind::surgery}) == Stage::lift);
}

TEST_CASE("a closed case is closed until something new happens after the closure") {
    CHECK(stage_after({EventKind::caselist_opened, EventKind::visit, EventKind::case_closed}) ==
          Stage::closed);
    CHECK(stage_after({EventKind::caselist_opened, EventKind::case_closed,
                       EventKind::concern_raised}) == Stage::concern);
    CHECK(stage_after({EventKind::caselist_opened, EventKind::case_closed,
                       EventKind::consent_given}) == Stage::closed);

    RulesFixture same_day;  // events of the closing day are before the closure
    same_day.event(EventKind::visit, "2025-02-03").event(EventKind::case_closed, "2025-02-03");
    CHECK(same_day.assess("2025-03-01").stage == Stage::closed);
}

TEST_CASE("bookings move the stage: LIFT when booked, Surgery once its date has come") {
    RulesFixture lift;
    lift.event(EventKind::surgery, "2024-10-01").lift("2025-06-12");
    CHECK(lift.assess("2025-03-01").stage == Stage::lift);

    RulesFixture surgery;
    surgery.event(EventKind::provision_plan, "2024-10-01").surgery_booking("2025-03-05");
    CHECK(surgery.assess("2025-03-04").stage == Stage::sen_support);
    CHECK(surgery.assess("2025-03-05").stage == Stage::surgery);
}

TEST_CASE("display names and contract names of stages") {
    CHECK(core::display_name(Stage::sen_support) == "SEN Support");
    CHECK(core::to_string(Stage::sen_support) == "sen_support");
    CHECK(core::display_name(Stage::closed) == "Closed");
}

TEST_CASE("next step after a QFLA: its review, due 28 days later") {
    RulesFixture fixture;
    fixture.event(EventKind::qfla, "2025-03-03");
    auto next = fixture.assess("2025-03-10").next;
    CHECK(next.description == "Review progress after the QFLA by 31 Mar 2025");
    CHECK(next.earliest == day("2025-03-03"));
    CHECK(next.due == day("2025-03-31"));

    fixture.event(EventKind::qfla_review, "2025-03-28");
    CHECK(fixture.assess("2025-04-01").next.description ==
          "Monitor and review for at least two terms");
}

TEST_CASE("next step while monitoring: SEN Support no earlier than two terms later") {
    RulesFixture fixture;
    fixture.event(EventKind::monitoring_start, "2024-10-03");
    auto next = fixture.assess("2024-11-01").next;
    CHECK(next.description == "SEN Support if no impact, from 22 May 2025");
    CHECK(next.earliest == day("2025-05-22"));

    RulesFixture beyond;
    beyond.event(EventKind::monitoring_start, "2026-02-02");
    auto unknown = beyond.assess("2026-02-10").next;
    CHECK_FALSE(unknown.earliest);
    CHECK(unknown.description.find("term calendar does not cover") != std::string::npos);
}

TEST_CASE("next step on SEN Support: the plan, its impact review, or a booked Surgery") {
    RulesFixture no_plan;
    no_plan.event(EventKind::sen_support, "2024-10-03");
    CHECK(no_plan.assess("2024-11-01").next.description == "Record the plan on the Provision Map");

    RulesFixture plan;
    plan.event(EventKind::provision_plan, "2024-10-03");
    auto next = plan.assess("2024-11-01").next;
    CHECK(next.description == "Review impact by 22 May 2025; Surgery if no impact");
    CHECK(next.due == day("2025-05-22"));

    plan.surgery_booking("2025-01-15");
    auto booked = plan.assess("2024-11-01").next;
    CHECK(booked.description == "STLS Surgery on 15 Jan 2025");
    CHECK(booked.earliest == day("2025-01-15"));
}

TEST_CASE("next step after a Surgery: LIFT paperwork after two terms, for the next meeting") {
    RulesFixture fixture;
    fixture.event(EventKind::consent_given, "2024-09-20")
        .event(EventKind::surgery, "2024-10-03")
        .meeting("2025-05-22", "2025-05-15")       // deadline before two terms end
        .meeting("2025-05-29", "2025-05-22", "B")  // another group's
        .meeting("2025-06-05", "2025-05-29");      // the first the pupil can use
    auto next = fixture.assess("2024-11-01").next;
    CHECK(next.earliest == day("2025-05-22"));
    CHECK(next.description ==
          "LIFT paperwork from 22 May 2025, for LIFT on 5 Jun 2025 (paperwork by 29 May 2025)");

    RulesFixture no_consent;
    no_consent.event(EventKind::surgery, "2024-10-03");
    CHECK(no_consent.assess("2024-11-01").next.description ==
          "Parental consent, then LIFT paperwork from 22 May 2025");
}

TEST_CASE("next step at LIFT: consent, paperwork by the deadline, then the meeting itself") {
    RulesFixture fixture;
    fixture.event(EventKind::surgery, "2024-10-03").lift("2025-06-12");
    auto consent = fixture.assess("2025-05-01").next;
    CHECK(consent.description == "Parental consent before LIFT on 12 Jun 2025");
    CHECK(consent.due == day("2025-06-12"));

    fixture.event(EventKind::consent_given, "2025-05-02");
    auto paperwork = fixture.assess("2025-05-03").next;
    CHECK(paperwork.description == "LIFT paperwork by 5 Jun 2025 for LIFT on 12 Jun 2025");
    CHECK(paperwork.due == day("2025-06-05"));

    fixture.event(EventKind::lift_paperwork, "2025-05-20");
    auto present = fixture.assess("2025-05-21").next;
    CHECK(present.description == "Present at LIFT on 12 Jun 2025");
    CHECK(present.earliest == day("2025-06-12"));

    fixture.event(EventKind::lift_discussed, "2025-06-12");
    CHECK(fixture.assess("2025-06-20").next.description ==
          "Implement the LIFT recommendations; back to Surgery if no impact");
    // On the meeting's own day too, once discussed (the session board reads it then).
    CHECK(fixture.assess("2025-06-12").next.description ==
          "Implement the LIFT recommendations; back to Surgery if no impact");
}

TEST_CASE("next step on the LIFT day: a recommendation made there puts the meeting behind") {
    RulesFixture fixture;
    fixture.event(EventKind::surgery, "2024-10-03")
        .event(EventKind::consent_given, "2025-05-02")
        .event(EventKind::lift_paperwork, "2025-05-20")
        .lift("2025-06-12");
    CHECK(fixture.assess("2025-06-12").next.description == "Present at LIFT on 12 Jun 2025");
    fixture.event(EventKind::recommendation, "2025-06-12");
    CHECK(fixture.assess("2025-06-12").next.description ==
          "Implement the LIFT recommendations; back to Surgery if no impact");
    // A discussion at an earlier meeting does not put a later booking behind.
    RulesFixture again;
    again.event(EventKind::surgery, "2024-10-03")
        .event(EventKind::consent_given, "2025-05-02")
        .event(EventKind::lift_discussed, "2025-03-13")
        .event(EventKind::lift_paperwork, "2025-05-20")
        .lift("2025-06-12");
    CHECK(again.assess("2025-06-12").next.description == "Present at LIFT on 12 Jun 2025");
}

TEST_CASE("next step on the caselist, with HNF, towards EHCNA and when closed") {
    RulesFixture caselist;
    caselist.event(EventKind::caselist_opened, "2025-01-06").event(EventKind::visit, "2025-02-10");
    auto visit = caselist.assess("2025-03-01").next;
    CHECK(visit.description == "STLS visit by 24 Mar 2025");
    CHECK(visit.due == day("2025-03-24"));

    caselist.event(EventKind::hnf_applied, "2025-02-20");
    CHECK(caselist.assess("2025-03-01").next.description ==
          "Await the High Needs Funding decision");
    caselist.event(EventKind::hnf_decision, "2025-03-10");
    CHECK(caselist.assess("2025-03-12").next.description == "STLS visit by 24 Mar 2025");

    RulesFixture ehcna;
    ehcna.event(EventKind::lift_discussed, "2025-01-16")
        .event(EventKind::sodlis_issued, "2025-02-20");
    auto request = ehcna.assess("2025-03-01").next;
    CHECK(request.description == "Request an EHC needs assessment (Appendix 2)");
    CHECK(request.earliest == day("2025-01-16"));

    RulesFixture closed;
    closed.event(EventKind::caselist_opened, "2025-01-06")
        .event(EventKind::case_closed, "2025-03-01");
    CHECK(closed.assess("2025-03-10").next.description == "None: closed to STLS");
}

TEST_CASE("an EHC plan in place is the ehcp stage until it ceases, case closed or not") {
    CHECK(stage_after({EventKind::ehcna_requested, EventKind::ehcna_decision,
                       EventKind::ehcp_draft}) == Stage::ehcna);
    CHECK(stage_after({EventKind::ehcna_requested, EventKind::ehcp_declined}) == Stage::ehcna);
    CHECK(stage_after({EventKind::ehcna_requested, EventKind::ehcp_issued}) == Stage::ehcp);
    CHECK(stage_after({EventKind::ehcp_issued, EventKind::annual_review}) == Stage::ehcp);
    CHECK(stage_after({EventKind::ehcp_issued, EventKind::case_closed}) == Stage::ehcp);
    CHECK(stage_after({EventKind::ehcna_requested, EventKind::ehcp_issued,
                       EventKind::ehcp_ceased}) == Stage::ehcna);
    CHECK(stage_after({EventKind::ehcp_issued, EventKind::ehcp_ceased, EventKind::case_closed}) ==
          Stage::closed);
    CHECK(core::to_string(Stage::ehcp) == "ehcp");
    CHECK(core::display_name(Stage::ehcp) == "EHC plan");

    RulesFixture same_day;  // a plan ceased on the day it was issued is not in place
    same_day.event(EventKind::ehcp_issued, "2025-02-03")
        .event(EventKind::ehcp_ceased, "2025-02-03");
    CHECK(same_day.assess("2025-03-01").stage == Stage::ehcna);
}

TEST_CASE("next step through the EHC needs assessment, with its statutory dates") {
    RulesFixture f;
    f.event(EventKind::lift_discussed, "2025-01-16")
        .event(EventKind::ehcna_requested, "2025-03-10");
    auto decision = f.assess("2025-03-20").next;
    CHECK(decision.description == "EHCNA decision due by 21 Apr 2025 (week 6)");
    CHECK(decision.due == day("2025-04-21"));

    f.detailed(EventKind::ehcna_decision, "2025-04-14", "assess");
    auto plan = f.assess("2025-04-20").next;
    CHECK(plan.description == "EHC plan due by 28 Jul 2025 (week 20)");
    CHECK(plan.due == day("2025-07-28"));
    f.event(EventKind::ehcp_draft, "2025-06-30");
    CHECK(f.assess("2025-07-01").next.description == "EHC plan due by 28 Jul 2025 (week 20)");

    f.event(EventKind::ehcp_issued, "2025-07-25");
    auto review = f.assess("2025-08-01").next;
    CHECK(review.description == "Annual review by 25 Jul 2026");
    CHECK(review.due == day("2026-07-25"));
    f.event(EventKind::annual_review, "2026-07-20");
    CHECK(f.assess("2026-08-01").next.description == "Annual review by 20 Jul 2027");

    f.event(EventKind::ehcp_ceased, "2027-07-31");
    CHECK(f.assess("2027-08-01").next.description ==
          "EHC plan ceased on 31 Jul 2027: continue SEN Support and review impact");
}

TEST_CASE("next step after a refusal to assess or to issue a plan") {
    RulesFixture refused;
    refused.event(EventKind::ehcna_requested, "2025-03-03")
        .detailed(EventKind::ehcna_decision, "2025-04-10", "not_assess");
    auto next = refused.assess("2025-04-20").next;
    CHECK(next.description ==
          "Not to be assessed (decided 10 Apr 2025): continue SEN Support and review impact");
    CHECK_FALSE(next.due);

    RulesFixture declined;
    declined.event(EventKind::ehcna_requested, "2025-03-03")
        .detailed(EventKind::ehcna_decision, "2025-04-10", "assess")
        .event(EventKind::ehcp_declined, "2025-06-20");
    CHECK(declined.assess("2025-07-01").next.description ==
          "No EHC plan (decided 20 Jun 2025): continue SEN Support and review impact");
}

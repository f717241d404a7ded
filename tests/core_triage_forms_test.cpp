// Validation of the triage forms: each field's inline message, and the typed command a
// valid form becomes (new referral, recorded events, paperwork received).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/triage_forms.hpp"
#include "support/rules_fixture.hpp"

using core::EventKind;
using core::NeedArea;
using core::TriageEvent;
using test_support::day;
using test_support::RulesFixture;

namespace {

const core::Date kToday = day("2025-11-20");

struct Schools {
    Schools() {
        f.data.schools.push_back({"900002", "Oakwood Academy", "Maidstone", "B", "secondary"});
        f.data.schools.push_back({"900003", "Birch Hill School", "Maidstone", "A", "primary"});
        f.data.index();
    }
    RulesFixture f;  // school 900001 "Oakfield Primary", pupil P00001
};

core::ReferralInput good_referral() {
    return {"P10001", "900003", "c.d", NeedArea::semh, "2025-11-18"};
}

}  // namespace

TEST_CASE("a past date: empty, unreadable and future dates each get their message") {
    CHECK(core::check_past_date("", kToday, "consent date").message ==
          "Enter the consent date (YYYY-MM-DD)");
    CHECK(core::check_past_date("2025-02-30", kToday, "date").message ==
          "'2025-02-30' is not a date: use YYYY-MM-DD or DD/MM/YYYY");
    CHECK(core::check_past_date("2025-11-21", kToday, "consent date").message ==
          "The consent date cannot be in the future (today is 20 Nov 2025)");
    auto ok = core::check_past_date(" 20/11/2025 ", kToday, "date");
    CHECK(ok.message.empty());
    CHECK(ok.date == kToday);
}

TEST_CASE("a school is found by URN, whole name or a prefix only one school has") {
    Schools s;
    CHECK(core::find_school(s.f.data, "900002")->name == "Oakwood Academy");
    CHECK(core::find_school(s.f.data, " oakwood academy ")->urn == "900002");
    CHECK(core::find_school(s.f.data, "birch")->urn == "900003");
    CHECK(core::find_school(s.f.data, "Oak") == nullptr);  // Oakfield and Oakwood
    CHECK(core::find_school(s.f.data, "Elm") == nullptr);
    CHECK(core::find_school(s.f.data, "  ") == nullptr);
}

TEST_CASE("a valid referral becomes a NewReferral with tidy initials and a trimmed ref") {
    Schools s;
    auto input = good_referral();
    input.pupil_ref = "  P10001 ";
    auto check = core::check_referral(input, s.f.data, kToday);
    REQUIRE(check.ok());
    CHECK(check.pupil_ref.empty());
    CHECK(check.school_found->name == "Birch Hill School");
    CHECK(check.command->pupil.pupil_ref == "P10001");
    CHECK(check.command->pupil.school_urn == "900003");
    CHECK(check.command->pupil.initials == "CD");
    CHECK(check.command->pupil.need_area == NeedArea::semh);
    CHECK(check.command->consent_date == day("2025-11-18"));
}

TEST_CASE("an empty referral form names every field to fill in, and has no command") {
    Schools s;
    auto check = core::check_referral({}, s.f.data, kToday);
    CHECK_FALSE(check.ok());
    CHECK(check.pupil_ref == "Enter the pupil ref");
    CHECK(check.school == "Enter the school's URN or name");
    CHECK(check.initials == "Enter the pupil's initials");
    CHECK(check.need_area == "Choose the need area");
    CHECK(check.consent_date == "Enter the consent date (YYYY-MM-DD)");
}

TEST_CASE(
    "referral refusals: used or malformed ref, unknown school, bad initials, future consent") {
    Schools s;
    auto input = good_referral();
    input.pupil_ref = "P00001";
    CHECK(core::check_referral(input, s.f.data, kToday).pupil_ref ==
          "Pupil ref P00001 is already in use");
    input.pupil_ref = "P 1";
    CHECK(core::check_referral(input, s.f.data, kToday).pupil_ref ==
          "Use up to 20 letters, digits, '-', '_' or '/'");
    input.pupil_ref = std::string(21, 'P');
    CHECK_FALSE(core::check_referral(input, s.f.data, kToday).pupil_ref.empty());

    input = good_referral();
    input.school = "Oak";
    auto school = core::check_referral(input, s.f.data, kToday);
    CHECK(school.school == "No single school matches 'Oak'");
    CHECK_FALSE(school.ok());
    CHECK(school.pupil_ref.empty());  // the other fields stay quiet

    input = good_referral();
    input.initials = "A1";
    CHECK(core::check_referral(input, s.f.data, kToday).initials == "Initials are 1 to 4 letters");
    input.initials = "ABCDE";
    CHECK(core::check_referral(input, s.f.data, kToday).initials == "Initials are 1 to 4 letters");

    input = good_referral();
    input.consent_date = "2025-11-21";
    CHECK_FALSE(core::check_referral(input, s.f.data, kToday).ok());
}

TEST_CASE("event choices: labels, and details only for recommendations and closures") {
    CHECK(core::triage_event_label(TriageEvent::paperwork_received) == "Paperwork received");
    CHECK(core::triage_event_details(TriageEvent::visit).empty());
    auto types = core::triage_event_details(TriageEvent::recommendation);
    CHECK(types.size() == 6);
    CHECK(core::detail_label("specialist_intervention") == "Specialist intervention");
    CHECK(core::triage_event_details(TriageEvent::case_closed).front() == "outcome_met");
}

TEST_CASE("paperwork received is recorded on the pupil's LIFT booking when there is one") {
    RulesFixture f;
    f.lift("2025-12-04");
    f.data.index();
    auto check = core::check_event({TriageEvent::paperwork_received, "", "2025-11-19"}, f.data, 0,
                                   kToday, "");
    REQUIRE(check.ok());
    auto* paperwork = std::get_if<core::RecordPaperwork>(&*check.command);
    REQUIRE(paperwork);
    CHECK(paperwork->pupil_ref == "P00001");
    CHECK(paperwork->meeting_date == day("2025-12-04"));
    CHECK(paperwork->received == day("2025-11-19"));

    RulesFixture unbooked;
    unbooked.data.index();
    auto event = core::check_event({TriageEvent::paperwork_received, "", "2025-11-19"},
                                   unbooked.data, 0, kToday, "");
    REQUIRE(event.ok());
    auto* record = std::get_if<core::RecordEvent>(&*event.command);
    REQUIRE(record);
    CHECK(record->event.kind == EventKind::lift_paperwork);
}

TEST_CASE("a recommendation needs its type and a visit carries the case's teacher") {
    RulesFixture f;
    f.data.index();
    auto missing = core::check_event({TriageEvent::recommendation, "", "2025-11-20"}, f.data, 0,
                                     kToday, "ST01");
    CHECK_FALSE(missing.ok());
    CHECK(missing.detail_message == "Choose the recommendation type");
    CHECK(missing.date_message.empty());

    auto typed = core::check_event({TriageEvent::recommendation, "early_help", "2025-11-20"},
                                   f.data, 0, kToday, "ST01");
    REQUIRE(typed.ok());
    const auto& rec = std::get<core::RecordEvent>(*typed.command).event;
    CHECK(rec.kind == EventKind::recommendation);
    CHECK(rec.detail == "early_help");
    CHECK(rec.staff_id.empty());

    auto visit =
        core::check_event({TriageEvent::visit, "", "2025-11-20"}, f.data, 0, kToday, "ST01");
    REQUIRE(visit.ok());
    CHECK(std::get<core::RecordEvent>(*visit.command).event.staff_id == "ST01");

    auto closed =
        core::check_event({TriageEvent::case_closed, "", "2025-11-20"}, f.data, 0, kToday, "");
    CHECK(closed.detail_message == "Choose how the case ended");
}

TEST_CASE("an event in the future or with a bad date is refused with the date's message") {
    RulesFixture f;
    f.data.index();
    auto future =
        core::check_event({TriageEvent::consent_given, "", "2025-11-21"}, f.data, 0, kToday, "");
    CHECK_FALSE(future.ok());
    CHECK(future.date_message.find("cannot be in the future") != std::string::npos);
    auto bad = core::check_event({TriageEvent::consent_given, "", "soon"}, f.data, 0, kToday, "");
    CHECK(bad.date_message == "'soon' is not a date: use YYYY-MM-DD or DD/MM/YYYY");
    auto gone =
        core::check_event({TriageEvent::consent_given, "", "2025-11-20"}, f.data, 9, kToday, "");
    CHECK_FALSE(gone.ok());
}

TEST_CASE("the event form offers what follows LIFT, each with its contract details") {
    std::vector<std::string> labels;
    for (int i = 0; i < core::kTriageEventCount; ++i)
        labels.emplace_back(core::triage_event_label(static_cast<TriageEvent>(i)));
    for (const char* wanted : {"Impact review", "HNF applied", "EHCNA requested", "EHCNA decision",
                               "Draft EHC plan sent", "EHC plan issued", "EHC plan declined",
                               "Annual review held", "EHC plan ceased"})
        CHECK(std::find(labels.begin(), labels.end(), wanted) != labels.end());
    auto decision = core::triage_event_details(TriageEvent::ehcna_decision);
    REQUIRE(decision.size() == 2);
    CHECK(decision.front() == "assess");
    CHECK(core::triage_detail_name(TriageEvent::ehcna_decision) == "Decision");
    CHECK(core::triage_event_details(TriageEvent::ehcp_issued).empty());
    CHECK(core::triage_event_takes_owner(TriageEvent::recommendation));
    CHECK_FALSE(core::triage_event_takes_owner(TriageEvent::annual_review));

    RulesFixture f;
    f.data.index();
    auto undecided =
        core::check_event({TriageEvent::ehcna_decision, "", "2025-11-20"}, f.data, 0, kToday, "");
    CHECK(undecided.detail_message == "Choose the decision");
    auto decided = core::check_event({TriageEvent::ehcna_decision, "not_assess", "2025-11-20"},
                                     f.data, 0, kToday, "");
    REQUIRE(decided.ok());
    const auto& e = std::get<core::RecordEvent>(*decided.command).event;
    CHECK(e.kind == EventKind::ehcna_decision);
    CHECK(e.detail == "not_assess");
}

TEST_CASE("a recommendation takes an owner, a review date (future allowed) and a note") {
    RulesFixture f;
    f.data.index();
    core::EventInput input{TriageEvent::recommendation, "training", "2025-11-20", "  SENCo ",
                           "2026-02-12", "Staff training before half term"};
    auto check = core::check_event(input, f.data, 0, kToday, "ST01");
    REQUIRE(check.ok());
    const auto& rec = std::get<core::RecordEvent>(*check.command).event;
    CHECK(rec.owner == "SENCo");
    CHECK(rec.review_date == day("2026-02-12"));
    CHECK(rec.note == "Staff training before half term");

    input.review_date = "2025-11-19";
    auto early = core::check_event(input, f.data, 0, kToday, "ST01");
    CHECK_FALSE(early.ok());
    CHECK(early.review_message == "The review date cannot be before the event (20 Nov 2025)");
    input.review_date = "next term";
    CHECK(core::check_event(input, f.data, 0, kToday, "ST01").review_message ==
          "'next term' is not a date: use YYYY-MM-DD or DD/MM/YYYY");
    input.review_date = "";
    input.note = std::string(core::kMaxNote + 1, 'x');
    CHECK(core::check_event(input, f.data, 0, kToday, "ST01").note_message ==
          "Keep the note to 500 characters");

    // Other events keep a note but take no owner or review date.
    core::EventInput visit{TriageEvent::visit, "", "2025-11-20", "school", "2026-01-01", "Met"};
    auto v = core::check_event(visit, f.data, 0, kToday, "ST01");
    REQUIRE(v.ok());
    const auto& ve = std::get<core::RecordEvent>(*v.command).event;
    CHECK(ve.note == "Met");
    CHECK(ve.owner.empty());
    CHECK_FALSE(ve.review_date);
}

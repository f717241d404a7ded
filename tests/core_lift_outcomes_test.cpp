// The LIFT session's outcome forms: each outcome type's fields and messages, the
// command each becomes (events dated the meeting's day), and what is refused.
#include <catch2/catch.hpp>

#include "core/lift_outcomes.hpp"
#include "support/rules_fixture.hpp"

using core::SessionOutcome;
using test_support::day;
using test_support::RulesFixture;

namespace {

const core::Date kMeeting = day("2025-11-20");

RulesFixture world() {
    RulesFixture f;
    f.data.staff.push_back({"ST01", "Kit Fenwick", core::Role::specialist_teacher, "Maidstone"});
    f.data.staff.push_back({"EP01", "Ash Pell", core::Role::ep, "Maidstone"});
    f.data.index();
    return f;
}

core::OutcomeCheck check(const RulesFixture& f, core::OutcomeInput input,
                         core::Date today = kMeeting) {
    return core::check_outcome(input, f.data, RulesFixture::pupil_ref, kMeeting, today);
}

}  // namespace

TEST_CASE("a recommendation needs an owner and a review date on or after the meeting") {
    RulesFixture f = world();
    core::OutcomeInput in;
    in.outcome = SessionOutcome::specialist_intervention;
    auto empty = check(f, in);
    CHECK_FALSE(empty.ok());
    CHECK(empty.owner_message == "Enter who carries it out (a school, \"EP\", a staff id)");
    CHECK(empty.review_message == "Enter the review date (YYYY-MM-DD)");

    in.owner = "  EP ";
    in.review_date = "31/02/2026";
    CHECK(check(f, in).review_message ==
          "'31/02/2026' is not a date: use YYYY-MM-DD or DD/MM/YYYY");
    in.review_date = "2025-11-19";
    CHECK(check(f, in).review_message ==
          "The review date cannot be before the meeting (20 Nov 2025)");
    in.owner = std::string(61, 'x');
    in.review_date = "2026-06-30";
    CHECK(check(f, in).owner_message == "Keep the owner to 60 characters");

    in.owner = " EP ";
    in.note = " Zo\xc3\xab, \"weekly\" ";
    auto good = check(f, in);
    REQUIRE(good.ok());
    const auto& e = std::get<core::RecordEvent>(*good.command).event;
    CHECK(e.kind == core::EventKind::recommendation);
    CHECK(e.detail == "specialist_intervention");
    CHECK(e.date == kMeeting);
    CHECK(e.owner == "EP");
    CHECK(e.review_date == day("2026-06-30"));
    CHECK(e.note == "Zo\xc3\xab, \"weekly\"");
}

TEST_CASE("the six recommendation types are the contract's, in its order") {
    CHECK(core::recommendation_detail(SessionOutcome::advice) == "advice");
    CHECK(core::recommendation_detail(SessionOutcome::health) == "health");
    CHECK(core::recommendation_detail(SessionOutcome::caselist).empty());
    CHECK(core::is_recommendation(SessionOutcome::early_help));
    CHECK_FALSE(core::is_recommendation(SessionOutcome::consultation));
    CHECK(core::outcome_label(SessionOutcome::school_support) == "Support from another school");
}

TEST_CASE(
    "the caselist needs an agreed outcome and a specialist teacher, and opens it in one edit") {
    RulesFixture f = world();
    core::OutcomeInput in;
    in.outcome = SessionOutcome::caselist;
    auto empty = check(f, in);
    CHECK(empty.agreed_message == "Enter the outcome agreed for the support");
    CHECK(empty.teacher_message == "Choose the specialist teacher who takes the case");
    in.agreed_outcome = "Reads a page unaided";
    in.teacher_id = "EP01";
    CHECK(check(f, in).teacher_message == "EP01 is not a specialist teacher");
    in.teacher_id = "ST01";
    auto good = check(f, in);
    REQUIRE(good.ok());
    const auto& e = std::get<core::OpenCaselist>(*good.command).event;
    CHECK(e.kind == core::EventKind::caselist_opened);
    CHECK(e.detail == "Reads a page unaided");
    CHECK(e.staff_id == "ST01");
}

TEST_CASE("consultation, SODLIS and discussed take a note only") {
    RulesFixture f = world();
    for (auto [outcome, kind] :
         {std::pair{SessionOutcome::consultation, core::EventKind::stls_consultation},
          std::pair{SessionOutcome::sodlis, core::EventKind::sodlis_issued},
          std::pair{SessionOutcome::discussed, core::EventKind::lift_discussed}}) {
        core::OutcomeInput in;
        in.outcome = outcome;
        auto good = check(f, in);
        REQUIRE(good.ok());
        CHECK(std::get<core::RecordEvent>(*good.command).event.kind == kind);
        in.note = std::string(501, 'n');
        CHECK(check(f, in).note_message == "Keep the note to 500 characters");
    }
}

TEST_CASE("outcomes of a meeting not yet held, or of a pupil gone, are refused") {
    RulesFixture f = world();
    core::OutcomeInput in;
    in.outcome = SessionOutcome::discussed;
    auto early = check(f, in, day("2025-11-19"));
    CHECK_FALSE(early.ok());
    CHECK(early.meeting_message ==
          "This meeting is on 20 Nov 2025: record its outcomes on the day or after");
    auto gone = core::check_outcome(in, f.data, "P99999", kMeeting, kMeeting);
    CHECK(gone.meeting_message == "Pupil P99999 is no longer in the data");
}

// The outcome sheet view-model over the LIFT session: which agenda items get a sheet
// (those discussed), the recommendations as rows with owner, review date and note, the
// decision's notes and other steps, the day the sheets are read on, and the file name.
#include <catch2/catch.hpp>

#include "core/outcome_sheet.hpp"
#include "support/rules_fixture.hpp"

using core::EventKind;
using test_support::day;
using test_support::RulesFixture;

namespace {

const char* kMeeting = "2025-11-20";

struct Built {
    core::LiftSession session;
    std::vector<core::OutcomeSheet> sheets;
};

// The sheets of Maidstone A on kMeeting, read as of `today` (moved past the meeting as
// the command does).
std::unique_ptr<Built> sheets(RulesFixture& f, const char* today = "2025-11-21") {
    f.meeting(kMeeting, "2025-11-13");
    f.data.index();
    core::RulesEngine engine(f.data, f.config);
    const core::Date on = core::outcome_sheet_day(day(kMeeting), day(today));
    auto pick = core::pick_meeting(f.data, "Maidstone", kMeeting, "", on);
    REQUIRE(pick.ok());
    auto built = std::make_unique<Built>();
    built->session = core::build_lift_session(f.data, engine, *pick.meeting, {}, on);
    built->sheets = core::build_outcome_sheets(f.data, built->session);
    return built;
}

core::Event at_meeting(EventKind kind, const std::string& detail, const std::string& note,
                       const std::string& owner = "", const char* review = nullptr,
                       const std::string& ref = RulesFixture::pupil_ref) {
    core::Event e{ref, kind, day(kMeeting), detail, ""};
    e.note = note;
    e.owner = owner;
    if (review) e.review_date = day(review);
    return e;
}

RulesFixture& discussed(RulesFixture& f) {
    return f.prerequisites()
        .lift(kMeeting, "2025-11-10")
        .event(EventKind::lift_discussed, kMeeting);
}

}  // namespace

TEST_CASE("an outcome sheet lists each recommendation with its owner, review date and note") {
    RulesFixture f;
    discussed(f);
    f.data.staff.push_back({"ST01", "Jo Teacher", core::Role::specialist_teacher, "Maidstone"});
    f.data.events.push_back(at_meeting(EventKind::recommendation, "early_help",
                                       "Call Early Help, \"soon\", with Zoë", "ST01",
                                       "2026-02-15"));
    f.data.events.push_back(at_meeting(EventKind::recommendation, "training", "", "school"));
    auto built = sheets(f);
    REQUIRE(built->sheets.size() == 1);
    const auto& sheet = built->sheets[0];
    CHECK(sheet.item == &built->session.agenda[0]);
    CHECK(sheet.item->ref == "P00001");
    CHECK(sheet.meeting == "LIFT Maidstone Group A, Thu 20 Nov 2025");
    REQUIRE(sheet.recommendations.size() == 2);
    const auto& early = sheet.recommendations[0].owner == "Jo Teacher" ? sheet.recommendations[0]
                                                                       : sheet.recommendations[1];
    const auto& training =
        &early == &sheet.recommendations[0] ? sheet.recommendations[1] : sheet.recommendations[0];
    CHECK(early.owner == "Jo Teacher");
    CHECK(early.review == "15 Feb 2026");
    CHECK(early.note == "Call Early Help, \"soon\", with Zoë");
    CHECK_FALSE(early.type.empty());
    CHECK(training.owner == "school");
    CHECK(training.review.empty());
    CHECK(sheet.item->summary.decision == core::StlsDecision::none);
    CHECK(sheet.file_name == "outcome-P00001-2025-11-20.pdf");
}

TEST_CASE("an outcome sheet keeps the decision's notes and the other steps apart") {
    RulesFixture f;
    discussed(f);
    f.data.events.push_back(at_meeting(EventKind::stls_consultation, "", "Offered to the SENCo"));
    f.data.events.push_back(at_meeting(EventKind::sodlis_issued, "", "Sent to parents"));
    auto built = sheets(f);
    REQUIRE(built->sheets.size() == 1);
    const auto& sheet = built->sheets[0];
    CHECK(sheet.item->summary.decision == core::StlsDecision::consultation);
    CHECK(sheet.decision_notes ==
          std::vector<std::string>{"STLS consultation offered: Offered to the SENCo"});
    CHECK(sheet.other_steps == std::vector<std::string>{"SODLIS issued: Sent to parents"});
    CHECK(sheet.recommendations.empty());
}

TEST_CASE("only booked pupils marked discussed get an outcome sheet") {
    RulesFixture f;
    f.pupil("P00002", RulesFixture::school_urn);
    discussed(f);
    f.lift(kMeeting, std::nullopt, "Maidstone", "A", "P00002");  // booked, not discussed
    auto built = sheets(f);
    REQUIRE(built->session.agenda.size() == 2);
    REQUIRE(built->sheets.size() == 1);
    CHECK(built->sheets[0].item->ref == "P00001");
}

TEST_CASE("sheets made on the meeting's day give the step after the meeting, not the meeting") {
    CHECK(core::outcome_sheet_day(day(kMeeting), day(kMeeting)) == day("2025-11-21"));
    CHECK(core::outcome_sheet_day(day(kMeeting), day("2025-12-01")) == day("2025-12-01"));
    RulesFixture f;
    discussed(f);
    auto built = sheets(f, kMeeting);
    REQUIRE(built->sheets.size() == 1);
    CHECK(built->sheets[0].item->summary.card.next_step ==
          "Implement the LIFT recommendations; back to Surgery if no impact");
}

TEST_CASE("an outcome sheet's file name keeps a ref from naming a path") {
    CHECK(core::outcome_sheet_file_name("P00012", day("2025-11-20")) ==
          "outcome-P00012-2025-11-20.pdf");
    CHECK(core::outcome_sheet_file_name("../x/.y z", day("2025-11-20")) ==
          "outcome-___x__y_z-2025-11-20.pdf");
    CHECK(core::outcome_sheet_file_name("Zoë", day("2025-11-20")) == "outcome-Zo__-2025-11-20.pdf");
}

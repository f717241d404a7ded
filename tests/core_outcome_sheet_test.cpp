// The outcome sheet view-model: which pupils a meeting's sheets are for, what each
// carries (recommendations with owner, review date and note; the STLS decision; other
// steps; the next step) and the file name a pupil ref gives.
#include <catch2/catch.hpp>

#include "core/outcome_sheet.hpp"
#include "support/rules_fixture.hpp"

using core::EventKind;
using core::StlsDecision;
using test_support::day;
using test_support::RulesFixture;

namespace {

const char* kMeeting = "2025-11-20";

std::vector<core::OutcomeSheet> sheets(RulesFixture& f, const std::string& group = "A",
                                       const std::string& district = "Maidstone") {
    f.data.index();
    core::RulesEngine engine(f.data, f.config);
    core::LiftMeeting meeting{district, group, day(kMeeting), day("2025-11-13"), "Oak Hall"};
    return core::build_outcome_sheets(f.data, engine, meeting, day("2025-11-21"));
}

core::Event with(EventKind kind, const std::string& detail, const std::string& note,
                 const std::string& owner = "", const char* review = nullptr,
                 const std::string& ref = RulesFixture::pupil_ref) {
    core::Event e{ref, kind, day(kMeeting), detail, ""};
    e.note = note;
    e.owner = owner;
    if (review) e.review_date = day(review);
    return e;
}

}  // namespace

TEST_CASE("an outcome sheet carries each recommendation with its owner, review date and note") {
    RulesFixture f;
    f.prerequisites().lift(kMeeting, "2025-11-10").event(EventKind::lift_discussed, kMeeting);
    f.data.staff.push_back({"ST01", "Jo Teacher", core::Role::specialist_teacher, "Maidstone"});
    f.data.events.push_back(with(EventKind::recommendation, "early_help",
                                 "Call Early Help, \"soon\", with Zoë", "ST01", "2026-02-15"));
    f.data.events.push_back(with(EventKind::recommendation, "training", "", "school"));
    auto all = sheets(f);
    REQUIRE(all.size() == 1);
    const auto& sheet = all[0];
    CHECK(sheet.pupil_ref == "P00001");
    CHECK(sheet.pupil_label == "A.B.  P00001");
    CHECK(sheet.school == "Oakfield Primary");
    CHECK(sheet.year_group == "Year 4");
    CHECK(sheet.meeting == "LIFT Maidstone Group A, Thu 20 Nov 2025");
    CHECK(sheet.venue == "Oak Hall");
    REQUIRE(sheet.outcomes.size() == 2);
    const auto& early =
        sheet.outcomes[0].type == "Early help" ? sheet.outcomes[0] : sheet.outcomes[1];
    const auto& training = &early == &sheet.outcomes[0] ? sheet.outcomes[1] : sheet.outcomes[0];
    CHECK(early.type == "Early help");
    CHECK(early.owner == "Jo Teacher (ST01)");
    CHECK(early.review == "15 Feb 2026");
    CHECK(early.note == "Call Early Help, \"soon\", with Zoë");
    CHECK(training.type == "Training");
    CHECK(training.owner == "school");
    CHECK(training.review.empty());
    CHECK(sheet.decision == StlsDecision::none);
    CHECK(sheet.decision_text == "None: no STLS consultation or caselist place");
    CHECK_FALSE(sheet.next_step.empty());
    CHECK(sheet.file_name == "outcome-P00001-2025-11-20.pdf");
}

TEST_CASE(
    "the STLS decision is the caselist with its agreed outcome and teacher, else a consultation") {
    RulesFixture f;
    f.prerequisites().lift(kMeeting, "2025-11-10").event(EventKind::lift_discussed, kMeeting);
    f.data.staff.push_back({"ST02", "Sam Visit", core::Role::specialist_teacher, "Maidstone"});
    f.data.cases.push_back({"P00001", "ST02", 1});
    f.data.events.push_back(with(EventKind::stls_consultation, "", "Offered to the SENCo"));
    f.data.events.push_back(with(EventKind::caselist_opened, "Reads at age level", ""));
    f.data.events.push_back(with(EventKind::sodlis_issued, "", "Sent to parents"));
    auto all = sheets(f);
    REQUIRE(all.size() == 1);
    CHECK(all[0].decision == StlsDecision::caselist);
    CHECK(all[0].decision_text == "Taken onto the STLS caselist");
    REQUIRE(all[0].decision_details.size() == 3);
    CHECK(all[0].decision_details[0] == "Agreed outcome: Reads at age level");
    CHECK(all[0].decision_details[1] == "Note: Offered to the SENCo");
    CHECK(all[0].decision_details[2] == "Specialist teacher: Sam Visit (ST02)");
    CHECK(all[0].other_steps == std::vector<std::string>{"SODLIS issued: Sent to parents"});

    RulesFixture g;
    g.prerequisites().lift(kMeeting, "2025-11-10").event(EventKind::lift_discussed, kMeeting);
    g.data.events.push_back(with(EventKind::stls_consultation, "", ""));
    auto consulted = sheets(g);
    REQUIRE(consulted.size() == 1);
    CHECK(consulted[0].decision == StlsDecision::consultation);
    CHECK(consulted[0].decision_text == "STLS consultation offered");
}

TEST_CASE("only pupils discussed that day at this meeting get a sheet") {
    RulesFixture f;
    // P00001: booked and discussed. P00002: discussed, not booked, school in group A.
    // P00003: booked elsewhere that day. P00004: booked here, not discussed.
    f.pupil("P00002", RulesFixture::school_urn)
        .pupil("P00003", RulesFixture::school_urn)
        .pupil("P00004", RulesFixture::school_urn);
    f.lift(kMeeting).event(EventKind::lift_discussed, kMeeting);
    f.event(EventKind::lift_discussed, kMeeting, "P00002");
    f.lift(kMeeting, std::nullopt, "Maidstone", "B", "P00003")
        .event(EventKind::lift_discussed, kMeeting, "P00003");
    f.lift(kMeeting, std::nullopt, "Maidstone", "A", "P00004");
    f.event(EventKind::lift_discussed, "2025-11-13", "P00004");
    auto here = sheets(f);
    REQUIRE(here.size() == 2);
    CHECK(here[0].pupil_ref == "P00001");
    CHECK(here[1].pupil_ref == "P00002");
    auto group_b = sheets(f, "B");
    REQUIRE(group_b.size() == 1);
    CHECK(group_b[0].pupil_ref == "P00003");
    CHECK(sheets(f, "A", "Ashford").empty());
}

TEST_CASE("an outcome sheet's file name keeps a ref from naming a path") {
    CHECK(core::outcome_sheet_file_name("P00012", day("2025-11-20")) ==
          "outcome-P00012-2025-11-20.pdf");
    CHECK(core::outcome_sheet_file_name("../x/.y z", day("2025-11-20")) ==
          "outcome-___x__y_z-2025-11-20.pdf");
    CHECK(core::outcome_sheet_file_name("Zoë", day("2025-11-20")) == "outcome-Zo__-2025-11-20.pdf");
}

// The LIFT session model: which meeting (--meeting, today's, the next), the errors for a
// bad date and an unknown meeting, the agenda's order and time slots, each booking's
// readiness, the case summary (Surgery advice, earlier recommendations and their
// reviews, outcomes recorded at the meeting), the cover facts, and the case timer.
#include <catch2/catch.hpp>
#include <string>

#include "core/lift_session.hpp"
#include "core/lift_session_timer.hpp"
#include "support/rules_fixture.hpp"

using core::EventKind;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

namespace {

constexpr const char* kToday = "2025-11-20";  // a Thursday in autumn 2025/26

// Three Maidstone meetings of group A, one of Ashford.
RulesFixture world() {
    RulesFixture f;
    f.meeting("2025-11-13", "2025-11-06")
        .meeting("2025-11-20", "2025-11-13")
        .meeting("2025-12-04", "2025-11-27")
        .meeting("2025-11-27", "2025-11-20", "A", "Ashford");
    f.data.schools.push_back({"900002", "Birch Academy", "Maidstone", "A", "primary"});
    f.data.schools.push_back({"900003", "Cedar School", "Maidstone", "B", "primary"});
    return f;
}

core::LiftSession session(RulesFixture& f, const char* meeting, const char* today = kToday,
                          core::SessionSettings settings = {}) {
    f.data.index();
    core::RulesEngine engine(f.data, f.config);
    const core::MeetingPick pick = core::pick_meeting(f.data, "maidstone", meeting, "", day(today));
    REQUIRE(pick.ok());
    return core::build_lift_session(f.data, engine, *pick.meeting, settings, day(today));
}

}  // namespace

TEST_CASE("the session is today's LIFT, else the district's next, else the one asked for") {
    RulesFixture f = world();
    f.data.index();
    auto today = core::pick_meeting(f.data, "Maidstone", "", "", day(kToday));
    REQUIRE(today.ok());
    CHECK(today.meeting->meeting_date == day("2025-11-20"));
    // The day after, the next one of the home district (not Ashford's a week sooner).
    auto next = core::pick_meeting(f.data, "Maidstone", "", "", day("2025-11-21"));
    REQUIRE(next.ok());
    CHECK(next.meeting->meeting_date == day("2025-12-04"));
    // An earlier meeting by its date, in either date form.
    auto asked = core::pick_meeting(f.data, "Maidstone", "13/11/2025", "", day(kToday));
    REQUIRE(asked.ok());
    CHECK(asked.meeting->meeting_date == day("2025-11-13"));
    CHECK(asked.meeting->paperwork_deadline == day("2025-11-06"));
}

TEST_CASE("a bad date or an unknown meeting is refused with a line naming it") {
    RulesFixture f = world();
    f.data.index();
    auto bad = core::pick_meeting(f.data, "Maidstone", "2025-13-40", "", day(kToday));
    CHECK_FALSE(bad.ok());
    CHECK(bad.error == "'2025-13-40' is not a date: use YYYY-MM-DD");

    auto unknown = core::pick_meeting(f.data, "Maidstone", "2025-11-27", "", day(kToday));
    CHECK_FALSE(unknown.ok());
    CHECK(unknown.error ==
          "no LIFT meeting of Maidstone on 27 Nov 2025 (nearest: Thu 20 Nov 2025, Thu 4 Dec 2025)");

    auto wrong_group = core::pick_meeting(f.data, "Maidstone", "2025-11-20", "B", day(kToday));
    CHECK_FALSE(wrong_group.ok());
    CHECK(wrong_group.error.rfind("no LIFT meeting of Maidstone group B on 20 Nov 2025", 0) == 0);

    auto after_all = core::pick_meeting(f.data, "Maidstone", "", "", day("2025-12-05"));
    CHECK_FALSE(after_all.ok());
    CHECK(after_all.error ==
          "no LIFT meeting of Maidstone from 5 Dec 2025 on in the LIFT schedule");

    auto past_last = core::pick_meeting(f.data, "Maidstone", "2026-01-08", "", day(kToday));
    CHECK(past_last.error ==
          "no LIFT meeting of Maidstone on 8 Jan 2026 (the last is Thu 4 Dec 2025)");
}

TEST_CASE("the agenda lists the meeting's bookings by school then ref, in time slots") {
    RulesFixture f = world();
    f.pupil("P00003", "900002").pupil("P00002", "900002").pupil("P00009", "900001");
    f.prerequisites();
    f.lift("2025-11-20", "2025-11-10")                                 // Oakfield P00001
        .lift("2025-11-20", "2025-11-10", "Maidstone", "A", "P00003")  // Birch
        .lift("2025-11-20", std::nullopt, "Maidstone", "A", "P00002")  // Birch
        .lift("2025-12-04", std::nullopt, "Maidstone", "A", "P00009")  // another meeting
        .lift("2025-11-20", std::nullopt, "Ashford", "A", "P00009");   // another district

    core::SessionSettings settings;
    settings.minutes_per_case = 25;
    settings.start_minutes = 13 * 60 + 45;
    auto s = session(f, "2025-11-20", kToday, settings);
    REQUIRE(s.agenda.size() == 3);
    CHECK(s.agenda[0].ref == "P00002");  // Birch Academy before Oakfield Primary
    CHECK(s.agenda[1].ref == "P00003");
    CHECK(s.agenda[2].ref == "P00001");
    CHECK(s.agenda[0].slot == "13:45 \xe2\x80\x93 14:10");
    CHECK(s.agenda[1].slot == "14:10 \xe2\x80\x93 14:35");
    CHECK(s.agenda[2].start_minutes == 14 * 60 + 35);
    CHECK(s.agenda[2].end_minutes == 15 * 60);
    CHECK(s.cover.times == "13:45 \xe2\x80\x93 15:00  \xc2\xb7  25 min a case");
    CHECK(s.cover.summary == "3 pupils booked  \xc2\xb7  1 without paperwork");

    // Defaults: 20 minutes a case from 09:30.
    auto d = session(f, "2025-11-20");
    CHECK(d.agenda[0].slot == "09:30 \xe2\x80\x93 09:50");
    CHECK(d.agenda[2].slot == "10:10 \xe2\x80\x93 10:30");

    // The slot holding a time of day.
    CHECK_FALSE(core::item_at(d, 9 * 60).has_value());
    CHECK(core::item_at(d, 9 * 60 + 49) == 0u);
    CHECK(core::item_at(d, 9 * 60 + 50) == 1u);
    CHECK(core::item_at(d, 12 * 60) == 2u);
}

TEST_CASE("each agenda item carries its readiness from the booking rules") {
    RulesFixture f = world();
    f.pupil("P00002", "900001");
    f.event(EventKind::consent_given, "2025-01-10").event(EventKind::surgery, "2025-02-01");
    f.lift("2025-11-20", "2025-11-10");
    // P00002: no consent, no Surgery, no paperwork.
    f.lift("2025-11-20", std::nullopt, "Maidstone", "A", "P00002");
    auto s = session(f, "2025-11-20");
    REQUIRE(s.agenda.size() == 2);
    const auto& ready = s.agenda[0].booking;
    CHECK(s.agenda[0].ref == "P00001");
    CHECK(ready.word == "READY");
    CHECK(ready.consent == Status::ok);
    CHECK(ready.surgery == Status::ok);
    const auto& blocked = s.agenda[1].booking;
    CHECK(blocked.word == "BLOCKED");
    CHECK(blocked.consent == Status::blocked);
    CHECK(blocked.surgery == Status::blocked);
    CHECK(blocked.paperwork_status == Status::overdue);
    CHECK(s.ready == 1);
    CHECK(s.not_ready == 1);
}

TEST_CASE("the case summary has the Surgery advice, earlier recommendations and today's outcomes") {
    RulesFixture f = world();
    f.prerequisites();
    f.detailed(EventKind::recommendation, "2025-03-13", "advice", "2025-06-01", "school");
    f.detailed(EventKind::impact_review, "2025-06-02", "no_impact");
    f.detailed(EventKind::recommendation, "2025-06-12", "health", "2025-11-25");
    f.detailed(EventKind::recommendation, "2025-06-12", "training");
    f.lift("2025-11-20", "2025-11-10");
    // Recorded at this meeting.
    f.event(EventKind::lift_discussed, "2025-11-20");
    f.detailed(EventKind::recommendation, "2025-11-20", "specialist_intervention", "2026-05-20",
               "EP");
    core::Event caselist{RulesFixture::pupil_ref, EventKind::caselist_opened, day("2025-11-20"),
                         "Reads a page unaided", ""};
    f.data.events.push_back(caselist);

    auto s = session(f, "2025-11-20");
    REQUIRE(s.agenda.size() == 1);
    const core::CaseSummary& c = s.agenda[0].summary;
    CHECK(c.year == "Year 4");
    CHECK(c.need_area == "C&L");
    CHECK(c.card.school == "Oakfield Primary, Maidstone");
    REQUIRE(c.surgery_advice.size() == 1);
    CHECK(c.surgery_advice[0].what == "Discussed at Surgery");

    REQUIRE(c.past_recommendations.size() == 3);
    CHECK(c.past_recommendations[0].what == "Advice, support and ideas");
    CHECK(c.past_recommendations[0].owner == "school");
    CHECK(c.past_recommendations[0].review == "reviewed 2 Jun 2025: no impact");
    // The second June review is answered by no review yet: due within the window.
    CHECK(c.past_recommendations[1].review == "review due 25 Nov 2025");
    CHECK(c.past_recommendations[1].status == Status::due);
    CHECK(c.past_recommendations[2].review == "no review date");

    CHECK(c.discussed);
    REQUIRE(c.outcomes.size() == 3);
    CHECK(c.decision == core::StlsDecision::caselist);
    CHECK(c.decision_text == "Taken onto the caselist: Reads a page unaided");
    bool specialist = false;
    for (const auto& o : c.outcomes)
        if (o.kind == EventKind::recommendation) {
            specialist = true;
            CHECK(o.what == "Specialist intervention");
            CHECK(o.detail == "owner: EP  \xc2\xb7  review by 20 May 2026");
        }
    CHECK(specialist);
    CHECK(s.discussed == 1);
}

TEST_CASE("the cover has the district, group, venue, deadline, term and the group's schools") {
    RulesFixture f = world();
    auto s = session(f, "2025-11-20");
    CHECK(s.cover.district == "Maidstone");
    CHECK(s.cover.group_label == "Group A");
    CHECK(s.cover.date_text == "Thu 20 Nov 2025");
    CHECK(s.cover.when == "today");
    CHECK(s.cover.venue == "Hall");
    CHECK(s.cover.deadline_text == "Paperwork by Thu 13 Nov 2025");
    CHECK(s.cover.term == "autumn 2025/26");
    REQUIRE(s.cover.schools.size() == 2);  // Cedar is in group B
    CHECK(s.cover.schools[0] == "Birch Academy");
    CHECK(s.cover.schools[1] == "Oakfield Primary");
    CHECK(s.agenda.empty());
    CHECK(s.cover.summary == "No pupils booked");
    CHECK(s.cover.times.empty());
    // A recommendation made here is reviewed two terms on: 20 Nov is 78 days into
    // autumn, so 78 days into summer 2026 (13 Apr + 78 = 30 Jun).
    REQUIRE(s.default_review.has_value());
    CHECK(*s.default_review == day("2026-06-30"));
}

TEST_CASE("beyond the term calendar there is no default review date, and the model says why") {
    RulesFixture f = world();
    f.meeting("2026-06-04", "2026-05-28");
    auto s = session(f, "2026-06-04", "2026-06-04");
    CHECK_FALSE(s.default_review.has_value());
    CHECK(s.review_note == "the term calendar does not cover two terms after 4 Jun 2026");
}

TEST_CASE("the case timer counts the slot down, amber at five minutes left, red when over") {
    auto fresh = core::case_timer(0, 20);
    CHECK(fresh.remaining_seconds == 20 * 60);
    CHECK(fresh.colour == core::TimerColour::normal);
    CHECK(fresh.text == "20:00 left");

    CHECK(core::case_timer(14 * 60 + 59, 20).colour == core::TimerColour::normal);
    auto amber = core::case_timer(15 * 60, 20);
    CHECK(amber.colour == core::TimerColour::amber);
    CHECK(amber.text == "5:00 left");
    auto last = core::case_timer(20 * 60, 20);
    CHECK(last.colour == core::TimerColour::amber);
    CHECK(last.text == "0:00 left");
    auto over = core::case_timer(22 * 60 + 10, 20);
    CHECK(over.colour == core::TimerColour::red);
    CHECK(over.remaining_seconds == -130);
    CHECK(over.text == "2:10 over");
    // A clock that runs backwards never shows more than the slot.
    CHECK(core::case_timer(-30, 20).remaining_seconds == 20 * 60);

    const auto start = std::chrono::steady_clock::time_point{} + std::chrono::hours(5);
    CHECK(core::case_timer(start, start + std::chrono::seconds(1199), 20).text == "0:01 left");
}

TEST_CASE("clock_text wraps the day and pads minutes") {
    CHECK(core::clock_text(9 * 60 + 5) == "09:05");
    CHECK(core::clock_text(23 * 60 + 59) == "23:59");
    CHECK(core::clock_text(24 * 60 + 30) == "00:30");
}

// The meeting board's model: the two-week window from the Monday of today's week, the
// home district only, the group's schools per term (lift_groups over schools.lift_group),
// each booking's checks as the rules give them, the referral cap count, days left to
// the paperwork deadline, Surgery and unscheduled bookings, and the privacy-safe label.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "core/meetings.hpp"
#include "support/rules_fixture.hpp"

using core::MeetingKind;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

namespace {

// Today is Thursday 20 Nov 2025: the window is Mon 17 Nov .. Sun 30 Nov.
constexpr const char* kToday = "2025-11-20";

core::MeetingBoardModel build(RulesFixture& f, const char* today = kToday,
                              const char* home = "Maidstone") {
    f.data.index();
    core::RulesEngine engine(f.data, f.config);
    return core::build_meetings(f.data, engine, {}, {day(today), home, f.config.referral_cap});
}

const core::MeetingCard* card_on(const core::MeetingBoardModel& m, const char* date,
                                 MeetingKind kind = MeetingKind::lift) {
    for (const auto& c : m.cards)
        if (c.date == day(date) && c.kind == kind) return &c;
    return nullptr;
}

bool has_mark(const core::MeetingBooking& b, const std::string& text) {
    return std::any_of(b.marks.begin(), b.marks.end(),
                       [&](const core::BookingMark& m) { return m.text.rfind(text, 0) == 0; });
}

}  // namespace

TEST_CASE("the window runs from Monday of this week to Sunday of next week, home district only") {
    RulesFixture f;
    f.meeting("2025-11-16", "2025-11-09")                      // Sunday before: out
        .meeting("2025-11-17", "2025-11-10")                   // Monday: this week
        .meeting("2025-11-30", "2025-11-23")                   // Sunday of next week: in
        .meeting("2025-12-01", "2025-11-24")                   // the Monday after: out
        .meeting("2025-11-20", "2025-11-13", "A", "Ashford");  // another district: out
    f.data.surgeries.push_back({"maidstone", day("2025-11-25"), "Base", ""});  // any case
    auto m = build(f);
    REQUIRE(m.cards.size() == 3);
    CHECK(m.cards[0].date == day("2025-11-17"));
    CHECK(m.cards[0].this_week);
    CHECK(m.cards[1].kind == MeetingKind::surgery);
    CHECK_FALSE(m.cards[1].this_week);
    CHECK(m.cards[2].date == day("2025-11-30"));
    CHECK(m.weeks[0].monday == day("2025-11-17"));
    CHECK(m.weeks[0].label == "This week  17 Nov \xe2\x80\x93 23 Nov");
    CHECK(m.weeks[1].label == "Next week  24 Nov \xe2\x80\x93 30 Nov");
    CHECK(m.cards[0].when == "3 days ago");
    CHECK(m.cards[1].when == "in 5 days");

    // On the Sunday the window still starts on that week's Monday.
    auto sunday = build(f, "2025-11-23");
    CHECK(sunday.weeks[0].monday == day("2025-11-17"));
    CHECK(sunday.cards.size() == 3);
    // Another home district sees its own meeting only.
    auto ashford = build(f, kToday, "Ashford");
    REQUIRE(ashford.cards.size() == 1);
    CHECK(ashford.district == "Ashford");
}

TEST_CASE("a meeting lists the schools of its group for the meeting's term") {
    RulesFixture f;  // Oakfield Primary (900001): group A on record
    f.data.schools.push_back({"900002", "Birch Academy", "Maidstone", "B", "primary"});
    f.data.schools.push_back({"900003", "Cedar School", "Maidstone", "A", "primary"});
    f.data.schools.push_back({"900004", "Ashford Elm", "Ashford", "A", "primary"});
    // In autumn 2025/26 Birch attends group A and Cedar group B.
    f.data.lift_groups.push_back({"900002", "2025/26", core::TermName::autumn, "A"});
    f.data.lift_groups.push_back({"900003", "2025/26", core::TermName::autumn, "B"});
    f.meeting("2025-11-20", "2025-11-13", "A");
    auto m = build(f);
    REQUIRE(m.cards.size() == 1);
    std::vector<std::string> names;
    for (const auto& s : m.cards[0].schools) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"Birch Academy", "Oakfield Primary"});
    CHECK(m.cards[0].group_label == "Group A");

    // In the spring term (no lift_groups rows) the schools' own groups apply again.
    RulesFixture g;
    g.data.schools.push_back({"900002", "Birch Academy", "Maidstone", "B", "primary"});
    g.data.lift_groups.push_back({"900002", "2025/26", core::TermName::autumn, "A"});
    g.meeting("2026-01-08", "2026-01-01", "A");
    auto spring = build(g, "2026-01-06");
    REQUIRE(spring.cards.size() == 1);
    REQUIRE(spring.cards[0].schools.size() == 1);
    CHECK(spring.cards[0].schools[0].name == "Oakfield Primary");
}

TEST_CASE("a booking without consent or an earlier Surgery is BLOCKED, in words") {
    RulesFixture f;
    f.meeting("2025-11-27", "2025-11-20").lift("2025-11-27", "2025-11-18");
    auto m = build(f);
    const auto* card = card_on(m, "2025-11-27");
    REQUIRE(card);
    REQUIRE(card->bookings.size() == 1);
    const auto& b = card->bookings[0];
    CHECK(b.consent == Status::blocked);
    CHECK(b.surgery == Status::blocked);
    CHECK(b.worst == Status::blocked);
    CHECK(b.word == "BLOCKED");
    CHECK(has_mark(b, "NO CONSENT"));
    CHECK(has_mark(b, "NO SURGERY FIRST"));
    CHECK(card->blocked == 1);
    CHECK(m.blocked == 1);

    // Consent and a Surgery on record clear both; the paperwork is in: READY.
    RulesFixture ok;
    ok.prerequisites().meeting("2025-11-27", "2025-11-20").lift("2025-11-27", "2025-11-18");
    auto fine = build(ok);
    const auto& r = card_on(fine, "2025-11-27")->bookings.at(0);
    CHECK(r.consent == Status::ok);
    CHECK(r.surgery == Status::ok);
    CHECK(r.word == "READY");
    CHECK(r.paperwork == "Paperwork in Tue 18 Nov");
    CHECK(r.paperwork_received == day("2025-11-18"));
    CHECK_FALSE(r.days_left);
    CHECK(has_mark(r, "consent and Surgery on record"));
}

TEST_CASE("missing paperwork counts the days left to the deadline, negative once overdue") {
    RulesFixture f;
    // The schedule's deadline (24 Nov) replaces meeting - 7 days.
    f.prerequisites().meeting("2025-11-27", "2025-11-24").lift("2025-11-27");
    auto soon = build(f);
    const auto& due = card_on(soon, "2025-11-27")->bookings.at(0);
    CHECK(due.days_left == 4);
    CHECK(due.paperwork == "No paperwork, 4 days left");
    CHECK(due.paperwork_status == Status::due);
    CHECK(due.word == "DUE SOON");

    RulesFixture late;
    late.prerequisites().meeting("2025-11-20", "2025-11-13").lift("2025-11-20");
    auto m = build(late);
    const auto* card = card_on(m, "2025-11-20");
    const auto& overdue = card->bookings.at(0);
    CHECK(overdue.days_left == -7);
    CHECK(overdue.paperwork == "NO PAPERWORK, 7 days overdue");
    CHECK(overdue.paperwork_status == Status::overdue);
    CHECK(overdue.word == "OVERDUE");
    CHECK(card->overdue == 1);
    CHECK(card->paperwork_missing == 1);
    CHECK(card->summary == "1 pupil booked  \xc2\xb7  1 without paperwork");
    CHECK(card->deadline_passed);

    // Paperwork that arrived after the deadline is a warning, not missing.
    RulesFixture after;
    after.prerequisites().meeting("2025-11-20", "2025-11-13").lift("2025-11-20", "2025-11-15");
    auto late_model = build(after);
    const auto& warned = card_on(late_model, "2025-11-20")->bookings.at(0);
    CHECK(warned.paperwork == "Paperwork LATE, in Sat 15 Nov");
    CHECK(warned.paperwork_status == Status::warning);
    CHECK(warned.word == "CHECK");
    CHECK_FALSE(warned.days_left);
}

TEST_CASE("a booking for another group is marked with the school's group for the term") {
    RulesFixture f;
    f.prerequisites()
        .meeting("2025-11-27", "2025-11-20", "B")
        .lift("2025-11-27", "2025-11-18", "Maidstone", "B");
    auto m = build(f);
    const auto& b = card_on(m, "2025-11-27")->bookings.at(0);
    CHECK(b.group == Status::warning);
    CHECK(has_mark(b, "WRONG GROUP (school: A)"));
}

TEST_CASE("the referral cap: a school's fourth booking at one meeting flags all four") {
    RulesFixture f;
    f.prerequisites().meeting("2025-11-27", "2025-11-20");
    for (int i = 2; i <= 4; ++i) {
        const std::string ref = "P0000" + std::to_string(i);
        f.pupil(ref, RulesFixture::school_urn)
            .event(core::EventKind::consent_given, "2024-01-10", ref)
            .event(core::EventKind::surgery, "2024-01-15", ref);
    }
    for (int i = 1; i <= 3; ++i)
        f.lift("2025-11-27", "2025-11-18", "Maidstone", "A", "P0000" + std::to_string(i));
    auto three = build(f);
    const auto* card = card_on(three, "2025-11-27");
    REQUIRE(card->bookings.size() == 3);
    for (const auto& b : card->bookings) {
        CHECK(b.cap == Status::ok);
        CHECK(b.school_bookings == 3);
    }
    CHECK(card->cap_text.empty());
    REQUIRE(card->schools.size() == 1);
    CHECK(card->schools[0].booked == 3);

    f.lift("2025-11-27", "2025-11-18", "Maidstone", "A", "P00004");
    auto four = build(f);
    card = card_on(four, "2025-11-27");
    REQUIRE(card->bookings.size() == 4);
    for (const auto& b : card->bookings) {
        CHECK(b.cap == Status::warning);
        CHECK(b.school_bookings == 4);
        CHECK(has_mark(b, "OVER CAP 4/3"));
    }
    CHECK(card->cap_text == "OVER CAP: Oakfield Primary 4 of 3");
    CHECK(card->schools[0].over_cap);
}

TEST_CASE("bookings sort most severe first, labels are initials and refs only") {
    RulesFixture f;
    f.prerequisites().meeting("2025-11-27", "2025-11-20").lift("2025-11-27", "2025-11-18");
    f.name("Fictional", "Child");
    f.pupil("P00002", RulesFixture::school_urn)
        .lift("2025-11-27", "2025-11-18", "Maidstone", "A", "P00002");
    auto m = build(f);
    const auto* card = card_on(m, "2025-11-27");
    REQUIRE(card->bookings.size() == 2);
    CHECK(card->bookings[0].pupil_label == "A.B.  P00002");  // blocked: no consent
    CHECK(card->bookings[0].word == "BLOCKED");
    CHECK(card->bookings[1].pupil_label == "A.B.  P00001");
    CHECK(card->bookings[1].full_name == "Fictional Child");
    CHECK(card->bookings[1].school == "Oakfield Primary");
}

TEST_CASE("Surgery bookings join their Surgery, a date off the schedule still gets a card") {
    RulesFixture f;
    f.data.surgeries.push_back({"Maidstone", day("2025-11-25"), "STLS base", ""});
    f.surgery_booking("2025-11-25");
    f.prerequisites().lift("2025-12-04");  // outside the window
    f.lift("2025-11-21", "2025-11-10");    // no meeting on Fri 21 Nov
    auto m = build(f);
    const auto* surgery = card_on(m, "2025-11-25", MeetingKind::surgery);
    REQUIRE(surgery);
    REQUIRE(surgery->bookings.size() == 1);
    CHECK(surgery->bookings[0].word == "BOOKED");
    CHECK(surgery->kind_label == "Surgery");
    const auto* off = card_on(m, "2025-11-21");
    REQUIRE(off);
    CHECK_FALSE(off->scheduled);
    CHECK(off->bookings.size() == 1);
    CHECK(off->deadline == day("2025-11-14"));
    CHECK(m.cards.size() == 2);
    CHECK(m.booked == 2);
}

TEST_CASE("an empty window has no cards and a meeting without bookings says so") {
    RulesFixture f;
    CHECK(build(f).cards.empty());
    f.meeting("2025-11-27", "2025-11-20");
    auto m = build(f);
    REQUIRE(m.cards.size() == 1);
    CHECK(m.cards[0].summary == "No pupils booked yet");
    CHECK(m.cards[0].deadline_text == "Paperwork by Thu 20 Nov  \xc2\xb7  closes today");
}

TEST_CASE("RulesEngine::check_booking answers for the pupil's own LIFT bookings only") {
    RulesFixture f;
    f.prerequisites().meeting("2025-11-27", "2025-11-24").lift("2025-11-27");
    f.pupil("P00002", RulesFixture::school_urn)
        .lift("2025-11-27", "2025-11-18", "Maidstone", "A", "P00002");
    f.data.index();
    core::RulesEngine engine(f.data, f.config);
    const auto& own = f.data.bookings_of(size_t{0})[0];
    const auto& other = f.data.bookings_of(size_t{1})[0];
    auto check = engine.check_booking(0, own, day(kToday));
    CHECK(check.deadline == day("2025-11-24"));
    CHECK_FALSE(check.paperwork_received);
    CHECK(check.school_bookings == 2);
    REQUIRE(check.findings.size() == 1);
    CHECK(check.findings[0].rule == core::RuleId::paperwork_deadline);
    // P00002's booking is not pupil 0's: nothing is checked.
    auto wrong = engine.check_booking(0, other, day(kToday));
    CHECK(wrong.findings.empty());
    CHECK(wrong.school_bookings == 0);
    // P00002 has neither consent nor a Surgery: both prerequisites fail, in rule order.
    auto theirs = engine.check_booking(1, other, day(kToday));
    REQUIRE(theirs.findings.size() == 2);
    CHECK(theirs.findings[0].rule == core::RuleId::consent_before_referral);
    CHECK(theirs.findings[1].rule == core::RuleId::surgery_before_lift);
    CHECK(theirs.paperwork_received == day("2025-11-18"));
}

// What the triage actions offer: teachers to assign (home district first), meetings to
// book (the school's group, deadline not passed, referral cap not reached; Surgeries of
// the district) and the LIFT booking that "paperwork received" is for.
#include <catch2/catch.hpp>

#include "core/triage_options.hpp"
#include "support/rules_fixture.hpp"

using core::BookingKind;
using test_support::day;
using test_support::RulesFixture;

namespace {

constexpr const char* kToday = "2025-11-20";
constexpr int kCap = 3;

// The fixture's school (Maidstone, group A) with a schedule around 20 Nov 2025.
struct Schedule {
    Schedule() {
        f.meeting("2025-11-13", "2025-11-06");  // past
        f.meeting("2025-11-27", "2025-11-20");  // deadline today: still open
        f.meeting("2025-12-04", "2025-11-27");
        f.meeting("2025-12-11", "2025-12-04", "B");           // another group
        f.meeting("2025-12-11", "2025-12-04", "A", "Dover");  // another district
        f.meeting("2025-12-18", "2025-11-19");                // deadline passed, meeting ahead
        f.data.surgeries.push_back({"Maidstone", day("2025-11-19"), "Office", ""});
        f.data.surgeries.push_back({"Maidstone", day("2025-11-25"), "Office", "ST01"});
        f.data.surgeries.push_back({"Maidstone", day("2025-11-25"), "Office", "ST02"});
        f.data.surgeries.push_back({"Dover", day("2025-11-26"), "Hall", ""});
        f.data.surgeries.push_back({"maidstone", day("2025-12-02"), "", ""});
    }
    std::vector<core::MeetingOption> options(size_t max_each = 4) {
        f.data.index();
        return core::meeting_options(
            f.data, static_cast<size_t>(f.data.pupil_index(RulesFixture::pupil_ref)), day(kToday),
            kCap, max_each);
    }
    // `count` other pupils of `urn` booked into LIFT on `date`.
    void book_others(int count, const char* date,
                     const std::string& urn = RulesFixture::school_urn) {
        for (int i = 0; i < count; ++i) {
            const std::string ref = "Q" + urn + std::to_string(i) + date;
            f.pupil(ref, urn).lift(date, std::nullopt, "Maidstone", "A", ref);
        }
    }
    RulesFixture f;
};

std::vector<std::string> dates(const std::vector<core::MeetingOption>& options, BookingKind kind) {
    std::vector<std::string> out;
    for (const auto& o : options)
        if (o.kind == kind) out.push_back(core::to_iso(o.date));
    return out;
}

}  // namespace

TEST_CASE("LIFT options: the school's district and group, deadline not passed, by date") {
    Schedule s;
    auto options = s.options();
    CHECK(dates(options, BookingKind::lift) ==
          std::vector<std::string>{"2025-11-27", "2025-12-04"});
    REQUIRE(!options.empty());
    const auto& first = options.front();
    CHECK(first.kind == BookingKind::lift);
    CHECK(first.group == "A");
    CHECK(first.district == "Maidstone");
    CHECK(first.deadline == day("2025-11-20"));
    CHECK(first.label == "LIFT Thu 27 Nov, group A, deadline 20 Nov, 3 places left");
    auto booking = first.booking("P00001");
    CHECK(booking.pupil_ref == "P00001");
    CHECK(booking.kind == BookingKind::lift);
    CHECK(booking.meeting_date == day("2025-11-27"));
    CHECK(booking.group == "A");
    CHECK_FALSE(booking.paperwork_received);
}

TEST_CASE("LIFT options follow the per-term group when lift_groups overrides the school's") {
    Schedule s;
    s.f.data.lift_groups.push_back(
        {RulesFixture::school_urn, "2025/26", core::TermName::autumn, "B"});
    CHECK(dates(s.options(), BookingKind::lift) == std::vector<std::string>{"2025-12-11"});
}

TEST_CASE("a meeting where the school has reached the referral cap is not offered") {
    Schedule s;
    s.book_others(kCap, "2025-11-27");
    s.book_others(kCap - 1, "2025-12-04");
    s.book_others(kCap, "2025-12-04", "900099");  // another school's bookings do not count
    s.f.data.schools.push_back({"900099", "Elm School", "Maidstone", "A", "primary"});
    auto options = s.options();
    CHECK(dates(options, BookingKind::lift) == std::vector<std::string>{"2025-12-04"});
    CHECK(options.front().school_bookings == kCap - 1);
    CHECK(options.front().label.ends_with("1 place left"));
}

TEST_CASE("meetings the pupil is already booked into are not offered again") {
    Schedule s;
    s.f.lift("2025-11-27");
    s.f.data.bookings.push_back(
        {RulesFixture::pupil_ref, BookingKind::surgery, day("2025-11-25"), "Maidstone", "", {}});
    auto options = s.options();
    CHECK(dates(options, BookingKind::lift) == std::vector<std::string>{"2025-12-04"});
    CHECK(dates(options, BookingKind::surgery) == std::vector<std::string>{"2025-12-02"});
}

TEST_CASE("Surgery options: the district's, from today, one per date, after the LIFT ones") {
    Schedule s;
    auto options = s.options();
    CHECK(dates(options, BookingKind::surgery) ==
          std::vector<std::string>{"2025-11-25", "2025-12-02"});
    REQUIRE(options.size() == 4);
    CHECK(options[2].label == "Surgery Tue 25 Nov, Office");
    CHECK(options[3].label == "Surgery Tue 2 Dec");
    CHECK(options[2].booking("P00001").kind == BookingKind::surgery);
    CHECK(options[2].booking("P00001").group.empty());
}

TEST_CASE("at most max_each options of each kind") {
    Schedule s;
    auto options = s.options(1);
    CHECK(dates(options, BookingKind::lift) == std::vector<std::string>{"2025-11-27"});
    CHECK(dates(options, BookingKind::surgery) == std::vector<std::string>{"2025-11-25"});
}

TEST_CASE("a pupil of an unknown school has no meeting options") {
    Schedule s;
    core::Pupil p = s.f.data.pupils.record(0);
    p.school_urn = "999999";
    s.f.data.pupils.replace(0, p);
    CHECK(s.options().empty());
}

TEST_CASE("teacher options: specialist teachers of the school's district first, Unassigned last") {
    RulesFixture f;
    f.data.staff.push_back({"ST09", "Zed Teacher", core::Role::specialist_teacher, "Maidstone"});
    f.data.staff.push_back({"ST01", "Amy Teacher", core::Role::specialist_teacher, "Dover"});
    f.data.staff.push_back({"ST02", "Bea Teacher", core::Role::specialist_teacher, "Maidstone"});
    f.data.staff.push_back({"LD01", "Lee Lead", core::Role::lead, "Maidstone"});
    f.data.index();
    auto options = core::teacher_options(f.data, 0);
    REQUIRE(options.size() == 4);
    CHECK(options[0].staff_id == "ST02");
    CHECK(options[0].label == "Bea Teacher (Maidstone)");
    CHECK(options[1].staff_id == "ST09");
    CHECK(options[2].staff_id == "ST01");
    CHECK(options[3].staff_id.empty());
    CHECK(options[3].label == "Unassigned");
}

TEST_CASE("paperwork is recorded against the next LIFT booking without it, else the last one") {
    RulesFixture f;
    f.lift("2025-10-02").lift("2025-11-06", "2025-10-30").lift("2025-12-04").lift("2026-01-08");
    f.data.index();
    CHECK(core::paperwork_booking(f.data, 0, day(kToday)) == day("2025-12-04"));
    CHECK(core::paperwork_booking(f.data, 0, day("2026-02-01")) == day("2026-01-08"));
    CHECK(core::paperwork_booking(f.data, 0, day("2025-11-01")) == day("2025-12-04"));

    RulesFixture none;
    none.lift("2025-12-04", "2025-11-20").surgery_booking("2025-12-01");
    none.data.index();
    CHECK_FALSE(core::paperwork_booking(none.data, 0, day(kToday)));
    CHECK_FALSE(core::paperwork_booking(none.data, 5, day(kToday)));
}

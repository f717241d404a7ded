// The meeting board's model: the home district's LIFT meetings and STLS Surgeries of this
// week and next (Monday of today's week to the Sunday after), each with its group, venue,
// deadline, the schools of the group for the meeting's term and the pupils booked, every
// LIFT booking carrying the booking rules' results. Built once per snapshot; every text a
// card shows is formatted here, so a frame formats nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment_table.hpp"
#include "core/dataset.hpp"
#include "core/date.hpp"
#include "core/rules.hpp"

namespace core {

// A short coloured word or phrase on a booking's detail line: "NO CONSENT", "OVER CAP 4/3".
struct BookingMark {
    std::string text;
    Status status = Status::ok;
};

struct MeetingBooking {
    uint32_t pupil = 0;       // index into Dataset::pupils
    std::string pupil_label;  // privacy-safe: "A.B.  P00012"
    std::string full_name;    // only drawn when privacy is off
    std::string school;
    // The one word a room reads first: BLOCKED, OVERDUE, DUE, CHECK, READY (LIFT), BOOKED
    // (Surgery); `worst` is its status and colour.
    std::string word;
    Status worst = Status::ok;
    // Paperwork: "in Tue 18 Nov", "missing, 5 days left", "MISSING, 3 days overdue".
    std::string paperwork;
    Status paperwork_status = Status::ok;
    std::optional<Date> paperwork_received;
    Date deadline;                 // LIFT: the paperwork deadline the rules used
    std::optional<int> days_left;  // to the deadline while missing; negative = overdue
    // Prerequisites and limits, from the rules (ok when the rule passed).
    Status consent = Status::ok;  // consent-before-referral
    Status surgery = Status::ok;  // surgery-before-lift
    Status group = Status::ok;    // lift-group
    Status cap = Status::ok;      // referral-cap
    int school_bookings = 0;      // the school's LIFT bookings at this meeting
    // LIFT: failed checks in rule order, or "consent and Surgery on record" when none
    // failed. Surgery: the pupil's stage ("stage: SEN Support").
    std::vector<BookingMark> marks;
};

struct MeetingSchool {
    std::string name;
    int booked = 0;  // its LIFT bookings at the meeting
    bool over_cap = false;
};

enum class MeetingKind : uint8_t { lift, surgery };

struct MeetingCard {
    MeetingKind kind = MeetingKind::lift;
    Date date;
    bool this_week = true;    // false: next week
    bool scheduled = true;    // false: bookings for a date the schedule does not have
    std::string kind_label;   // "LIFT" / "Surgery"
    std::string date_text;    // "Thu 20 Nov"
    std::string when;         // "today", "tomorrow", "in 7 days", "3 days ago"
    std::string group;        // "B" as the schedule spells it (LIFT), "" (Surgery)
    std::string group_label;  // "Group B"
    std::string venue;        // "" when the schedule gives none
    std::string lead;         // Surgery: "with <teacher>" when the schedule names one
    std::optional<Date> deadline;
    std::string deadline_text;  // "Paperwork by Thu 13 Nov  (closed)"
    bool deadline_passed = false;
    std::vector<MeetingSchool> schools;  // LIFT: the group's schools for the term, by name
    std::string cap_text;  // "OVER CAP: Oak Primary 4 of 3", "OVER CAP: 2 schools ...", ""
    std::vector<MeetingBooking> bookings;  // most severe first, then by label
    int blocked = 0, overdue = 0, due = 0, warnings = 0, ready = 0;
    int paperwork_missing = 0;
    std::string summary;  // "6 booked · 2 without paperwork"
};

struct MeetingWeek {
    Date monday;
    std::string label;  // "This week  17 – 23 Nov"
};

struct MeetingBoardModel {
    std::string district;            // the home district as the data spells it
    MeetingWeek weeks[2];            // this week, next week
    std::vector<MeetingCard> cards;  // by date (this week first), LIFT before Surgery
    int blocked = 0, overdue = 0, due = 0, warnings = 0, booked = 0;  // bookings, by worst
};

struct MeetingOptions {
    Date today;
    std::string_view home_district;
    int referral_cap = 3;
};

// Which meeting a booking is for: its district and group, or the school's where it
// names none (views into `data`).
struct BookingPlace {
    std::string_view district, group;
};
BookingPlace booking_place(const Dataset& data, const RulesEngine& engine, size_t pupil,
                           const BookingEntry& booking);

// One LIFT booking of data.pupils[pupil] (from data.bookings_of(pupil)) with the
// booking rules' results and texts, as a meeting card and the session agenda show it.
MeetingBooking lift_booking_row(const Dataset& data, const RulesEngine& engine, size_t pupil,
                                const BookingEntry& booking, const MeetingOptions& options);

// The schools of a district's LIFT group for the term holding `date` (lift-group's
// reading: lift_groups, else schools.lift_group), by name.
std::vector<const School*> group_schools(const Dataset& data, const RulesEngine& engine,
                                         std::string_view district, std::string_view group,
                                         Date date);

// `engine` must have been built over `data`; `assessments` parallel to data.pupils (a
// Surgery booking shows the pupil's stage) or empty.
MeetingBoardModel build_meetings(const Dataset& data, const RulesEngine& engine,
                                 const AssessmentTable& assessments, const MeetingOptions& options);

}  // namespace core

// The LIFT meeting as the chair runs it: which meeting (--meeting, else today's or the
// next of the home district), its cover facts, the agenda with time slots and each
// booking's readiness from the rules, and for every booked pupil the one-screen case
// summary the discussion needs (the pupil card's facts, Surgery advice so far, earlier
// LIFT recommendations with their reviews, and what this meeting has recorded). The
// session board draws it and the meeting pack and outcome sheets print it: one model,
// so nothing is computed twice. Pure: no ImGui, no SQLite, no clock (the caller passes
// "today"; the case timer is in lift_session_timer.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/meetings.hpp"
#include "core/pupil_card_model.hpp"
#include "core/rules.hpp"

namespace core {

struct Snapshot;

// [session] settings.
struct SessionSettings {
    int minutes_per_case = 20;        // [session] minutes_per_case
    int start_minutes = 9 * 60 + 30;  // [session] start, minutes after midnight (09:30)
};

// "09:30" for minutes after midnight.
std::string clock_text(int minutes);

// The meeting a session is for, or why there is none.
struct MeetingPick {
    std::optional<LiftMeeting> meeting;
    std::string error;  // one line naming what was asked for; "" when a meeting was found
    bool ok() const { return meeting.has_value(); }
};

// `meeting_text` as typed after --meeting (YYYY-MM-DD or DD/MM/YYYY; "" for the
// default: the district's LIFT today, else its next one). `group` ("" any) picks among
// several meetings of the district on that date (the schedule's key is district, date
// and group); with several and no group, the first by group. Errors: "'2025-13-01' is
// not a date: use YYYY-MM-DD", "no LIFT meeting of Maidstone on 4 Dec 2025 (nearest:
// Thu 27 Nov 2025, Thu 11 Dec 2025)", "no LIFT meeting of Maidstone from 4 Dec 2025 on".
MeetingPick pick_meeting(const Dataset& data, std::string_view district,
                         std::string_view meeting_text, std::string_view group, Date today);

// The meeting pack's cover, and the session board's heading.
struct SessionCover {
    std::string district, group;  // as the schedule spells them
    std::string group_label;      // "Group B"
    Date date, deadline;
    std::string date_text;             // "Thu 20 Nov 2025"
    std::string when;                  // "today", "in 7 days", "3 days ago"
    std::string venue;                 // "" when the schedule gives none
    std::string deadline_text;         // "Paperwork by Thu 13 Nov 2025"
    std::string term;                  // "autumn 2025/26"; "" when the calendar lacks the date
    std::vector<std::string> schools;  // the group's schools this term, by name
    std::string times;    // "09:30 – 11:10  ·  20 min a case"; "" with nobody booked
    std::string summary;  // "5 pupils booked  ·  1 without paperwork", "No pupils booked"
};

// A LIFT recommendation made before this meeting, with what became of it.
struct PastRecommendation {
    Date date;
    std::string date_text;       // "13 Mar 2025"
    std::string what;            // "Specialist intervention"
    std::string owner;           // free text as recorded ("" none): privacy-checked by callers
    std::string note;            // free text, idem
    std::string review;          // "reviewed 2 Jun 2025: no impact", "review due 4 Jun 2025",
                                 // "no review date"
    Status status = Status::ok;  // due/overdue while the review is outstanding
};

// One outcome recorded at this meeting (an event dated the meeting's day).
struct RecordedOutcome {
    EventKind kind = EventKind::lift_discussed;
    std::string what;    // "Advice, support and ideas", "STLS consultation offered"
    std::string detail;  // "owner: school  ·  review by 4 Jun 2026", agreed outcome...
    std::string note;    // free text ("" none)
    std::string owner;   // free text ("" none)
    std::optional<Date> review_date;
};

// What STLS decided for the pupil at this meeting.
enum class StlsDecision : uint8_t { none, consultation, caselist };

struct CaseSummary {
    PupilCardModel card;    // school, facts, stage, next step, findings, timeline, HNF, EHC
    std::string year;       // "Year 4", "" unknown
    std::string need_area;  // "SEMH", "" unknown
    // Surgery advice so far: each Surgery discussion (and past Surgery booking) before
    // the meeting, oldest first, with its note.
    std::vector<CardEntry> surgery_advice;
    std::vector<PastRecommendation> past_recommendations;  // oldest first
    std::vector<RecordedOutcome> outcomes;  // recorded on the meeting's day, in date-kind order
    bool discussed = false;                 // a lift_discussed on the meeting's day
    StlsDecision decision = StlsDecision::none;
    // "Taken onto the caselist: <agreed outcome> (teacher <name>)", "STLS consultation
    // offered", "None recorded".
    std::string decision_text;
};

struct AgendaItem {
    MeetingBooking booking;  // pupil, label, full name, school, readiness (word, marks, statuses)
    std::string ref;         // "P000123"
    int start_minutes = 0, end_minutes = 0;  // after midnight
    std::string slot;                        // "09:30 – 09:50"
    CaseSummary summary;
};

struct LiftSession {
    LiftMeeting meeting;
    SessionSettings settings;
    Date today;
    SessionCover cover;
    // Booked pupils in agenda order: by school (a SENCo presents their pupils together),
    // then pupil ref; blocked cases keep their place, flagged by their readiness.
    std::vector<AgendaItem> agenda;
    // The review date a recommendation made here gets unless one is typed: two terms
    // after the meeting by the term calendar; nullopt (and `review_note` says why) when
    // the calendar does not reach.
    std::optional<Date> default_review;
    std::string review_note;
    int ready = 0, not_ready = 0;  // agenda items whose readiness is ok / not ok
    int discussed = 0;             // agenda items marked discussed
};

// `engine` built over `data`. The bookings of the meeting: LIFT bookings of its date in
// its district, of its group (when the district has several meetings that day).
LiftSession build_lift_session(const Dataset& data, const RulesEngine& engine,
                               const LiftMeeting& meeting, const SessionSettings& settings,
                               Date today);
// The same over a snapshot (its data, rules config and today), with the snapshot's
// engine (or one built here for a snapshot without).
LiftSession build_lift_session(const Snapshot& snapshot, const LiftMeeting& meeting,
                               const SessionSettings& settings);

// The agenda item whose slot holds `minutes` after midnight; nullopt before the first
// or with an empty agenda (after the last: the last).
std::optional<size_t> item_at(const LiftSession& session, int minutes);

}  // namespace core

// The pupil's place on the pathway (RULES.md "The pupil's stage") and the next step with
// the dates the rules allow for it. Pure functions of one pupil's events and bookings,
// the term calendar and "today"; the rules engine calls them once per pupil.
#pragma once

#include <span>

#include "core/calendar.hpp"
#include "core/domain.hpp"
#include "core/rules.hpp"

namespace core {

// Which pathway stage an event shows was reached; Stage::none for events that mark no
// progress (consent_given) and Stage::closed for case_closed.
Stage stage_of_event(EventKind kind);

// Furthest stage reached since the last case_closed. Events on the closing date count as
// before it (case_closed sorts last among a day's events); a booking counts when its date
// is after the closing date: a LIFT booking (any date) as `lift`, a Surgery booking
// dated on or before today as `surgery`. Nothing since the last closure: `closed`.
// An EHC plan in place (an ehcp_issued with no ehcp_ceased on or after it) gives `ehcp`,
// whether or not the case has since closed to STLS.
// `events` sorted by date then kind, as Dataset::index() leaves them.
Stage pupil_stage(EventRange events, BookingRange bookings, Date today);

// Finds LIFT meetings the pupil's school may attend; implemented by the rules engine
// over the schedule (tests may pass their own or none).
class MeetingLookup {
  public:
    virtual ~MeetingLookup() = default;
    // First meeting of the school's own district and group (for the meeting's term)
    // whose paperwork deadline is on or after `from`; nullptr when the schedule has none.
    virtual const LiftMeeting* next_meeting_for(size_t pupil_index, Date from) const = 0;
    // The meeting's paperwork deadline (schedule's, else meeting - 7 days).
    virtual Date deadline_of(const LiftMeeting& meeting) const = 0;
    // A LIFT booking's paperwork deadline, as paperwork-deadline measures it.
    virtual Date deadline_of(const BookingEntry& booking) const = 0;
};

struct NextStepInputs {
    const TermCalendar& calendar;
    const RulesConfig& config;
    Date today;
    size_t pupil_index = 0;
    const MeetingLookup* meetings = nullptr;  // may be null: no meeting suggested
};

NextStep next_step(Stage stage, EventRange events, BookingRange bookings,
                   const NextStepInputs& inputs);

}  // namespace core

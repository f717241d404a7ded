// Validation of the triage forms: what a person typed becomes a typed command, or a
// message per field saying what to fix. Pure functions of the input, the dataset and
// "today", so every message is unit-tested and a form never submits bad input.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/command.hpp"
#include "core/dataset.hpp"

namespace core {

struct DateCheck {
    std::optional<Date> date;
    std::string message;  // "" when the date is good
};

// A date that already happened: YYYY-MM-DD or DD/MM/YYYY, not after `today`.
// `what` names it in messages ("consent date").
DateCheck check_past_date(std::string_view text, Date today, std::string_view what);

// A school by URN, else by name (case-insensitive, whole name or a prefix that only
// one school has). Null when none or several match.
const School* find_school(const Dataset& data, std::string_view text);

struct ReferralInput {
    std::string pupil_ref, school, initials;
    NeedArea need_area = NeedArea::none;  // none = not chosen yet
    std::string consent_date;
};

struct ReferralCheck {
    std::optional<NewReferral> command;  // set when every field is good
    // Inline messages, "" when the field is good.
    std::string pupil_ref, school, initials, need_area, consent_date;
    const School* school_found = nullptr;  // for the form to show whose URN was typed
    bool ok() const { return command.has_value(); }
};

// Pupil ref: 1-20 letters, digits, '-', '_' or '/', not used by another pupil.
// School: exists (see find_school). Initials: 1-4 letters, dots and spaces ignored.
// Need area: chosen. Consent date: a valid date, not in the future.
ReferralCheck check_referral(const ReferralInput& input, const Dataset& data, Date today);

// The events a triage can record, in the order the form lists them: the pathway's,
// then what follows LIFT (issue 11) - the impact review that answers a recommendation,
// the HNF application and the statutory EHC steps.
enum class TriageEvent : uint8_t {
    paperwork_received,
    consent_given,
    visit,
    recommendation,
    case_closed,
    impact_review,
    hnf_applied,
    hnf_decision,
    ehcna_requested,
    ehcna_decision,
    ehcp_draft,
    ehcp_issued,
    ehcp_declined,
    annual_review,
    ehcp_ceased,
};
inline constexpr int kTriageEventCount = 15;
std::string_view triage_event_label(TriageEvent event);  // "Paperwork received"
// The detail values the event needs a choice from (recommendation type, closing
// outcome, review result, decision); empty when it takes none.
std::span<const std::string_view> triage_event_details(TriageEvent event);
// What the detail list is called on the form: "Recommendation type", "Outcome", "Decision".
std::string_view triage_detail_name(TriageEvent event);
// Whether the event takes an owner and a review date (a LIFT recommendation does).
bool triage_event_takes_owner(TriageEvent event);
// "Specialist intervention" for "specialist_intervention".
std::string detail_label(std::string_view detail);

struct EventInput {
    TriageEvent event = TriageEvent::paperwork_received;
    std::string detail;  // one of triage_event_details(event), when it has any
    std::string date;    // as typed
    // Optional, as typed: who carries a recommendation out and when its impact is
    // reviewed (recommendations only), and what was agreed (any event).
    std::string owner{}, review_date{}, note{};
};

struct EventCheck {
    std::optional<Command> command;
    // Inline messages, "" when good.
    std::string detail_message, date_message, owner_message{}, review_message{}, note_message{};
    bool ok() const { return command.has_value(); }
};

inline constexpr size_t kMaxOwner = 60, kMaxNote = 500;  // bytes, as typed

// Paperwork received becomes RecordPaperwork against paperwork_booking() when the pupil
// has such a booking, else a `lift_paperwork` event; the others are RecordEvent, a
// visit carrying `staff_id` (the case's teacher, may be "") as who paid it. A review date
// (recommendations only) is a date on or after the event's, and may be in the future;
// owner and note are trimmed free text of at most kMaxOwner / kMaxNote bytes. Paperwork
// recorded on a booking carries no note.
EventCheck check_event(const EventInput& input, const Dataset& data, size_t pupil_index, Date today,
                       const std::string& staff_id);

}  // namespace core

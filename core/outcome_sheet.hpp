// The LIFT outcome sheet of one pupil discussed at one meeting: what the school files
// and later attaches to a High Needs Funding application. Who the pupil is, the meeting,
// the recommendations recorded that day (type, owner, review date, note), the STLS
// decision (consultation offered, taken onto the caselist with its agreed outcome, or
// none), any other step taken there (a SODLIS issued) and the pathway's next step with
// its earliest date. A view-model: every text is formatted here; report/ only lays it out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/rules.hpp"

namespace core {

struct OutcomeEntry {
    std::string type;    // "Early help" (the recommendation's type, as a reader says it)
    std::string owner;   // "Jo Smith (ST01)" for a member of staff, else as recorded; "" none
    std::string review;  // "15 Feb 2026", "" when none was set
    std::string note;    // as typed, any Unicode
};

enum class StlsDecision : uint8_t { none, consultation, caselist };

struct OutcomeSheet {
    uint32_t pupil = 0;  // index into Dataset::pupils
    std::string pupil_ref;
    std::string pupil_label;  // privacy-safe: "A.B.  P00012"
    std::string full_name;    // printed only with --show-names
    std::string school;       // name, or the URN when the schools table lacks it
    std::string year_group;   // "Year 4", "Reception", "" unknown
    std::string need_area;    // "SEMH", "" none
    Date meeting_date;
    std::string meeting;                 // "LIFT Maidstone Group A, Thu 20 Nov 2025"
    std::string venue;                   // "" when the schedule gives none
    std::string discussed_note;          // the note of the lift_discussed event
    std::vector<OutcomeEntry> outcomes;  // the recommendations, as the data lists them
    StlsDecision decision = StlsDecision::none;
    std::string decision_text;  // "STLS consultation offered", "Taken onto the STLS caselist", ...
    std::vector<std::string> decision_details;  // "Agreed outcome: …", "Teacher: …", notes
    std::vector<std::string> other_steps;       // "SODLIS issued: <note>"
    std::string next_step;                      // "Review the impact of the LIFT recommendations"
    std::string next_step_when;  // "earliest 5 Mar 2026, by 20 Mar 2026", "" when no date
    std::string file_name;       // "outcome-P00012-2025-11-20.pdf": ref made safe for a path
};

// One sheet per pupil discussed (a lift_discussed event) on the meeting's date: those
// booked at it, and those without a LIFT booking that day whose school belongs to the
// meeting's district and group. By pupil ref. The next step is the rules' as of `today`,
// or of the day after the meeting when `today` is not yet past it.
// `engine` must have been built over `data`.
std::vector<OutcomeSheet> build_outcome_sheets(const Dataset& data, const RulesEngine& engine,
                                               const LiftMeeting& meeting, Date today);

// "outcome-<ref>-<date>.pdf" with every byte of the ref outside [A-Za-z0-9_-] as "_":
// a ref never names a directory or a hidden file.
std::string outcome_sheet_file_name(std::string_view pupil_ref, Date meeting_date);

}  // namespace core

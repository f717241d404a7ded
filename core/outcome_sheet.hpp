// The LIFT outcome sheet of one pupil discussed at a meeting: what the school files and
// later attaches to a High Needs Funding application. Read from the LIFT session model
// (lift_session.hpp), which already holds the pupil, the readiness, the outcomes recorded
// on the day and the STLS decision; this adds only the sheet's own shaping: the
// recommendations as rows (type, owner, review date, note), the other steps, and the
// file name. Every text is formatted here; report/ only lays it out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/lift_session.hpp"

namespace core {

struct OutcomeRow {
    std::string type;    // "Advice, support and ideas" (the recommendation's type in words)
    std::string owner;   // "Jo Smith" for a member of staff, else as recorded; "" none
    std::string review;  // "15 Feb 2026", "" when none was set
    std::string note;    // as typed, any Unicode
};

struct OutcomeSheet {
    const AgendaItem* item = nullptr;  // into the session it was built from
    std::string meeting;               // "LIFT Maidstone Group A, Thu 20 Nov 2025"
    std::string discussed_note;        // the lift_discussed event's note
    std::vector<OutcomeRow> recommendations;
    std::vector<std::string> decision_notes;  // notes on the consultation / caselist events
    std::vector<std::string> other_steps;     // "SODLIS issued: <note>"
    std::string file_name;                    // "outcome-P000123-2025-11-20.pdf"
};

// The day a session for outcome sheets is built on: the day after the meeting, or
// `today` when later. The sheet records what follows the meeting, so its clocks and
// findings are read from the first day after it, whenever the sheets are printed.
Date outcome_sheet_day(Date meeting_date, Date today);

// One sheet per agenda item discussed (a lift_discussed on the meeting's day), in agenda
// order. The sheets point into `session`, which must outlive them.
std::vector<OutcomeSheet> build_outcome_sheets(const Dataset& data, const LiftSession& session);

// "outcome-<ref>-<date>.pdf" with every byte of the ref outside [A-Za-z0-9_-] as "_":
// a ref never names a directory or a hidden file.
std::string outcome_sheet_file_name(std::string_view pupil_ref, Date meeting_date);

}  // namespace core

// Shapes the LIFT session's discussed cases into outcome sheets (see outcome_sheet.hpp).
#include "core/outcome_sheet.hpp"

#include <algorithm>

namespace core {
namespace {

// A member of staff by name; anything else ("school", "EP") as recorded.
std::string owner_text(const Dataset& data, std::string_view owner) {
    if (const Staff* staff = data.staff_member(owner); staff && !staff->name.empty())
        return staff->name;
    return std::string(owner);
}

std::string with_note(const std::string& what, const std::string& note) {
    return note.empty() ? what : what + ": " + note;
}

OutcomeSheet make_sheet(const Dataset& data, const LiftSession& session, const AgendaItem& item) {
    OutcomeSheet sheet;
    sheet.item = &item;
    sheet.meeting = "LIFT " + session.cover.district + " " + session.cover.group_label + ", " +
                    session.cover.date_text;
    for (const RecordedOutcome& o : item.summary.outcomes) {
        switch (o.kind) {
            case EventKind::lift_discussed:
                sheet.discussed_note = o.note;
                break;
            case EventKind::recommendation:
                sheet.recommendations.push_back(
                    {o.what, owner_text(data, o.owner),
                     o.review_date ? to_display(*o.review_date) : std::string(), o.note});
                break;
            case EventKind::stls_consultation:
            case EventKind::caselist_opened:
                if (!o.note.empty()) sheet.decision_notes.push_back(with_note(o.what, o.note));
                break;
            default:
                sheet.other_steps.push_back(with_note(o.what, o.note));
                break;
        }
    }
    sheet.file_name = outcome_sheet_file_name(item.ref, session.meeting.meeting_date);
    return sheet;
}

}  // namespace

Date outcome_sheet_day(Date meeting_date, Date today) {
    return std::max(today, meeting_date + 1);
}

std::vector<OutcomeSheet> build_outcome_sheets(const Dataset& data, const LiftSession& session) {
    std::vector<OutcomeSheet> sheets;
    for (const AgendaItem& item : session.agenda)
        if (item.summary.discussed) sheets.push_back(make_sheet(data, session, item));
    return sheets;
}

std::string outcome_sheet_file_name(std::string_view pupil_ref, Date meeting_date) {
    std::string safe;
    for (char c : pupil_ref) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_';
        safe += plain ? c : '_';
    }
    return "outcome-" + safe + "-" + to_iso(meeting_date) + ".pdf";
}

}  // namespace core

// Builds the outcome sheets of one LIFT meeting (see outcome_sheet.hpp) from the events
// recorded on the meeting's date.
#include "core/outcome_sheet.hpp"

#include <algorithm>

#include "core/pupil_text.hpp"
#include "core/rule_context.hpp"
#include "core/snapshot.hpp"
#include "core/triage_forms.hpp"

namespace core {
namespace {

using rules_detail::same_text;

std::string year_text(int year_group) {
    if (year_group < 0) return "";
    return year_group == 0 ? "Reception" : "Year " + std::to_string(year_group);
}

// A member of staff by name and id; anything else ("school", "EP") as recorded.
std::string owner_text(const Dataset& data, std::string_view owner) {
    if (const Staff* staff = data.staff_member(owner); staff && !staff->name.empty())
        return staff->name + " (" + staff->staff_id + ")";
    return std::string(owner);
}

bool booked_at(const Dataset& data, size_t pupil, const LiftMeeting& meeting) {
    for (const BookingEntry& b : data.bookings_of(pupil))
        if (b.kind == BookingKind::lift && b.meeting_date == meeting.meeting_date &&
            same_text(b.district, meeting.district) && same_text(b.group, meeting.group))
            return true;
    return false;
}

bool has_lift_booking_on(const Dataset& data, size_t pupil, Date date) {
    for (const BookingEntry& b : data.bookings_of(pupil))
        if (b.kind == BookingKind::lift && b.meeting_date == date) return true;
    return false;
}

// Whether pupil i's discussion that day belongs to this meeting: booked at it, or not
// booked at any LIFT that day and of a school of the meeting's district and group.
bool discussed_here(const Dataset& data, const RulesEngine& engine, size_t pupil,
                    const LiftMeeting& meeting) {
    if (booked_at(data, pupil, meeting)) return true;
    if (has_lift_booking_on(data, pupil, meeting.meeting_date)) return false;
    const School* school = data.school(data.pupils[pupil].school_urn);
    return school && same_text(school->district, meeting.district) &&
           same_text(engine.school_group(*school, meeting.meeting_date), meeting.group);
}

std::string with_note(std::string text, std::string_view note) {
    if (!note.empty()) text.append(": ").append(note);
    return text;
}

void add_decision(OutcomeSheet& sheet, const Dataset& data, const EventEntry& e) {
    if (e.kind == EventKind::caselist_opened) {
        sheet.decision = StlsDecision::caselist;
        sheet.decision_text = "Taken onto the STLS caselist";
        sheet.decision_details.insert(
            sheet.decision_details.begin(),
            "Agreed outcome: " +
                (e.detail.empty() ? std::string("not recorded") : std::string(e.detail)));
        const CaseState* state = data.case_state(sheet.pupil_ref);
        if (state && !state->assigned_staff_id.empty())
            sheet.decision_details.push_back("Specialist teacher: " +
                                             owner_text(data, state->assigned_staff_id));
    } else if (sheet.decision == StlsDecision::none) {
        sheet.decision = StlsDecision::consultation;
        sheet.decision_text = "STLS consultation offered";
    }
    if (!e.note.empty()) sheet.decision_details.push_back("Note: " + std::string(e.note));
}

OutcomeSheet make_sheet(const Dataset& data, const RulesEngine& engine, size_t pupil,
                        const LiftMeeting& meeting, Date today) {
    const PupilEntry p = data.pupils[pupil];
    OutcomeSheet sheet;
    sheet.pupil = static_cast<uint32_t>(pupil);
    sheet.pupil_ref = std::string(p.pupil_ref);
    sheet.pupil_label = pupil_label(p);
    sheet.full_name = full_name(p);
    const School* school = data.school(p.school_urn);
    sheet.school = school && !school->name.empty() ? school->name : std::string(p.school_urn);
    sheet.year_group = year_text(p.year_group);
    sheet.need_area = std::string(need_area_label(p.need_area));
    sheet.meeting_date = meeting.meeting_date;
    sheet.meeting = "LIFT " + meeting.district + " Group " + meeting.group + ", " +
                    to_short_display(meeting.meeting_date) + " " +
                    std::to_string(meeting.meeting_date.year());
    sheet.venue = meeting.venue;
    sheet.decision_text = "None: no STLS consultation or caselist place";
    for (const EventEntry& e : data.events_of(pupil)) {
        if (e.date != meeting.meeting_date) continue;
        switch (e.kind) {
            case EventKind::lift_discussed:
                sheet.discussed_note = std::string(e.note);
                break;
            case EventKind::recommendation:
                sheet.outcomes.push_back({detail_label(e.detail), owner_text(data, e.owner),
                                          e.review_date ? to_display(*e.review_date) : "",
                                          std::string(e.note)});
                break;
            case EventKind::stls_consultation:
            case EventKind::caselist_opened:
                add_decision(sheet, data, e);
                break;
            case EventKind::sodlis_issued:
                sheet.other_steps.push_back(with_note("SODLIS issued", e.note));
                break;
            default:
                break;
        }
    }
    // What follows the meeting: on the meeting's own day the rules still see its
    // booking as upcoming ("Present at LIFT on ..."), so the step is read as of the day
    // after it when the sheet is made that early.
    const NextStep next = engine.assess(pupil, std::max(today, meeting.meeting_date + 1)).next;
    sheet.next_step = next.description;
    if (next.earliest) sheet.next_step_when = "earliest " + to_display(*next.earliest);
    if (next.due) {
        if (!sheet.next_step_when.empty()) sheet.next_step_when += ", ";
        sheet.next_step_when += "by " + to_display(*next.due);
    }
    sheet.file_name = outcome_sheet_file_name(p.pupil_ref, meeting.meeting_date);
    return sheet;
}

}  // namespace

std::string outcome_sheet_file_name(std::string_view pupil_ref, Date meeting_date) {
    std::string safe;
    for (char c : pupil_ref) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_';
        safe += plain ? c : '_';
    }
    return "outcome-" + safe + "-" + to_iso(meeting_date) + ".pdf";
}

std::vector<OutcomeSheet> build_outcome_sheets(const Dataset& data, const RulesEngine& engine,
                                               const LiftMeeting& meeting, Date today) {
    std::vector<OutcomeSheet> sheets;
    for (size_t i = 0; i < data.pupils.size(); ++i) {
        const EventRange events = data.events_of(i);
        const bool discussed = std::any_of(events.begin(), events.end(), [&](const EventEntry& e) {
            return e.kind == EventKind::lift_discussed && e.date == meeting.meeting_date;
        });
        if (discussed && discussed_here(data, engine, i, meeting))
            sheets.push_back(make_sheet(data, engine, i, meeting, today));
    }
    std::sort(sheets.begin(), sheets.end(), [](const OutcomeSheet& a, const OutcomeSheet& b) {
        return a.pupil_ref < b.pupil_ref;
    });
    return sheets;
}

}  // namespace core

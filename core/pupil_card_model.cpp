// The pupil card's content (see pupil_card_model.hpp).
#include "core/pupil_card_model.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/triage.hpp"

namespace core {
namespace {

constexpr std::array<std::string_view, kEventKindCount> kEventLabels = {
    "Concern raised",      "QFLA",
    "QFLA review",         "Monitoring started",
    "SEN Support",         "Parents informed",
    "Agency referral",     "Assessment",
    "Provision plan",      "Impact review",
    "Consent given",       "Discussed at Surgery",
    "LIFT paperwork sent", "Discussed at LIFT",
    "Recommendation",      "STLS consultation",
    "Caselist opened",     "Visit",
    "HNF applied",         "HNF decision",
    "SODLIS issued",       "EHCNA requested",
    "EHCNA decision",      "Draft EHC plan",
    "EHC plan issued",     "EHC plan declined",
    "Annual review",       "EHC plan ceased",
    "Case closed",
};

constexpr std::pair<std::string_view, std::string_view> kDetailLabels[] = {
    {"paediatrics", "Paediatrics"},
    {"chypmhs", "CHYPMHS"},
    {"ep", "Educational Psychology"},
    {"ot", "Occupational therapy"},
    {"salt", "Speech and language therapy"},
    {"physio", "Physiotherapy"},
    {"early_help", "Early Help"},
    {"bpvs", "BPVS"},
    {"ravens", "Ravens"},
    {"boxall", "Boxall"},
    {"lass", "LASS"},
    {"cops", "COPS"},
    {"language_link", "Language Link"},
    {"impact", "impact"},
    {"no_impact", "no impact"},
    {"advice", "Advice, support and ideas"},
    {"training", "Training"},
    {"school_support", "Support from another school"},
    {"specialist_intervention", "Specialist intervention"},
    {"health", "Seek advice from health professionals"},
    {"approved", "approved"},
    {"declined", "declined"},
    {"assess", "to assess"},
    {"not_assess", "not to assess"},
    {"outcome_met", "outcome met"},
    {"no_longer_required", "no longer required"},
    {"other", "other reason"},
};

std::string status_word(Status status) {
    std::string word(to_string(status));
    if (!word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

std::string staff_name(const Dataset& data, std::string_view staff_id) {
    if (staff_id.empty()) return "";
    const Staff* staff = data.staff_member(staff_id);
    return staff ? staff->name : std::string(staff_id);
}

void join(std::string& out, std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += "  \xc2\xb7  ";  // a middle dot between the facts
    out += part;
}

CardEntry event_entry(const EventEntry& e, const Dataset& data, Date today) {
    CardEntry entry;
    entry.date = to_short_display(e.date) + " " + std::to_string(e.date.year());
    entry.what = std::string(event_label(e.kind));
    entry.detail = detail_words(e.detail);
    if (const std::string by = staff_name(data, e.staff_id); !by.empty())
        join(entry.detail, "by " + by);
    if (e.review_date) join(entry.detail, "review by " + to_display(*e.review_date));
    if (!e.owner.empty()) entry.owner = "owner: " + staff_name(data, e.owner);
    entry.note = std::string(e.note);
    entry.upcoming = e.date > today;
    entry.day = e.date;
    entry.event = e.kind;
    return entry;
}

CardEntry booking_entry(const BookingEntry& b, Date today) {
    CardEntry entry;
    const bool lift = b.kind == BookingKind::lift;
    entry.upcoming = b.meeting_date > today;
    entry.day = b.meeting_date;
    entry.booking = b.kind;
    entry.date = to_short_display(b.meeting_date) + " " + std::to_string(b.meeting_date.year());
    entry.what = lift ? (entry.upcoming ? "LIFT booked" : "LIFT meeting (booked)")
                      : (entry.upcoming ? "Surgery booked" : "Surgery (booked)");
    entry.detail = std::string(b.district);
    if (lift && !b.group.empty()) join(entry.detail, "group " + std::string(b.group));
    if (lift) {
        join(entry.detail, b.paperwork_received
                               ? "paperwork received " + to_short_display(*b.paperwork_received)
                               : std::string("paperwork not received"));
    }
    return entry;
}

}  // namespace

std::string_view event_label(EventKind kind) {
    return kEventLabels[static_cast<size_t>(kind)];
}

std::string detail_words(std::string_view detail) {
    for (const auto& [code, label] : kDetailLabels)
        if (code == detail) return std::string(label);
    return std::string(detail);
}

std::string year_label(int year_group) {
    if (year_group < 0) return "";
    return year_group == 0 ? "Reception" : "Year " + std::to_string(year_group);
}

PupilCardModel build_pupil_card(const Snapshot& snapshot, uint32_t pupil) {
    // A pupil beyond the assessments (none built yet) gets a card without findings.
    const PupilAssessment a =
        pupil < snapshot.assessments.size() ? snapshot.assessments[pupil] : PupilAssessment{};
    PupilCardModel card =
        build_pupil_card(*snapshot.data, a, pupil, snapshot.today, snapshot.rules.due_window_days);
    if (pupil >= snapshot.assessments.size()) {
        card.stage.clear();
        card.next_step.clear();
        card.next_when.clear();
        card.hnf.reset();
        card.ehc.reset();
    }
    return card;
}

PupilCardModel build_pupil_card(const Dataset& data, const PupilAssessment& a, uint32_t pupil,
                                Date today, int due_window_days) {
    const PupilEntry& p = data.pupils.at(pupil);
    PupilCardModel card;
    card.pupil = pupil;
    card.ref = p.pupil_ref;
    card.label = pupil_label(p);
    card.full_name = full_name(p);
    if (const School* school = data.school(p.school_urn))
        card.school = school->name + ", " + school->district;
    else
        card.school = "School " + std::string(p.school_urn);

    join(card.facts, year_label(p.year_group));
    join(card.facts, need_area_label(p.need_area));
    const std::string teacher = staff_name(data, case_teacher_id(data, pupil));
    join(card.facts, teacher.empty() ? "No teacher assigned" : "Teacher: " + teacher);
    if (const CaseState* state = data.case_state(p.pupil_ref); state && state->priority > 0)
        join(card.facts, std::string(priority_label(state->priority)) + " priority");

    card.stage = std::string(display_name(a.stage));
    card.next_step = a.next.description;
    if (a.next.earliest) join(card.next_when, "earliest " + to_display(*a.next.earliest));
    if (a.next.due) join(card.next_when, "by " + to_display(*a.next.due));
    card.worst = a.worst();
    card.hnf = hnf_checklist(data.events_of(pupil), a.stage, today);
    card.ehc = open_ehc_clock(data.events_of(pupil), today, due_window_days);
    for (const Finding& f : a.findings) {
        CardFinding finding;
        finding.status = f.status;
        finding.status_word = status_word(f.status);
        finding.rule = std::string(to_string(f.rule));
        if (f.due) finding.due = "due " + to_display(*f.due);
        finding.reason = f.reason;
        card.findings.push_back(std::move(finding));
    }

    // Events and bookings merged by date; on the same day the event comes first.
    std::vector<std::pair<Date, CardEntry>> entries;
    for (const EventEntry& e : data.events_of(pupil))
        entries.emplace_back(e.date, event_entry(e, data, today));
    for (const BookingEntry& b : data.bookings_of(pupil))
        entries.emplace_back(b.meeting_date, booking_entry(b, today));
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    card.timeline.reserve(entries.size());
    for (auto& [date, entry] : entries) card.timeline.push_back(std::move(entry));
    return card;
}

}  // namespace core

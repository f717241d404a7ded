// The pupil card's content (see pupil_card_model.hpp).
#include "widgets/pupil_card_model.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/triage.hpp"

namespace widgets {
namespace {

constexpr std::array<std::string_view, core::kEventKindCount> kEventLabels = {
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

std::string status_word(core::Status status) {
    std::string word(core::to_string(status));
    if (!word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

std::string staff_name(const core::Dataset& data, std::string_view staff_id) {
    if (staff_id.empty()) return "";
    const core::Staff* staff = data.staff_member(staff_id);
    return staff ? staff->name : std::string(staff_id);
}

void join(std::string& out, std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += "  \xc2\xb7  ";  // a middle dot between the facts
    out += part;
}

CardEntry event_entry(const core::EventEntry& e, const core::Dataset& data, core::Date today) {
    CardEntry entry;
    entry.date = core::to_short_display(e.date) + " " + std::to_string(e.date.year());
    entry.what = std::string(event_label(e.kind));
    entry.detail = detail_label(e.detail);
    if (const std::string by = staff_name(data, e.staff_id); !by.empty())
        join(entry.detail, "by " + by);
    if (e.review_date) join(entry.detail, "review by " + core::to_display(*e.review_date));
    if (!e.owner.empty()) entry.owner = "owner: " + staff_name(data, e.owner);
    entry.note = std::string(e.note);
    entry.upcoming = e.date > today;
    return entry;
}

CardEntry booking_entry(const core::BookingEntry& b, core::Date today) {
    CardEntry entry;
    const bool lift = b.kind == core::BookingKind::lift;
    entry.upcoming = b.meeting_date > today;
    entry.date =
        core::to_short_display(b.meeting_date) + " " + std::to_string(b.meeting_date.year());
    entry.what = lift ? (entry.upcoming ? "LIFT booked" : "LIFT meeting (booked)")
                      : (entry.upcoming ? "Surgery booked" : "Surgery (booked)");
    entry.detail = std::string(b.district);
    if (lift && !b.group.empty()) join(entry.detail, "group " + std::string(b.group));
    if (lift) {
        join(entry.detail, b.paperwork_received ? "paperwork received " +
                                                      core::to_short_display(*b.paperwork_received)
                                                : std::string("paperwork not received"));
    }
    return entry;
}

}  // namespace

std::string_view event_label(core::EventKind kind) {
    return kEventLabels[static_cast<size_t>(kind)];
}

std::string detail_label(std::string_view detail) {
    for (const auto& [code, label] : kDetailLabels)
        if (code == detail) return std::string(label);
    return std::string(detail);
}

std::string year_label(int year_group) {
    if (year_group < 0) return "";
    return year_group == 0 ? "Reception" : "Year " + std::to_string(year_group);
}

PupilCardModel build_pupil_card(const core::Snapshot& snapshot, uint32_t pupil) {
    const core::Dataset& data = *snapshot.data;
    const core::PupilEntry& p = data.pupils.at(pupil);
    PupilCardModel card;
    card.pupil = pupil;
    card.ref = p.pupil_ref;
    card.label = core::pupil_label(p);
    card.full_name = core::full_name(p);
    if (const core::School* school = data.school(p.school_urn))
        card.school = school->name + ", " + school->district;
    else
        card.school = "School " + std::string(p.school_urn);

    join(card.facts, year_label(p.year_group));
    join(card.facts, core::need_area_label(p.need_area));
    const std::string teacher = staff_name(data, core::case_teacher_id(data, pupil));
    join(card.facts, teacher.empty() ? "No teacher assigned" : "Teacher: " + teacher);
    if (const core::CaseState* state = data.case_state(p.pupil_ref); state && state->priority > 0)
        join(card.facts, std::string(core::priority_label(state->priority)) + " priority");

    if (pupil < snapshot.assessments.size()) {
        const core::PupilAssessment& a = snapshot.assessments[pupil];
        card.stage = std::string(core::display_name(a.stage));
        card.next_step = a.next.description;
        if (a.next.earliest) join(card.next_when, "earliest " + core::to_display(*a.next.earliest));
        if (a.next.due) join(card.next_when, "by " + core::to_display(*a.next.due));
        card.worst = a.worst();
        card.hnf = core::hnf_checklist(data.events_of(pupil), a.stage, snapshot.today);
        card.ehc = core::open_ehc_clock(data.events_of(pupil), snapshot.today,
                                        snapshot.rules.due_window_days);
        for (const core::Finding& f : a.findings) {
            CardFinding finding;
            finding.status = f.status;
            finding.status_word = status_word(f.status);
            finding.rule = std::string(core::to_string(f.rule));
            if (f.due) finding.due = "due " + core::to_display(*f.due);
            finding.reason = f.reason;
            card.findings.push_back(std::move(finding));
        }
    }

    // Events and bookings merged by date; on the same day the event comes first.
    std::vector<std::pair<core::Date, CardEntry>> entries;
    for (const core::EventEntry& e : data.events_of(pupil))
        entries.emplace_back(e.date, event_entry(e, data, snapshot.today));
    for (const core::BookingEntry& b : data.bookings_of(pupil))
        entries.emplace_back(b.meeting_date, booking_entry(b, snapshot.today));
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    card.timeline.reserve(entries.size());
    for (auto& [date, entry] : entries) card.timeline.push_back(std::move(entry));
    return card;
}

}  // namespace widgets

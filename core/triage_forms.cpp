// Validation of the triage forms (see triage_forms.hpp).
#include "core/triage_forms.hpp"

#include <algorithm>
#include <cctype>

#include "core/triage_options.hpp"

namespace core {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string folded(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool ref_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '/';
}

constexpr size_t kMaxRef = 20;
constexpr size_t kMaxInitials = 4;

EventKind kind_of(TriageEvent event) {
    switch (event) {
        case TriageEvent::paperwork_received:
            return EventKind::lift_paperwork;
        case TriageEvent::consent_given:
            return EventKind::consent_given;
        case TriageEvent::visit:
            return EventKind::visit;
        case TriageEvent::recommendation:
            return EventKind::recommendation;
        case TriageEvent::case_closed:
            return EventKind::case_closed;
        case TriageEvent::impact_review:
            return EventKind::impact_review;
        case TriageEvent::hnf_applied:
            return EventKind::hnf_applied;
        case TriageEvent::hnf_decision:
            return EventKind::hnf_decision;
        case TriageEvent::ehcna_requested:
            return EventKind::ehcna_requested;
        case TriageEvent::ehcna_decision:
            return EventKind::ehcna_decision;
        case TriageEvent::ehcp_draft:
            return EventKind::ehcp_draft;
        case TriageEvent::ehcp_issued:
            return EventKind::ehcp_issued;
        case TriageEvent::ehcp_declined:
            return EventKind::ehcp_declined;
        case TriageEvent::annual_review:
            return EventKind::annual_review;
        case TriageEvent::ehcp_ceased:
            return EventKind::ehcp_ceased;
    }
    return EventKind::visit;
}

}  // namespace

DateCheck check_past_date(std::string_view text, Date today, std::string_view what) {
    DateCheck check;
    const std::string_view t = trimmed(text);
    const std::string name(what);
    if (t.empty()) {
        check.message = "Enter the " + name + " (YYYY-MM-DD)";
        return check;
    }
    auto date = parse_date(t);
    if (!date) {
        check.message = "'" + std::string(t) + "' is not a date: use YYYY-MM-DD or DD/MM/YYYY";
        return check;
    }
    if (*date > today) {
        check.message =
            "The " + name + " cannot be in the future (today is " + to_display(today) + ")";
        return check;
    }
    check.date = date;
    return check;
}

const School* find_school(const Dataset& data, std::string_view text) {
    const std::string_view t = trimmed(text);
    if (t.empty()) return nullptr;
    if (const School* s = data.school(t)) return s;
    const std::string wanted = folded(t);
    const School* prefix = nullptr;
    int prefixes = 0;
    for (const School& s : data.schools) {
        const std::string name = folded(s.name);
        if (name == wanted) return &s;
        if (name.starts_with(wanted)) {
            prefix = &s;
            ++prefixes;
        }
    }
    return prefixes == 1 ? prefix : nullptr;
}

ReferralCheck check_referral(const ReferralInput& input, const Dataset& data, Date today) {
    ReferralCheck check;
    const std::string ref(trimmed(input.pupil_ref));
    if (ref.empty())
        check.pupil_ref = "Enter the pupil ref";
    else if (ref.size() > kMaxRef || !std::all_of(ref.begin(), ref.end(), ref_char))
        check.pupil_ref = "Use up to 20 letters, digits, '-', '_' or '/'";
    else if (data.pupil(ref))
        check.pupil_ref = "Pupil ref " + ref + " is already in use";

    check.school_found = find_school(data, input.school);
    if (trimmed(input.school).empty())
        check.school = "Enter the school's URN or name";
    else if (!check.school_found)
        check.school = "No single school matches '" + std::string(trimmed(input.school)) + "'";

    std::string initials;
    bool other = false;
    for (char c : input.initials) {
        if (std::isalpha(static_cast<unsigned char>(c)))
            initials += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        else if (c != '.' && c != ' ')
            other = true;
    }
    if (initials.empty() && !other)
        check.initials = "Enter the pupil's initials";
    else if (other || initials.size() > kMaxInitials)
        check.initials = "Initials are 1 to 4 letters";

    if (input.need_area == NeedArea::none) check.need_area = "Choose the need area";

    const DateCheck consent = check_past_date(input.consent_date, today, "consent date");
    check.consent_date = consent.message;

    if (check.pupil_ref.empty() && check.school.empty() && check.initials.empty() &&
        check.need_area.empty() && check.consent_date.empty()) {
        NewReferral referral;
        referral.pupil.pupil_ref = ref;
        referral.pupil.school_urn = check.school_found->urn;
        referral.pupil.initials = initials;
        referral.pupil.need_area = input.need_area;
        referral.consent_date = *consent.date;
        check.command = std::move(referral);
    }
    return check;
}

std::string_view triage_event_label(TriageEvent event) {
    switch (event) {
        case TriageEvent::paperwork_received:
            return "Paperwork received";
        case TriageEvent::consent_given:
            return "Consent given";
        case TriageEvent::visit:
            return "Visit";
        case TriageEvent::recommendation:
            return "LIFT recommendation";
        case TriageEvent::case_closed:
            return "Case closed";
        case TriageEvent::impact_review:
            return "Impact review";
        case TriageEvent::hnf_applied:
            return "HNF applied";
        case TriageEvent::hnf_decision:
            return "HNF decision";
        case TriageEvent::ehcna_requested:
            return "EHCNA requested";
        case TriageEvent::ehcna_decision:
            return "EHCNA decision";
        case TriageEvent::ehcp_draft:
            return "Draft EHC plan sent";
        case TriageEvent::ehcp_issued:
            return "EHC plan issued";
        case TriageEvent::ehcp_declined:
            return "EHC plan declined";
        case TriageEvent::annual_review:
            return "Annual review held";
        case TriageEvent::ehcp_ceased:
            return "EHC plan ceased";
    }
    return "";
}

std::span<const std::string_view> triage_event_details(TriageEvent event) {
    // Only the paperwork event is not a plain event kind; the others take the contract's
    // detail list where it has one.
    if (event == TriageEvent::paperwork_received) return {};
    return allowed_details(kind_of(event));
}

std::string_view triage_detail_name(TriageEvent event) {
    switch (event) {
        case TriageEvent::recommendation:
            return "Recommendation type";
        case TriageEvent::ehcna_decision:
        case TriageEvent::hnf_decision:
            return "Decision";
        default:
            return "Outcome";
    }
}

bool triage_event_takes_owner(TriageEvent event) {
    return event == TriageEvent::recommendation;
}

std::string detail_label(std::string_view detail) {
    std::string out(detail);
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

EventCheck check_event(const EventInput& input, const Dataset& data, size_t pupil_index, Date today,
                       const std::string& staff_id) {
    EventCheck check;
    const auto details = triage_event_details(input.event);
    if (!details.empty() &&
        std::find(details.begin(), details.end(), input.detail) == details.end()) {
        switch (input.event) {
            case TriageEvent::recommendation:
                check.detail_message = "Choose the recommendation type";
                break;
            case TriageEvent::case_closed:
                check.detail_message = "Choose how the case ended";
                break;
            case TriageEvent::ehcna_decision:
            case TriageEvent::hnf_decision:
                check.detail_message = "Choose the decision";
                break;
            default:
                check.detail_message = "Choose the outcome";
                break;
        }
    }
    const DateCheck date = check_past_date(input.date, today, "date");
    check.date_message = date.message;

    const std::string owner(trimmed(input.owner)), note(trimmed(input.note));
    if (owner.size() > kMaxOwner)
        check.owner_message = "Keep the owner to " + std::to_string(kMaxOwner) + " characters";
    if (note.size() > kMaxNote)
        check.note_message = "Keep the note to " + std::to_string(kMaxNote) + " characters";
    std::optional<Date> review;
    if (const std::string_view typed = trimmed(input.review_date); !typed.empty()) {
        review = parse_date(typed);
        if (!review)
            check.review_message =
                "'" + std::string(typed) + "' is not a date: use YYYY-MM-DD or DD/MM/YYYY";
        else if (date.date && *review < *date.date)
            check.review_message =
                "The review date cannot be before the event (" + to_display(*date.date) + ")";
    }
    if (pupil_index >= data.pupils.size()) {
        check.date_message = "This pupil is no longer in the data";
        return check;
    }
    if (!check.detail_message.empty() || !check.date_message.empty() ||
        !check.owner_message.empty() || !check.review_message.empty() ||
        !check.note_message.empty())
        return check;

    const std::string ref(data.pupils[pupil_index].pupil_ref);
    if (input.event == TriageEvent::paperwork_received) {
        if (auto meeting = paperwork_booking(data, pupil_index, today)) {
            check.command = RecordPaperwork{ref, *meeting, *date.date};
            return check;
        }
    }
    Event event;
    event.pupil_ref = ref;
    event.kind = kind_of(input.event);
    event.date = *date.date;
    if (!details.empty()) event.detail = input.detail;
    // Who paid the visit (or took the step): the case's teacher, when there is one.
    if (input.event == TriageEvent::visit) event.staff_id = staff_id;
    event.note = note;
    if (triage_event_takes_owner(input.event)) {
        event.owner = owner;
        event.review_date = review;
    }
    check.command = RecordEvent{std::move(event)};
    return check;
}

}  // namespace core

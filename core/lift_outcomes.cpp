// Validation of the LIFT session's outcome forms (see lift_outcomes.hpp).
#include "core/lift_outcomes.hpp"

#include <cctype>

namespace core {
namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string too_long(std::string_view what, size_t limit) {
    return "Keep the " + std::string(what) + " to " + std::to_string(limit) + " characters";
}

EventKind kind_of(SessionOutcome outcome) {
    switch (outcome) {
        case SessionOutcome::consultation:
            return EventKind::stls_consultation;
        case SessionOutcome::caselist:
            return EventKind::caselist_opened;
        case SessionOutcome::sodlis:
            return EventKind::sodlis_issued;
        case SessionOutcome::discussed:
            return EventKind::lift_discussed;
        default:
            return EventKind::recommendation;
    }
}

}  // namespace

std::string_view outcome_label(SessionOutcome outcome) {
    constexpr std::string_view labels[] = {
        "Advice, support and ideas",
        "Training",
        "Support from another school",
        "Specialist intervention",
        "Consider Early Help",
        "Seek advice from health professionals",
        "STLS consultation offered",
        "Taken onto the caselist",
        "SODLIS issued",
        "Discussed at LIFT",
    };
    return labels[static_cast<size_t>(outcome)];
}

bool is_recommendation(SessionOutcome outcome) {
    return static_cast<int>(outcome) < kRecommendationTypes;
}

std::string_view recommendation_detail(SessionOutcome outcome) {
    // The contract's order (INBOX.md): advice, training, school_support,
    // specialist_intervention, early_help, health.
    if (!is_recommendation(outcome)) return "";
    return allowed_details(EventKind::recommendation)[static_cast<size_t>(outcome)];
}

OutcomeCheck check_outcome(const OutcomeInput& input, const Dataset& data,
                           std::string_view pupil_ref, Date meeting_date, Date today) {
    OutcomeCheck check;
    if (meeting_date > today)
        check.meeting_message = "This meeting is on " + to_display(meeting_date) +
                                ": record its outcomes on the day or after";
    else if (!data.pupil(pupil_ref))
        check.meeting_message = "Pupil " + std::string(pupil_ref) + " is no longer in the data";

    const std::string note = trimmed(input.note);
    if (note.size() > kMaxOutcomeNote) check.note_message = too_long("note", kMaxOutcomeNote);

    Event event;
    event.pupil_ref = std::string(pupil_ref);
    event.kind = kind_of(input.outcome);
    event.date = meeting_date;
    event.note = note;

    if (is_recommendation(input.outcome)) {
        event.detail = std::string(recommendation_detail(input.outcome));
        event.owner = trimmed(input.owner);
        if (event.owner.empty())
            check.owner_message = "Enter who carries it out (a school, \"EP\", a staff id)";
        else if (event.owner.size() > kMaxOutcomeOwner)
            check.owner_message = too_long("owner", kMaxOutcomeOwner);
        const std::string typed = trimmed(input.review_date);
        event.review_date = parse_date(typed);
        if (typed.empty())
            check.review_message = "Enter the review date (YYYY-MM-DD)";
        else if (!event.review_date)
            check.review_message = "'" + typed + "' is not a date: use YYYY-MM-DD or DD/MM/YYYY";
        else if (*event.review_date < meeting_date)
            check.review_message =
                "The review date cannot be before the meeting (" + to_display(meeting_date) + ")";
    } else if (input.outcome == SessionOutcome::caselist) {
        event.detail = trimmed(input.agreed_outcome);
        if (event.detail.empty())
            check.agreed_message = "Enter the outcome agreed for the support";
        else if (event.detail.size() > kMaxOutcomeNote)
            check.agreed_message = too_long("agreed outcome", kMaxOutcomeNote);
        event.staff_id = trimmed(input.teacher_id);
        const Staff* teacher = data.staff_member(event.staff_id);
        if (event.staff_id.empty())
            check.teacher_message = "Choose the specialist teacher who takes the case";
        else if (!teacher || teacher->role != Role::specialist_teacher)
            check.teacher_message = event.staff_id + " is not a specialist teacher";
    }

    if (!check.meeting_message.empty() || !check.owner_message.empty() ||
        !check.review_message.empty() || !check.note_message.empty() ||
        !check.agreed_message.empty() || !check.teacher_message.empty())
        return check;
    if (input.outcome == SessionOutcome::caselist)
        check.command = OpenCaselist{std::move(event)};
    else
        check.command = RecordEvent{std::move(event)};
    return check;
}

}  // namespace core

// The rules that follow a pupil's events in date order (RULES.md): qfla-review,
// monitor-two-terms, impact-review, surgery-two-terms, caselist-visit, ehcna-after-lift,
// and the event halves of consent-before-referral (lift_paperwork) and
// surgery-before-lift (lift_discussed). One pass: events are sorted by date, then kind,
// and the contract's kinds are ordered so that a prerequisite recorded on the same day
// (consent, surgery, monitoring_start, lift_discussed) is seen before what needs it.
#include <string>

#include "core/rule_context.hpp"

namespace core::rules_detail {
namespace {

// "SEN Support came before two terms of monitoring": one rule of the two-terms kind.
void check_two_terms(const PupilView& v, RuleId rule, Date from, Date step,
                     std::string_view from_what, std::string_view step_what, FindingSink& sink) {
    TermShift shift = v.shared.calendar.two_terms_after(from);
    if (!shift.covered()) {
        sink.add(rule, Status::warning, std::nullopt, [&] {
            return calendar_gap_reason(from, std::string(step_what) + " on " + to_display(step) +
                                                 " against " + std::string(from_what));
        });
        return;
    }
    if (step >= *shift.date) return;
    sink.add(rule, Status::warning, std::nullopt, [&] {
        return std::string(step_what) + " on " + to_display(step) + " came before two terms of " +
               std::string(from_what) + " from " + to_display(from) + " (which run to " +
               to_display(*shift.date) + ")";
    });
}

void check_qfla_review(const PupilView& v, Date qfla, FindingSink& sink) {
    Date due = qfla + 28;
    Status status = due_status(due, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::qfla_review, status, due, [&] {
        return status == Status::overdue
                   ? "QFLA on " + to_display(qfla) + " needed a progress review by " +
                         to_display(due) + "; none recorded"
                   : "QFLA on " + to_display(qfla) + " needs a progress review by " +
                         to_display(due);
    });
}

void check_impact_review(const PupilView& v, Date plan, Date last_review, FindingSink& sink) {
    TermShift shift = v.shared.calendar.two_terms_after(last_review);
    if (!shift.covered()) {
        sink.add(RuleId::impact_review, Status::warning, std::nullopt, [&] {
            return calendar_gap_reason(last_review, "the next impact review of the provision plan");
        });
        return;
    }
    Date due = *shift.date;
    Status status = due_status(due, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::impact_review, status, due, [&] {
        std::string since = last_review == plan ? "the provision plan of " + to_display(plan)
                                                : "the last review on " + to_display(last_review);
        return status == Status::overdue
                   ? "impact of the provision plan was due for review by " + to_display(due) +
                         ", two terms after " + since + "; none recorded since"
                   : "impact of the provision plan is due for review by " + to_display(due) +
                         ", two terms after " + since;
    });
}

void check_caselist_visit(const PupilView& v, Date opened, std::optional<Date> last_visit,
                          FindingSink& sink) {
    int weeks = v.shared.config.visit_interval_weeks;
    Date since = last_visit.value_or(opened);
    Date due = since + weeks * 7;
    Status status = due_status(due, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::caselist_visit, status, due, [&] {
        std::string after = std::to_string(weeks) + " weeks after " +
                            (last_visit ? "the visit on " : "joining the caselist on ") +
                            to_display(since);
        return status == Status::overdue
                   ? "an STLS visit was due by " + to_display(due) + " (" + after +
                         "); none recorded since"
                   : "the next STLS visit is due by " + to_display(due) + " (" + after + ")";
    });
}

}  // namespace

void check_event_rules(const PupilView& v, EventSummary& s, FindingSink& sink) {
    for (const BookingEntry& b : v.bookings)
        if (b.kind == BookingKind::surgery && b.meeting_date <= v.today &&
            (!s.first_past_surgery_booking || b.meeting_date < *s.first_past_surgery_booking))
            s.first_past_surgery_booking = b.meeting_date;

    bool qfla_pending = false;  // a qfla with no review on or after it
    std::optional<Date> last_qfla_review;
    std::optional<Date> last_monitoring, last_surgery, first_lift_discussed;
    std::optional<Date> last_plan, last_plan_or_review, last_close;
    std::optional<Date> caselist_opened, last_visit;  // open caselist period and its visits

    for (const EventEntry& e : v.events) {
        switch (e.kind) {
            case EventKind::qfla:
                qfla_pending = true;
                break;
            case EventKind::qfla_review:  // clears every qfla on or before it
                qfla_pending = false;
                last_qfla_review = e.date;
                break;
            case EventKind::monitoring_start:
                last_monitoring = e.date;
                break;
            case EventKind::sen_support:
                if (last_monitoring)
                    check_two_terms(v, RuleId::monitor_two_terms, *last_monitoring, e.date,
                                    "monitoring", "SEN Support", sink);
                break;
            case EventKind::provision_plan:
                last_plan = last_plan_or_review = e.date;
                break;
            case EventKind::impact_review:
                last_plan_or_review = s.last_impact_review = e.date;
                break;
            case EventKind::recommendation:
                if (e.review_date) s.reviewable_recommendation = true;
                break;
            case EventKind::hnf_applied:
                s.hnf_applied = true;
                break;
            case EventKind::ehcp_issued:
                s.ehcp_issued = true;
                break;
            case EventKind::consent_given:
                if (!s.first_consent) s.first_consent = e.date;
                break;
            case EventKind::surgery:
                if (!s.first_surgery) s.first_surgery = e.date;
                last_surgery = e.date;
                break;
            case EventKind::lift_paperwork:
                if (!s.first_consent)
                    sink.add(RuleId::consent_before_referral, Status::blocked, std::nullopt, [&] {
                        return "LIFT paperwork received on " + to_display(e.date) +
                               " without parental consent on or before that date";
                    });
                if (last_surgery)
                    check_two_terms(v, RuleId::surgery_two_terms, *last_surgery, e.date,
                                    "Surgery advice", "LIFT paperwork", sink);
                break;
            case EventKind::lift_discussed:
                if (!surgery_before(s, e.date))
                    sink.add(RuleId::surgery_before_lift, Status::blocked, std::nullopt, [&] {
                        return "discussed at LIFT on " + to_display(e.date) +
                               " without an earlier STLS Surgery discussion";
                    });
                if (!first_lift_discussed) first_lift_discussed = e.date;
                break;
            case EventKind::caselist_opened:
                caselist_opened = e.date;
                last_visit.reset();
                break;
            case EventKind::visit:
                if (caselist_opened) last_visit = e.date;
                break;
            case EventKind::case_closed:
                last_close = e.date;
                caselist_opened.reset();
                break;
            case EventKind::sodlis_issued:
            case EventKind::ehcna_requested:
                if (e.kind == EventKind::ehcna_requested) s.ehcna_requested = true;
                if (!first_lift_discussed)
                    sink.add(RuleId::ehcna_after_lift, Status::warning, std::nullopt, [&] {
                        return std::string(e.kind == EventKind::sodlis_issued ? "SODLIS issued"
                                                                              : "EHCNA requested") +
                               " on " + to_display(e.date) +
                               " without a LIFT discussion on or before that date";
                    });
                break;
            default:
                break;
        }
    }

    if (qfla_pending)  // rare: walk again for each qfla after the last review
        for (const EventEntry& e : v.events)
            if (e.kind == EventKind::qfla && !(last_qfla_review && e.date <= *last_qfla_review))
                check_qfla_review(v, e.date, sink);
    // The plan is active while no case_closed is on or after the latest plan.
    if (last_plan && !(last_close && *last_close >= *last_plan))
        check_impact_review(v, *last_plan, *last_plan_or_review, sink);
    if (caselist_opened) check_caselist_visit(v, *caselist_opened, last_visit, sink);
}

}  // namespace core::rules_detail

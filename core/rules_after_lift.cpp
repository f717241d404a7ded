// The rules for what follows LIFT (RULES.md, issue 11): recommendation-review,
// hnf-evidence, ehcna-decision, ehcp-20-weeks and annual-review. They run only for
// pupils whose event walk (rules_events.cpp) met a reviewable recommendation, an HNF
// application, an EHCNA request or an EHC plan, so the rest pay nothing for them.
//
// Readings where RULES.md leaves a choice (core_rules_after_lift_test pins each one):
// - The statutory clocks count calendar days from the request: week 6 ends on R + 42,
//   week 16 on R + 112, week 20 on R + 140; a step on that day is in time.
// - A decision with no detail (or `assess`) keeps the 20-week clock running; only
//   `not_assess` stops it (after_lift_facts.hpp reads the facts the pupil card shows).
// - The STLS closing a case (case_closed) stops none of these: they are statutory or
//   about the school's own reviews, not about STLS involvement.
// - A review_date is allowed on any event; only a recommendation's is checked.
#include <string>
#include <vector>

#include "core/after_lift_facts.hpp"
#include "core/rule_context.hpp"

namespace core::rules_detail {
namespace {

// "specialist_intervention" -> "specialist intervention": contract words as a reader
// says them.
std::string spoken(std::string_view word) {
    std::string out(word);
    for (char& c : out)
        if (c == '_') c = ' ';
    return out;
}

void check_recommendation_reviews(const PupilView& v, const EventSummary& s, FindingSink& sink) {
    for (const EventEntry& e : v.events) {
        if (e.kind != EventKind::recommendation || !e.review_date) continue;
        // Any impact review on or after the recommendation's date clears it, however late.
        if (s.last_impact_review && *s.last_impact_review >= e.date) continue;
        const Date due = *e.review_date;
        const Status status = due_status(due, v.today, v.shared.config.due_window_days);
        sink.add(RuleId::recommendation_review, status, due, [&] {
            std::string what = "LIFT recommendation of " + to_display(e.date);
            std::string about = spoken(e.detail);
            if (!e.owner.empty())
                about += (about.empty() ? "owner: " : ", owner: ") + std::string(e.owner);
            if (!about.empty()) what += " (" + about + ")";
            return status == Status::overdue
                       ? what + " needed an impact review by " + to_display(due) + "; none recorded"
                       : what + " is due for an impact review by " + to_display(due);
        });
    }
}

void check_hnf_evidence(const PupilView& v, FindingSink& sink) {
    for (const EventEntry& e : v.events) {
        if (e.kind != EventKind::hnf_applied) continue;
        const std::vector<std::string> missing = hnf_evidence(v.events, e.date).missing();
        if (missing.empty()) continue;
        sink.add(RuleId::hnf_evidence, Status::warning, std::nullopt, [&] {
            std::string reason = "HNF applied on " + to_display(e.date) + " without: ";
            for (size_t i = 0; i < missing.size(); ++i) reason += (i ? ", " : "") + missing[i];
            return reason;
        });
    }
}

void check_decision(const PupilView& v, const EhcRequest& r, FindingSink& sink) {
    const Date due = r.decision_due();
    const std::optional<EventEntry>& decision = r.decision;
    const std::string request = "EHC needs assessment requested on " + to_display(r.requested);
    if (decision) {
        if (decision->date <= due) return;
        sink.add(RuleId::ehcna_decision, Status::warning, std::nullopt, [&] {
            return "decision whether to assess made on " + to_display(decision->date) +
                   ", after the 6-week deadline of " + to_display(due) + " (" + request + ")";
        });
        return;
    }
    const Status status = due_status(due, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::ehcna_decision, status, due, [&] {
        return status == Status::overdue
                   ? request + ": the decision whether to assess was due by " + to_display(due) +
                         " (week 6); none recorded"
                   : request + ": the decision whether to assess is due by " + to_display(due) +
                         " (week 6)";
    });
}

void check_plan_clock(const PupilView& v, const EhcRequest& r, FindingSink& sink) {
    const Date plan_due = r.plan_due(), decline_due = r.decline_due();
    const std::string request = "EHC needs assessment requested on " + to_display(r.requested);
    if (const std::optional<EventEntry>& outcome = r.outcome) {
        const bool issued = r.issued();
        const Date deadline = issued ? plan_due : decline_due;
        if (outcome->date <= deadline) return;
        sink.add(RuleId::ehcp_20_weeks, Status::warning, std::nullopt, [&] {
            return (issued ? "EHC plan issued on " : "decision not to issue a plan made on ") +
                   to_display(outcome->date) + ", after the " + (issued ? "20" : "16") +
                   "-week deadline of " + to_display(deadline) + " (" + request + ")";
        });
        return;
    }
    const Status status = due_status(plan_due, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::ehcp_20_weeks, status, plan_due, [&] {
        return status == Status::overdue
                   ? request + ": the EHC plan was due by " + to_display(plan_due) +
                         " (week 20); none issued"
                   : request + ": the EHC plan is due by " + to_display(plan_due) + " (week 20)";
    });
}

void check_ehcna_clocks(const PupilView& v, FindingSink& sink) {
    for (const EhcRequest& r : ehc_requests(v.events)) {
        check_decision(v, r, sink);
        if (!r.refused()) check_plan_clock(v, r, sink);
    }
}

void check_annual_review(const PupilView& v, FindingSink& sink) {
    const std::optional<EhcPlanInPlace> plan = ehc_plan_in_place(v.events);
    if (!plan) return;
    const Date since = plan->last_review.value_or(plan->issued);
    const Date due = plan->review_due;
    const Status status = due_status(due, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::annual_review, status, due, [&] {
        std::string from = plan->last_review ? "the last annual review on " + to_display(since)
                                             : "the EHC plan issued on " + to_display(since);
        return status == Status::overdue
                   ? "annual review of the EHC plan was due by " + to_display(due) +
                         ", a year after " + from + "; none recorded since"
                   : "annual review of the EHC plan is due by " + to_display(due) +
                         ", a year after " + from;
    });
}

}  // namespace

void check_after_lift_rules(const PupilView& v, const EventSummary& s, FindingSink& sink) {
    if (s.reviewable_recommendation) check_recommendation_reviews(v, s, sink);
    if (s.hnf_applied) check_hnf_evidence(v, sink);
    if (s.ehcna_requested) check_ehcna_clocks(v, sink);
    if (s.ehcp_issued) check_annual_review(v, sink);
}

}  // namespace core::rules_detail

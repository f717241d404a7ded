// The rules for what follows LIFT (RULES.md, issue 11): recommendation-review,
// hnf-evidence, ehcna-decision, ehcp-20-weeks and annual-review. They run only for
// pupils whose event walk (rules_events.cpp) met a reviewable recommendation, an HNF
// application, an EHCNA request or an EHC plan, so the rest pay nothing for them.
//
// Readings where RULES.md leaves a choice (core_rules_after_lift_test pins each one):
// - The statutory clocks count calendar days from the request: week 6 ends on R + 42,
//   week 16 on R + 112, week 20 on R + 140; a step on that day is in time.
// - A decision with no detail (or `assess`) keeps the 20-week clock running; only
//   `not_assess` stops it. A request is answered by the first decision on or after it,
//   so one decision answers every request made since the decision before it.
// - The STLS closing a case (case_closed) stops none of these: they are statutory or
//   about the school's own reviews, not about STLS involvement.
// - A review_date is allowed on any event; only a recommendation's is checked.
#include <string>
#include <vector>

#include "core/rule_context.hpp"

namespace core::rules_detail {
namespace {

constexpr int kDecisionDays = 6 * 7, kDeclineDays = 16 * 7, kPlanDays = 20 * 7;

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

// What an HNF application on `applied` lacks, in the order the criteria list it.
std::vector<std::string> missing_hnf_evidence(const PupilView& v, Date applied) {
    bool sen_support = false, lift = false, ehc_plan = false;
    std::vector<Date> plans, reviews;  // on or before the application, in date order
    for (const EventEntry& e : v.events) {
        if (e.date > applied) break;  // sorted by date
        switch (e.kind) {
            case EventKind::sen_support:
                sen_support = true;
                break;
            case EventKind::lift_discussed:
                lift = true;
                break;
            case EventKind::ehcp_issued:
                ehc_plan = true;
                break;
            case EventKind::provision_plan:
                plans.push_back(e.date);
                break;
            case EventKind::impact_review:
                reviews.push_back(e.date);
                break;
            default:
                break;
        }
    }
    // A cycle is complete when a review follows its plan, no later than the next plan
    // (or the application).
    int cycles = 0;
    for (size_t i = 0; i < plans.size(); ++i) {
        const Date limit = i + 1 < plans.size() ? plans[i + 1] : applied;
        for (Date r : reviews)
            if (r > plans[i] && r <= limit) {
                ++cycles;
                break;
            }
    }
    std::vector<std::string> missing;
    if (!sen_support) missing.push_back("SEN Support");
    if (!lift && !ehc_plan) missing.push_back("LIFT advice");
    if (cycles == 0) missing.push_back("two plan\u2013review cycles");
    if (cycles == 1) missing.push_back("a second plan\u2013review cycle");
    return missing;
}

void check_hnf_evidence(const PupilView& v, FindingSink& sink) {
    for (const EventEntry& e : v.events) {
        if (e.kind != EventKind::hnf_applied) continue;
        std::vector<std::string> missing = missing_hnf_evidence(v, e.date);
        if (missing.empty()) continue;
        sink.add(RuleId::hnf_evidence, Status::warning, std::nullopt, [&] {
            std::string reason = "HNF applied on " + to_display(e.date) + " without: ";
            for (size_t i = 0; i < missing.size(); ++i) reason += (i ? ", " : "") + missing[i];
            return reason;
        });
    }
}

// The first event of `kind` (or `other`) dated on or after `from`, if any.
std::optional<EventEntry> first_on_or_after(const EventRange& events, Date from, EventKind kind,
                                            EventKind other) {
    for (const EventEntry& e : events)
        if (e.date >= from && (e.kind == kind || e.kind == other)) return e;
    return std::nullopt;
}

void check_decision(const PupilView& v, Date requested, const std::optional<EventEntry>& decision,
                    FindingSink& sink) {
    const Date due = requested + kDecisionDays;
    const std::string request = "EHC needs assessment requested on " + to_display(requested);
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

void check_plan_clock(const PupilView& v, Date requested, FindingSink& sink) {
    const Date plan_due = requested + kPlanDays, decline_due = requested + kDeclineDays;
    const std::string request = "EHC needs assessment requested on " + to_display(requested);
    auto outcome =
        first_on_or_after(v.events, requested, EventKind::ehcp_issued, EventKind::ehcp_declined);
    if (outcome) {
        const bool issued = outcome->kind == EventKind::ehcp_issued;
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
    for (const EventEntry& e : v.events) {
        if (e.kind != EventKind::ehcna_requested) continue;
        auto decision = first_on_or_after(v.events, e.date, EventKind::ehcna_decision,
                                          EventKind::ehcna_decision);
        check_decision(v, e.date, decision, sink);
        if (!(decision && decision->detail == "not_assess")) check_plan_clock(v, e.date, sink);
    }
}

void check_annual_review(const PupilView& v, FindingSink& sink) {
    std::optional<Date> plan, last_review;  // the latest plan and its latest review
    bool ceased = false;
    for (const EventEntry& e : v.events) {
        if (e.kind == EventKind::ehcp_issued) {
            plan = e.date;
            last_review.reset();
            ceased = false;
        } else if (plan && e.kind == EventKind::annual_review && e.date >= *plan) {
            last_review = e.date;
        } else if (plan && e.kind == EventKind::ehcp_ceased && e.date >= *plan) {
            ceased = true;
        }
    }
    if (!plan || ceased) return;
    const Date since = last_review.value_or(*plan);
    const Date due = add_years(since, 1);
    const Status status = due_status(due, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::annual_review, status, due, [&] {
        std::string from = last_review ? "the last annual review on " + to_display(since)
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

// The after-LIFT view-model (see after_lift_view.hpp).
#include "core/after_lift_view.hpp"

namespace core {
namespace {

HnfCriterion criterion(std::string label, std::optional<Date> met_on, bool applied) {
    HnfCriterion c;
    c.label = std::move(label);
    c.met = met_on.has_value();
    c.when = met_on ? to_display(*met_on) : "missing";
    c.status = c.met || !applied ? Status::ok : Status::warning;
    return c;
}

HnfCriterion cycle_criterion(const HnfEvidence& evidence, int number, bool applied) {
    // The two most recent cycles, the older first: "the two most recent plans with their
    // reviews" is what the application shows.
    // With one cycle, it is cycle 1 and cycle 2 is missing.
    const size_t n = evidence.cycles.size();
    const std::string label = "Plan\u2013review cycle " + std::to_string(number);
    std::optional<PlanReviewCycle> cycle;
    if (number == 1 && n >= 1) cycle = evidence.cycles[n >= 2 ? n - 2 : 0];
    if (number == 2 && n >= 2) cycle = evidence.cycles[n - 1];
    HnfCriterion c = criterion(label, cycle ? std::optional(cycle->review) : std::nullopt, applied);
    if (cycle)
        c.detail = "plan " + to_display(cycle->plan) + ", reviewed " + to_display(cycle->review);
    return c;
}

Status step_status(Date due, std::optional<Date> done, Date today, int window) {
    if (done) return *done <= due ? Status::ok : Status::warning;
    return due_status(due, today, window);
}

}  // namespace

std::optional<HnfChecklist> hnf_checklist(EventRange events, Stage stage, Date today) {
    std::optional<Date> applied;
    for (const EventEntry& e : events)
        if (e.kind == EventKind::hnf_applied) applied = e.date;  // the latest
    const bool at_sen_support = stage >= Stage::sen_support && stage <= Stage::ehcp;
    if (!applied && !at_sen_support) return std::nullopt;

    const HnfEvidence evidence = hnf_evidence(events, applied.value_or(today));
    HnfChecklist list;
    list.applied = applied.has_value();
    list.heading = applied ? "For the HNF application of " + to_display(*applied)
                           : std::string("Evidence so far (no HNF application yet)");
    list.criteria.push_back(criterion("SEN Support", evidence.sen_support, list.applied));
    HnfCriterion lift = criterion("LIFT advice", evidence.lift_advice, list.applied);
    if (!evidence.lift_needed() && !lift.met) {
        lift.met = true;
        lift.status = Status::ok;
        lift.when = "not needed";
        lift.detail = "EHC plan issued " + to_display(*evidence.ehc_plan);
    }
    list.criteria.push_back(std::move(lift));
    list.criteria.push_back(cycle_criterion(evidence, 1, list.applied));
    list.criteria.push_back(cycle_criterion(evidence, 2, list.applied));
    for (const HnfCriterion& c : list.criteria) list.met += c.met;
    // The same judgement as hnf-evidence: anything missing from an application.
    list.status = list.applied && !evidence.missing().empty() ? Status::warning : Status::ok;
    return list;
}

std::optional<EhcClock> open_ehc_clock(EventRange events, Date today, int due_window_days) {
    const std::vector<EhcRequest> requests = ehc_requests(events);
    if (requests.empty() || !requests.back().open()) return std::nullopt;
    const EhcRequest& r = requests.back();

    EhcClock clock;
    clock.requested = r.requested;
    clock.week = clock_week(r.requested, today);
    clock.headline = "Week " + std::to_string(clock.week) + " of 20";
    clock.requested_text = "requested " + to_display(r.requested);

    EhcClockStep decision;
    decision.label = "Decision whether to assess";
    decision.due = r.decision_due();
    decision.due_week = 6;
    if (r.decision) decision.done = r.decision->date;
    decision.status = step_status(decision.due, decision.done, today, due_window_days);
    decision.text = r.decision ? "decided " + to_display(r.decision->date) +
                                     (r.decision->detail == "assess" ? ": to assess" : "") +
                                     (decision.status == Status::warning ? ", after week 6" : "")
                               : "due " + to_display(decision.due) + " (week 6)";

    EhcClockStep plan;
    plan.label = "Final EHC plan";
    plan.due = r.plan_due();
    plan.due_week = 20;
    plan.status = step_status(plan.due, std::nullopt, today, due_window_days);
    plan.text = "due " + to_display(plan.due) + " (week 20)";

    clock.note = "or a decision not to issue by " + to_display(r.decline_due()) + " (week 16)";
    if (r.draft) clock.note = "draft plan sent " + to_display(r.draft->date) + "; " + clock.note;
    clock.status = std::max(decision.status, plan.status);
    clock.steps = {std::move(decision), std::move(plan)};
    return clock;
}

std::string ehc_badge(int week) {
    return "EHC wk " + std::to_string(week) + "/20";
}

}  // namespace core

// Readings of the after-LIFT facts (see after_lift_facts.hpp).
#include "core/after_lift_facts.hpp"

#include <algorithm>

namespace core {
namespace {

// The first event of `kind` (or `other`) dated on or after `from`, if any.
std::optional<EventEntry> first_on_or_after(EventRange events, Date from, EventKind kind,
                                            EventKind other) {
    for (const EventEntry& e : events)
        if (e.date >= from && (e.kind == kind || e.kind == other)) return e;
    return std::nullopt;
}

}  // namespace

std::vector<std::string> HnfEvidence::missing() const {
    std::vector<std::string> out;
    if (!sen_support) out.push_back("SEN Support");
    if (!lift_advice && lift_needed()) out.push_back("LIFT advice");
    if (cycles.empty()) out.push_back("two plan\u2013review cycles");
    if (cycles.size() == 1) out.push_back("a second plan\u2013review cycle");
    return out;
}

HnfEvidence hnf_evidence(EventRange events, Date as_of) {
    HnfEvidence evidence;
    evidence.as_of = as_of;
    std::vector<Date> plans, reviews;  // on or before as_of, in date order
    for (const EventEntry& e : events) {
        if (e.date > as_of) break;  // sorted by date
        switch (e.kind) {
            case EventKind::sen_support:
                if (!evidence.sen_support) evidence.sen_support = e.date;
                break;
            case EventKind::lift_discussed:
                evidence.lift_advice = e.date;
                break;
            case EventKind::ehcp_issued:
                if (!evidence.ehc_plan) evidence.ehc_plan = e.date;
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
    // (or the date read on).
    for (size_t i = 0; i < plans.size(); ++i) {
        const Date limit = i + 1 < plans.size() ? plans[i + 1] : as_of;
        auto review = std::upper_bound(reviews.begin(), reviews.end(), plans[i]);
        if (review != reviews.end() && *review <= limit)
            evidence.cycles.push_back({plans[i], *review});
    }
    return evidence;
}

std::vector<EhcRequest> ehc_requests(EventRange events) {
    std::vector<EhcRequest> requests;
    for (const EventEntry& e : events) {
        if (e.kind != EventKind::ehcna_requested) continue;
        EhcRequest r;
        r.requested = e.date;
        // A request is answered by the first decision on or after it, so one decision
        // answers every request made since the decision before it.
        r.decision =
            first_on_or_after(events, e.date, EventKind::ehcna_decision, EventKind::ehcna_decision);
        r.draft = first_on_or_after(events, e.date, EventKind::ehcp_draft, EventKind::ehcp_draft);
        if (!r.refused())
            r.outcome =
                first_on_or_after(events, e.date, EventKind::ehcp_issued, EventKind::ehcp_declined);
        requests.push_back(r);
    }
    return requests;
}

int clock_week(Date from, Date on) {
    return std::max(1, (on - from + 6) / 7);
}

std::optional<EhcPlanInPlace> ehc_plan_in_place(EventRange events) {
    std::optional<Date> plan, last_review;  // the latest plan and its latest review
    bool ceased = false;
    for (const EventEntry& e : events) {
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
    if (!plan || ceased) return std::nullopt;
    return EhcPlanInPlace{*plan, last_review, add_years(last_review.value_or(*plan), 1)};
}

}  // namespace core

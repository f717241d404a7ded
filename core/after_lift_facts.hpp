// What one pupil's events say about the steps after LIFT: the HNF evidence on a date
// (Kent's criteria), each EHC needs assessment request with what answered it, and the
// EHC plan in place. Pure readings of RULES.md's precise readings; the after-LIFT rules
// (rules_after_lift.cpp) judge them and the pupil card (after_lift_view) shows them,
// so both read the same facts the same way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/dataset_tables.hpp"

namespace core {

// Statutory clocks in calendar days from the request (SEND Regulations 2014).
inline constexpr int kEhcDecisionDays = 6 * 7, kEhcDeclineDays = 16 * 7, kEhcPlanDays = 20 * 7;

// One assess-plan-do-review cycle: a provision plan and the first impact review after
// it, no later than the next plan (or the date the evidence is read on).
struct PlanReviewCycle {
    Date plan, review;
};

// The HNF evidence on or before `as_of` (hnf-evidence's reading).
struct HnfEvidence {
    Date as_of;
    std::optional<Date> sen_support;      // the first sen_support
    std::optional<Date> lift_advice;      // the latest lift_discussed
    std::optional<Date> ehc_plan;         // the first ehcp_issued: LIFT advice not needed
    std::vector<PlanReviewCycle> cycles;  // complete cycles, oldest first

    bool lift_needed() const { return !ehc_plan; }
    // What the application lacks, in the order the criteria list it ("SEN Support",
    // "LIFT advice", "two plan–review cycles" or "a second plan–review cycle").
    std::vector<std::string> missing() const;
};

// `events` sorted by date then kind (Dataset::index()).
HnfEvidence hnf_evidence(EventRange events, Date as_of);

// One ehcna_requested and the steps that answered it. The views point into the events'
// Dataset.
struct EhcRequest {
    Date requested;
    std::optional<EventEntry> decision;  // the first ehcna_decision on or after it
    std::optional<EventEntry> draft;     // the first ehcp_draft on or after it
    // The first ehcp_issued or ehcp_declined on or after it; never set once refused.
    std::optional<EventEntry> outcome;

    bool refused() const { return decision && decision->detail == "not_assess"; }
    bool issued() const { return outcome && outcome->kind == EventKind::ehcp_issued; }
    // Still running: not refused and no plan issued or declined.
    bool open() const { return !refused() && !outcome; }
    Date decision_due() const { return requested + kEhcDecisionDays; }
    Date decline_due() const { return requested + kEhcDeclineDays; }
    Date plan_due() const { return requested + kEhcPlanDays; }
};

// Every request, in date order.
std::vector<EhcRequest> ehc_requests(EventRange events);

// "Week 9" of a clock started on `from`: day 1 to 7 after it is week 1, so a step on
// from + 42 is in week 6 (the day itself counts as week 1).
int clock_week(Date from, Date on);

// An EHC plan in place: the latest ehcp_issued with no ehcp_ceased on or after it.
struct EhcPlanInPlace {
    Date issued;
    std::optional<Date> last_review;  // the latest annual_review on or after the plan
    Date review_due;                  // a year after the latest of the two
};
std::optional<EhcPlanInPlace> ehc_plan_in_place(EventRange events);

}  // namespace core

// What the pupil card and the caseload board show of the steps after LIFT: the HNF
// evidence checklist (each Kent criterion met with its date, or missing) and the EHC
// clock of an open request ("week 9 of 20", the decision and plan due dates, each
// coloured by status). A view-model: pure functions of the pupil's events, stage and
// "today", built on the same facts the after-LIFT rules judge (after_lift_facts.hpp),
// with every text formatted here so the widgets only draw.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/after_lift_facts.hpp"
#include "core/rules.hpp"

namespace core {

// One Kent HNF criterion.
struct HnfCriterion {
    std::string label;  // "SEN Support", "LIFT advice", "Plan–review cycle 1"
    bool met = false;
    std::string when;    // "3 Mar 2025", "missing", "not needed"
    std::string detail;  // "plan 3 Mar 2025, reviewed 2 Jun 2025", "" when none
    // warning when missing from an application; ok when met, or missing with none made
    Status status = Status::ok;
};

struct HnfChecklist {
    // "For the HNF application of 3 Mar 2025" or "Evidence so far (no application yet)".
    std::string heading;
    bool applied = false;                // read on an application's date (else on today)
    std::vector<HnfCriterion> criteria;  // SEN Support, LIFT advice, cycle 1, cycle 2
    int met = 0;
    // warning when an application lacks evidence (the hnf-evidence finding), else ok.
    Status status = Status::ok;
};

// The checklist for the pupil's latest HNF application, or as of `today` when there is
// none; nullopt for a pupil not yet at SEN Support (stage before it, or closed without
// an application).
std::optional<HnfChecklist> hnf_checklist(EventRange events, Stage stage, Date today);

// One statutory step of an EHC needs assessment.
struct EhcClockStep {
    std::string label;  // "Decision whether to assess", "Final EHC plan"
    Date due;
    int due_week = 0;            // 6, 20
    std::optional<Date> done;    // when it happened, if it has
    std::string text;            // "due 14 Apr 2025 (week 6)", "decided 10 Apr 2025: to assess"
    Status status = Status::ok;  // ok when done in time, warning when late, else due/overdue
};

// The clock of an open request.
struct EhcClock {
    Date requested;
    int week = 1;                     // week of the 20-week clock today (may pass 20)
    std::string headline;             // "Week 9 of 20"
    std::string requested_text;       // "requested 3 Mar 2025"
    std::vector<EhcClockStep> steps;  // the decision (week 6), then the plan (week 20)
    std::string note;  // "or a decision not to issue by 23 Jun 2025 (week 16)"; draft sent
    Status status = Status::ok;  // the worst step's
};

// The clock of the pupil's latest request while it is open (not refused, no plan issued
// or declined yet); nullopt otherwise.
std::optional<EhcClock> open_ehc_clock(EventRange events, Date today, int due_window_days);

// The compact form the caseload board shows: "EHC wk 9/20", coloured by `status`.
std::string ehc_badge(int week);

}  // namespace core

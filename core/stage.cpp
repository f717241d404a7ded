// Which pathway stage each event shows, and the pupil's current stage: the furthest
// stage reached since the last closure (RULES.md "furthest step reached and not
// closed"). The next step for each stage is in stage_next.cpp.
#include "core/stage.hpp"

#include <algorithm>

namespace core {

// Mapping choices (PATHWAY.md steps):
// - concern_raised is step 1; qfla and its review step 2; monitoring_start step 3.
// - SEN Support covers steps 4-8: the register, parents told, agency referrals,
//   assessments, the provision plan and its impact reviews.
// - consent_given marks no step: it is a prerequisite that can come at any point.
// - lift covers referral to and discussion at LIFT and its outcomes: paperwork,
//   discussion, recommendations and an STLS consultation (offered after LIFT, step 12,
//   without the pupil being on the caselist).
// - caselist: taken onto the caselist and visited.
// - ehcna covers the statutory assessment up to its outcome (request, decision, draft,
//   a decision not to issue) and a plan that has ceased; ehcp a plan issued and its
//   annual reviews, but only while the plan is in place (pupil_stage).
Stage stage_of_event(EventKind kind) {
    switch (kind) {
        case EventKind::concern_raised:
            return Stage::concern;
        case EventKind::qfla:
        case EventKind::qfla_review:
            return Stage::qfla;
        case EventKind::monitoring_start:
            return Stage::monitoring;
        case EventKind::sen_support:
        case EventKind::parents_informed:
        case EventKind::agency_referral:
        case EventKind::assessment:
        case EventKind::provision_plan:
        case EventKind::impact_review:
            return Stage::sen_support;
        case EventKind::consent_given:
            return Stage::none;
        case EventKind::surgery:
            return Stage::surgery;
        case EventKind::lift_paperwork:
        case EventKind::lift_discussed:
        case EventKind::recommendation:
        case EventKind::stls_consultation:
            return Stage::lift;
        case EventKind::caselist_opened:
        case EventKind::visit:
            return Stage::caselist;
        case EventKind::hnf_applied:
        case EventKind::hnf_decision:
            return Stage::hnf;
        case EventKind::sodlis_issued:
        case EventKind::ehcna_requested:
        case EventKind::ehcna_decision:
        case EventKind::ehcp_draft:
        case EventKind::ehcp_declined:
        case EventKind::ehcp_ceased:
            return Stage::ehcna;
        case EventKind::ehcp_issued:
        case EventKind::annual_review:
            return Stage::ehcp;
        case EventKind::case_closed:
            return Stage::closed;
    }
    return Stage::none;
}

Stage pupil_stage(EventRange events, BookingRange bookings, Date today) {
    Stage furthest = Stage::none;
    std::optional<Date> closed_on;
    // RULES.md: `ehcp` once an ehcp_issued is recorded and no later ehcp_ceased. The
    // plan is statutory, so closing the case to STLS does not end it; a ceased plan
    // leaves the pupil where the assessment had taken them (ehcna).
    bool plan_in_place = false;
    for (const EventEntry& e : events) {
        Stage s = stage_of_event(e.kind);
        if (e.kind == EventKind::ehcp_issued) plan_in_place = true;
        if (e.kind == EventKind::ehcp_ceased) plan_in_place = false;
        if (s == Stage::ehcp) s = Stage::ehcna;
        if (s == Stage::closed) {
            // Everything up to a closure is behind the pupil; what follows starts afresh.
            furthest = Stage::none;
            closed_on = e.date;
        } else {
            furthest = std::max(furthest, s);
        }
    }
    for (const BookingEntry& b : bookings) {
        if (closed_on && b.meeting_date <= *closed_on) continue;
        if (b.kind == BookingKind::lift)
            furthest = std::max(furthest, Stage::lift);
        else if (b.meeting_date <= today)
            furthest = std::max(furthest, Stage::surgery);
    }
    if (plan_in_place) return Stage::ehcp;
    if (furthest == Stage::none && closed_on) return Stage::closed;
    return furthest;
}

}  // namespace core

// The next step after each stage (PATHWAY.md order) with the dates the rules allow:
// `earliest` where a rule says "not before" (two terms of monitoring or of Surgery
// advice, a booked meeting), `due` where a rule says "by" (QFLA review, impact review,
// paperwork deadline, caselist visit, the statutory EHC dates). Wording is short: boards
// show it in one cell.
#include <algorithm>
#include <string>

#include "core/after_lift_facts.hpp"
#include "core/stage.hpp"

namespace core {
namespace {

// What the next step depends on, from one walk over the events.
struct Facts {
    std::optional<Date> last_close, first_consent, last_qfla_review, pending_qfla;
    std::optional<Date> last_monitoring, last_surgery, last_plan_or_review, first_lift_discussed;
    std::optional<Date> caselist_opened, last_visit;
    bool lift_discussed_since_close = false, hnf_pending = false;
    // The latest EHCNA request (since the last closure) and what answered it; the
    // latest EHC plan, its latest annual review and whether it has ceased.
    std::optional<Date> ehcna_requested, decided_on, declined_on;
    bool not_assess = false;
    std::optional<Date> plan, plan_review, ceased_on;
};

Facts gather(EventRange events) {
    Facts f;
    for (const EventEntry& e : events) {
        switch (e.kind) {
            case EventKind::qfla:
                if (!f.pending_qfla) f.pending_qfla = e.date;
                break;
            case EventKind::qfla_review:
                f.pending_qfla.reset();
                break;
            case EventKind::monitoring_start:
                f.last_monitoring = e.date;
                break;
            case EventKind::provision_plan:
            case EventKind::impact_review:
                f.last_plan_or_review = e.date;
                break;
            case EventKind::consent_given:
                if (!f.first_consent) f.first_consent = e.date;
                break;
            case EventKind::surgery:
                f.last_surgery = e.date;
                break;
            case EventKind::lift_discussed:
            case EventKind::recommendation:
                if (e.kind == EventKind::lift_discussed && !f.first_lift_discussed)
                    f.first_lift_discussed = e.date;
                f.lift_discussed_since_close = true;
                break;
            case EventKind::caselist_opened:
                f.caselist_opened = e.date;
                f.last_visit.reset();
                break;
            case EventKind::visit:
                if (f.caselist_opened) f.last_visit = e.date;
                break;
            case EventKind::hnf_applied:
                f.hnf_pending = true;
                break;
            case EventKind::hnf_decision:
                f.hnf_pending = false;
                break;
            case EventKind::ehcna_requested:
                f.ehcna_requested = e.date;
                f.decided_on.reset();
                f.declined_on.reset();
                f.not_assess = false;
                break;
            case EventKind::ehcna_decision:
                if (f.ehcna_requested && !f.decided_on) {  // the first answers the request
                    f.decided_on = e.date;
                    f.not_assess = e.detail == "not_assess";
                }
                break;
            case EventKind::ehcp_declined:
                if (f.ehcna_requested && !f.declined_on) f.declined_on = e.date;
                break;
            case EventKind::ehcp_issued:
                f.plan = e.date;
                f.plan_review.reset();
                f.ceased_on.reset();
                break;
            case EventKind::annual_review:
                if (f.plan) f.plan_review = e.date;
                break;
            case EventKind::ehcp_ceased:
                if (f.plan) f.ceased_on = e.date;
                break;
            case EventKind::case_closed:
                f.last_close = e.date;
                f.caselist_opened.reset();
                f.lift_discussed_since_close = f.hnf_pending = false;
                f.ehcna_requested.reset();
                break;
            default:
                break;
        }
    }
    return f;
}

std::string at_meeting(const LiftMeeting& m, const MeetingLookup& lookup) {
    return "LIFT on " + to_display(m.meeting_date) + " (paperwork by " +
           to_display(lookup.deadline_of(m)) + ")";
}

NextStep caselist_visit(const Facts& f, const NextStepInputs& in) {
    if (!f.caselist_opened) return {"Continue STLS support until the outcome is met", {}, {}};
    Date due = f.last_visit.value_or(*f.caselist_opened) + in.config.visit_interval_weeks * 7;
    return {"STLS visit by " + to_display(due), {}, due};
}

NextStep after_surgery(const Facts& f, const NextStepInputs& in) {
    std::string consent = f.first_consent ? "" : "Parental consent, then ";
    Date basis = f.last_surgery.value_or(in.today);
    TermShift shift = in.calendar.two_terms_after(basis);
    if (!shift.covered())
        return {consent +
                    "LIFT paperwork after two terms of Surgery advice (term calendar does "
                    "not cover them)",
                {},
                {}};
    Date from = std::max(*shift.date, in.today);
    std::string text = consent + "LIFT paperwork from " + to_display(*shift.date);
    if (in.meetings)
        if (const LiftMeeting* m = in.meetings->next_meeting_for(in.pupil_index, from))
            text += ", for " + at_meeting(*m, *in.meetings);
    return {text, shift.date, {}};
}

NextStep at_lift(const Facts& f, EventRange events, BookingRange bookings,
                 const NextStepInputs& in) {
    // A meeting the pupil was discussed at (a lift_discussed or a recommendation of that
    // day) is behind them from that day on, not only the day after: the session board
    // shows the next step while the meeting is still running.
    const auto discussed_on = [&](Date m) {
        return std::any_of(events.begin(), events.end(), [&](const EventEntry& e) {
            return e.date == m &&
                   (e.kind == EventKind::lift_discussed || e.kind == EventKind::recommendation);
        });
    };
    std::optional<BookingEntry> upcoming;
    for (const BookingEntry& b : bookings)
        if (b.kind == BookingKind::lift && b.meeting_date >= in.today &&
            !discussed_on(b.meeting_date)) {
            upcoming = b;
            break;  // sorted by date: the first is the nearest
        }
    if (upcoming) {
        Date m = upcoming->meeting_date;
        if (!(f.first_consent && *f.first_consent <= m))
            return {"Parental consent before LIFT on " + to_display(m), {}, m};
        bool received = upcoming->paperwork_received.has_value();
        for (const EventEntry& e : events)
            if (e.kind == EventKind::lift_paperwork && e.date <= m && e.date >= m - 55)
                received = true;
        if (!received && in.meetings) {
            Date deadline = in.meetings->deadline_of(*upcoming);
            return {"LIFT paperwork by " + to_display(deadline) + " for LIFT on " + to_display(m),
                    {},
                    deadline};
        }
        return {"Present at LIFT on " + to_display(m), m, {}};
    }
    if (f.lift_discussed_since_close)
        return {"Implement the LIFT recommendations; back to Surgery if no impact", {}, {}};
    const LiftMeeting* next =
        in.meetings ? in.meetings->next_meeting_for(in.pupil_index, in.today) : nullptr;
    if (next) return {"Book into " + at_meeting(*next, *in.meetings), next->meeting_date, {}};
    return {"Book a LIFT meeting", {}, {}};
}

// After a request: the statutory date that comes next (RULES.md ehcna-decision and
// ehcp-20-weeks), or what a refusal leaves the school to do.
NextStep towards_plan(const Facts& f) {
    const Date requested = *f.ehcna_requested;
    if (!f.decided_on) {
        Date due = requested + kEhcDecisionDays;
        return {"EHCNA decision due by " + to_display(due) + " (week 6)", {}, due};
    }
    if (f.not_assess)
        return {"Not to be assessed (decided " + to_display(*f.decided_on) +
                    "): continue SEN Support and review impact",
                {},
                {}};
    if (f.declined_on)
        return {"No EHC plan (decided " + to_display(*f.declined_on) +
                    "): continue SEN Support and review impact",
                {},
                {}};
    Date due = requested + kEhcPlanDays;
    return {"EHC plan due by " + to_display(due) + " (week 20)", {}, due};
}

}  // namespace

NextStep next_step(Stage stage, EventRange events, BookingRange bookings,
                   const NextStepInputs& in) {
    Facts f = gather(events);
    switch (stage) {
        case Stage::none:
            return {"Record the concern and the QFT strategies in place", {}, {}};
        case Stage::concern:
            return {"Carry out a Quality First Learning Assessment", {}, {}};
        case Stage::qfla:
            if (f.pending_qfla)
                return {"Review progress after the QFLA by " + to_display(*f.pending_qfla + 28),
                        f.pending_qfla, *f.pending_qfla + 28};
            return {"Monitor and review for at least two terms", {}, {}};
        case Stage::monitoring: {
            TermShift shift = in.calendar.two_terms_after(f.last_monitoring.value_or(in.today));
            if (!shift.covered())
                return {
                    "SEN Support if no impact after two terms (term calendar does not cover "
                    "them)",
                    {},
                    {}};
            return {"SEN Support if no impact, from " + to_display(*shift.date), shift.date, {}};
        }
        case Stage::sen_support: {
            for (const BookingEntry& b : bookings)
                if (b.kind == BookingKind::surgery && b.meeting_date >= in.today)
                    return {"STLS Surgery on " + to_display(b.meeting_date), b.meeting_date, {}};
            if (!f.last_plan_or_review) return {"Record the plan on the Provision Map", {}, {}};
            TermShift review = in.calendar.two_terms_after(*f.last_plan_or_review);
            if (!review.covered()) return {"STLS Surgery if the plan has no impact", {}, {}};
            return {"Review impact by " + to_display(*review.date) + "; Surgery if no impact",
                    {},
                    review.date};
        }
        case Stage::surgery:
            return after_surgery(f, in);
        case Stage::lift:
            return at_lift(f, events, bookings, in);
        case Stage::caselist:
            return caselist_visit(f, in);
        case Stage::hnf:
            if (f.hnf_pending) return {"Await the High Needs Funding decision", {}, {}};
            if (f.caselist_opened) return caselist_visit(f, in);
            return {"Put the funded provision in place and review impact", {}, {}};
        case Stage::ehcna:
            // A plan that ceased after the latest request ends that story.
            if (f.ceased_on && !(f.ehcna_requested && *f.ehcna_requested > *f.plan))
                return {"EHC plan ceased on " + to_display(*f.ceased_on) +
                            ": continue SEN Support and review impact",
                        {},
                        {}};
            if (f.ehcna_requested) return towards_plan(f);
            return {"Request an EHC needs assessment (Appendix 2)", f.first_lift_discussed, {}};
        case Stage::ehcp: {
            Date due = add_years(f.plan_review.value_or(f.plan.value_or(in.today)), 1);
            return {"Annual review by " + to_display(due), {}, due};
        }
        case Stage::closed:
            return {"None: closed to STLS", {}, {}};
    }
    return {};
}

}  // namespace core

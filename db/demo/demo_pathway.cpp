#include "db/demo/demo_pathway.hpp"

#include <algorithm>
#include <array>

#include "db/demo/demo_after_lift.hpp"
#include "db/demo/demo_history_builder.hpp"
#include "db/demo/demo_names.hpp"

namespace db::demo {
namespace {

using core::Date;
using core::EventKind;
using core::RuleId;
using core::Status;

// Days from a first concern to reaching each target stage, roughly as the pathway's
// minimum periods (two terms of monitoring, two terms after a Surgery) add up.
int days_to_reach(Target t) {
    constexpr std::array<int, 11> days = {0, 14, 45, 260, 380, 600, 640, 700, 760, 1250, 780};
    return days[static_cast<size_t>(t)];
}

constexpr std::array<std::string_view, 7> kAgencies = {"paediatrics", "chypmhs", "ep", "ot",
                                                       "salt", "physio", "early_help"};
constexpr std::array<std::string_view, 6> kAssessments = {"bpvs", "ravens", "boxall",
                                                          "lass", "cops", "language_link"};

// Impact reviews at most two terms apart while a provision plan is active, until the
// case closes or today; a deliberate breach stops them early so one falls overdue.
void add_impact_reviews(HistoryBuilder& h, const PathwayContext& context, DemoRandom& random) {
    std::vector<Date> plans;
    std::optional<Date> closed;
    for (const auto& e : h.events()) {
        if (e.kind == EventKind::provision_plan) plans.push_back(e.date);
        if (e.kind == EventKind::case_closed) closed = e.date;
    }
    if (plans.empty()) return;
    std::sort(plans.begin(), plans.end());
    Date cursor = plans.front();
    for (;;) {
        auto due = context.calendar.two_terms_after(cursor);
        if (!due) return;
        auto later_plan = std::upper_bound(plans.begin(), plans.end(), cursor);
        if (h.wants(RuleId::impact_review) && !closed && later_plan == plans.end() &&
            *due <= context.today - 14) {
            h.breach(RuleId::impact_review, Status::overdue);
            return;
        }
        Date review = *due - random.between(10, 40);
        if (later_plan != plans.end() && *later_plan <= review) {
            cursor = *later_plan;
            continue;
        }
        if (review > context.today || (closed && review > *closed)) return;
        h.add(EventKind::impact_review, review, random.percent(70) ? "no_impact" : "impact");
        cursor = review;
    }
}

// The first LIFT meeting of the school's district on or after `earliest` paperwork,
// for the school's group in that meeting's term (or another group, for a breach).
const core::LiftMeeting* find_meeting(const PathwayContext& context, const core::School& school,
                                      Date earliest, bool other_group) {
    const auto& meetings = context.meetings.lift_meetings(school.district);
    auto first = std::lower_bound(meetings.begin(), meetings.end(), earliest,
                                  [](const core::LiftMeeting* m, Date d) { return m->paperwork_deadline < d; });
    for (auto it = first; it != meetings.end(); ++it) {
        const core::LiftMeeting* m = *it;
        bool own = m->group == group_on(context, school, m->meeting_date);
        if (own != other_group) return m;
    }
    return nullptr;
}

}  // namespace

std::string group_on(const PathwayContext& context, const core::School& school, Date d) {
    auto rows = context.lift_groups_by_urn.find(school.urn);
    if (rows == context.lift_groups_by_urn.end()) return school.lift_group;
    if (const core::Term* term = context.calendar.term_containing(d)) {
        for (const core::LiftGroupAssignment* g : rows->second)
            if (g->academic_year == term->academic_year && g->term == term->term) return g->group;
    }
    return school.lift_group;
}

PupilHistory generate_history(const PathwayContext& context, const PupilPlan& plan,
                              DemoRandom& random) {
    HistoryBuilder h(context, plan);
    // Every history ends with its impact reviews and a look at its recommendations.
    auto finish = [&] {
        add_impact_reviews(h, context, random);
        note_unreviewed_recommendations(h);
        return h.take();
    };
    const Date today = context.today;
    const Target target = plan.target;
    const core::School& school = *plan.school;
    auto reached = [&](Target t) { return target >= t; };

    bool late_qfla_review = h.wants(RuleId::qfla_review) && target <= Target::monitoring;
    Date start = late_qfla_review ? today - random.between(50, 120)
                                  : today - days_to_reach(target) - random.between(0, 60);
    start = std::max(start, context.calendar.terms().front().start + 7);

    h.add(EventKind::concern_raised, start);
    if (!reached(Target::qfla)) return h.take();
    Date qfla = start + random.between(7, 21);
    if (!h.add(EventKind::qfla, qfla)) return h.take();
    Date review = qfla + random.between(14, 27);
    if (late_qfla_review)
        h.breach(RuleId::qfla_review, Status::overdue);
    else if (!h.add(EventKind::qfla_review, review))
        return h.take();
    if (!reached(Target::monitoring)) return h.take();

    Date monitoring = review + random.between(0, 7);
    if (!h.add(EventKind::monitoring_start, monitoring)) return h.take();
    if (!reached(Target::sen_support)) return h.take();

    bool early_sen = h.wants(RuleId::monitor_two_terms);
    auto two_terms = context.calendar.two_terms_after(monitoring);
    if (!two_terms) return h.take();
    Date sen = early_sen ? monitoring + random.between(50, 90) : *two_terms + random.between(0, 10);
    if (!h.add(EventKind::sen_support, sen)) return h.take();
    if (early_sen) h.breach(RuleId::monitor_two_terms, Status::warning);
    h.add(EventKind::parents_informed, sen + random.between(0, 5));
    h.add(EventKind::agency_referral, sen + random.between(7, 30), random.pick<std::string_view>(kAgencies));
    h.add(EventKind::assessment, sen + random.between(7, 40), random.pick<std::string_view>(kAssessments));
    Date plan_date = sen + random.between(14, 45);
    h.add(EventKind::provision_plan, plan_date);

    bool no_consent = h.wants(RuleId::consent_before_referral) && reached(Target::lift);
    if (reached(Target::surgery) && !no_consent) h.add(EventKind::consent_given, sen + random.between(20, 60));

    if (!reached(Target::surgery)) {
        if (h.wants(RuleId::ehcna_after_lift) && h.add(EventKind::ehcna_requested, plan_date + random.between(20, 60)))
            h.breach(RuleId::ehcna_after_lift, Status::warning);
        else if (random.percent(40))
            if (auto next = context.meetings.next_surgery(school.district, today + 1))
                h.book(core::BookingKind::surgery, *next, "", std::nullopt);
        return finish();
    }

    bool skip_surgery = h.wants(RuleId::surgery_before_lift) && reached(Target::lift);
    // Pupils heading for an EHC plan go to Surgery sooner: their plans are old enough
    // by "today" for annual reviews to fall due (the calendar reaches back three years).
    const int to_surgery = target == Target::ehcp ? random.between(30, 50) : random.between(90, 160);
    auto surgery = context.meetings.next_surgery(school.district, plan_date + to_surgery);
    if (!surgery || *surgery > today) {
        return finish();
    }
    if (!skip_surgery) {
        h.add(EventKind::surgery, *surgery);
        h.book(core::BookingKind::surgery, *surgery, "", std::nullopt);
    }
    if (!reached(Target::lift)) {
        return finish();
    }

    // LIFT: paperwork at least two terms after the Surgery, for a meeting of the group.
    bool early_paperwork = h.wants(RuleId::surgery_two_terms) && !skip_surgery;
    auto after_surgery = context.calendar.two_terms_after(*surgery);
    if (!after_surgery) return h.take();
    Date earliest = early_paperwork ? *surgery + random.between(40, 90) : *after_surgery;
    bool wrong_group = h.wants(RuleId::lift_group);
    const core::LiftMeeting* meeting = plan.forced_meeting
                                           ? plan.forced_meeting
                                           : find_meeting(context, school, earliest, wrong_group);
    if (!meeting || meeting->meeting_date > today + 35) {
        return finish();
    }
    Date deadline = meeting->paperwork_deadline;
    bool held = meeting->meeting_date <= today;
    std::optional<Date> paperwork;
    if (held && h.wants(RuleId::paperwork_deadline)) {
        paperwork = deadline + random.between(1, 5);
        h.breach(RuleId::paperwork_deadline, Status::warning);
    } else if (held || deadline < today) {
        if (!held && h.wants(RuleId::paperwork_deadline))
            h.breach(RuleId::paperwork_deadline, Status::overdue);
        else
            paperwork = std::max(earliest, deadline - random.between(0, 14));
    } else if (random.percent(50)) {
        paperwork = std::min(today, std::max(earliest, today - random.between(0, 10)));
    }
    if (paperwork && *paperwork > today) paperwork.reset();
    if (paperwork) h.add(EventKind::lift_paperwork, *paperwork);
    h.book(core::BookingKind::lift, meeting->meeting_date, meeting->group, paperwork);
    if (no_consent) h.breach(RuleId::consent_before_referral, Status::blocked);
    if (skip_surgery) h.breach(RuleId::surgery_before_lift, Status::blocked);
    if (early_paperwork && paperwork) h.breach(RuleId::surgery_two_terms, Status::warning);
    if (wrong_group && !plan.forced_meeting) h.breach(RuleId::lift_group, Status::warning);

    if (!held || !reached(Target::caselist) || !h.add(EventKind::lift_discussed, meeting->meeting_date)) {
        return finish();
    }
    add_recommendations(h, meeting->meeting_date, random);
    const Date lift_plan = meeting->meeting_date + random.between(7, 21);
    h.add(EventKind::provision_plan, lift_plan);

    // Caselist: consultation, opening with an agreed outcome, regular visits.
    Date consultation = meeting->meeting_date + random.between(7, 21);
    Date opened = consultation + random.between(0, 14);
    if (!h.add(EventKind::stls_consultation, consultation) ||
        !h.add(EventKind::caselist_opened, opened, random.pick(agreed_outcomes()), plan.teacher_id)) {
        return finish();
    }
    std::optional<Date> closure;
    if (target == Target::closed) closure = opened + random.between(90, 200);
    if (closure && *closure > today) closure.reset();
    bool stale_visits = h.wants(RuleId::caselist_visit) && !closure && opened + 50 < today;
    Date visits_until = stale_visits ? today - random.between(50, 90) : closure.value_or(today);
    Date last_seen = opened;
    for (Date v = opened + random.between(21, 40); v <= visits_until; v = v + random.between(21, 40)) {
        h.add(EventKind::visit, v, {}, plan.teacher_id);
        last_seen = v;
    }
    if (stale_visits && last_seen + 7 * 6 < today) h.breach(RuleId::caselist_visit, Status::overdue);

    if (target == Target::hnf ||
        ((target == Target::ehcna || target == Target::ehcp) && random.percent(50)))
        add_hnf_application(h, lift_plan, random);
    if (target == Target::ehcna)
        add_ehc_history(h, meeting->meeting_date + random.between(60, 150), random);
    if (target == Target::ehcp)
        add_ehc_history(h, meeting->meeting_date + random.between(7, 30), random);
    if (closure)
        h.add(EventKind::case_closed, *closure, random.percent(75) ? "outcome_met" : "no_longer_required");
    return finish();
}

}  // namespace db::demo

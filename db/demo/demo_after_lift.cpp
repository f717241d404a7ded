// What follows LIFT in a demo pupil's history (see demo_after_lift.hpp).
#include "db/demo/demo_after_lift.hpp"

#include <array>

#include "core/after_lift_facts.hpp"

namespace db::demo {
namespace {

constexpr std::array<std::string_view, 6> kRecommendations = {
    "advice", "training", "school_support", "specialist_intervention", "early_help", "health"};
// Owners as offices write them: a role, a body or a staff id (never a person's name).
constexpr std::array<std::string_view, 5> kOwners = {"school", "SENCo", "class teacher", "EP01",
                                                     "ST01"};
constexpr std::array<std::string_view, 5> kNotes = {
    "Visual timetable and now-and-next board in class",
    "Small-group phonics three times a week",
    "Movement breaks agreed; review with parents at the next meeting",
    "Referral pack to go to the school nurse",
    "Staff training on attachment before half term",
};
constexpr int kDueWindow = 14;  // RulesConfig::due_window_days

}  // namespace

void add_recommendations(HistoryBuilder& h, Date meeting, DemoRandom& random) {
    const int count = random.percent(50) ? 2 : 1;
    std::optional<Date> first_review;
    for (int i = 0; i < count; ++i) {
        std::optional<Date> review;
        if (random.percent(80)) review = meeting + random.between(56, 120);
        if (!first_review) first_review = review;
        h.add_with(EventKind::recommendation, meeting,
                   random.pick<std::string_view>(kRecommendations),
                   std::string(random.pick<std::string_view>(kNotes)),
                   std::string(random.pick<std::string_view>(kOwners)), review);
    }
    // Most schools review the impact by the date agreed (one review answers them all).
    if (first_review && random.percent(75))
        h.add(EventKind::impact_review, *first_review - random.between(0, 14),
              random.percent(60) ? "no_impact" : "impact");
}

void add_hnf_application(HistoryBuilder& h, Date plan, DemoRandom& random) {
    if (random.percent(60)) {
        // The plan's own review, then the application: two cycles on file.
        Date review = plan + random.between(20, 40);
        if (!h.add(EventKind::impact_review, review, "no_impact")) return;
        Date applied = review + random.between(5, 30);
        if (h.add(EventKind::hnf_applied, applied))
            h.add(EventKind::hnf_decision, applied + random.between(42, 70), "approved");
        return;
    }
    // Applied before the plan was reviewed: the second cycle is missing.
    Date applied = plan + random.between(10, 60);
    for (const core::Event& e : h.events())
        if (e.kind == EventKind::impact_review && e.date > plan && e.date <= applied + 2)
            applied = e.date - 3;  // before that review, weekend shift included
    if (applied <= plan + 2 || !h.add(EventKind::hnf_applied, applied)) return;
    h.breach_if_none(RuleId::hnf_evidence, Status::warning);
    h.add(EventKind::hnf_decision, applied + random.between(42, 70),
          random.percent(50) ? "approved" : "declined");
}

void add_ehc_history(HistoryBuilder& h, Date from, DemoRandom& random) {
    const Date today = h.today();
    if (!h.add(EventKind::sodlis_issued, from)) return;
    const Date requested = from + random.between(0, 14);
    if (!h.add(EventKind::ehcna_requested, requested)) return;

    // The decision: mostly in time (by day 39, so a weekend never pushes it past 42),
    // a fifth late, one in ten not recorded at all.
    const int roll = random.between(0, 99);
    if (roll < 10) {
        if (requested + core::kEhcDecisionDays < today)
            h.breach_if_none(RuleId::ehcna_decision, Status::overdue);
        return;
    }
    const bool late = roll < 30;
    const bool refused = random.percent(12);
    const Date decided = requested + (late ? random.between(45, 60) : random.between(21, 39));
    if (!h.add(EventKind::ehcna_decision, decided, refused ? "not_assess" : "assess")) return;
    if (late) h.breach_if_none(RuleId::ehcna_decision, Status::warning);
    if (refused) return;

    if (random.percent(15)) {  // assessed, no plan: by week 16 (day 108 + a weekend)
        h.add(EventKind::ehcp_declined, requested + random.between(90, 108));
        return;
    }
    // The plan in week 18 (in time) or week 23 (late), its draft 15-25 days before.
    const bool plan_late = random.percent(35);
    const Date issued = requested + (plan_late ? 22 * 7 : 17 * 7) + random.between(1, 5);
    h.add(EventKind::ehcp_draft, issued - random.between(15, 25));
    if (!h.add(EventKind::ehcp_issued, issued)) return;
    if (plan_late) h.breach_if_none(RuleId::ehcp_20_weeks, Status::warning);

    // Annual reviews a little before each anniversary; a quarter of plans miss one.
    const bool skip = random.percent(25);
    Date last = issued;
    for (;;) {
        const Date due = core::add_years(last, 1);
        if (skip && due < today) {
            h.breach_if_none(RuleId::annual_review, Status::overdue);
            return;
        }
        const Date review = due - random.between(5, 40);
        if (!h.add(EventKind::annual_review, review)) return;
        last = review;
    }
}

void note_unreviewed_recommendations(HistoryBuilder& h) {
    std::optional<Date> last_review;
    for (const core::Event& e : h.events())
        if (e.kind == EventKind::impact_review && (!last_review || e.date > *last_review))
            last_review = e.date;
    for (const core::Event& e : h.events()) {
        if (e.kind != EventKind::recommendation || !e.review_date) continue;
        if (last_review && *last_review >= e.date) continue;
        if (*e.review_date > h.today() + kDueWindow) continue;
        h.breach_if_none(RuleId::recommendation_review,
                         *e.review_date < h.today() ? Status::overdue : Status::due);
        return;
    }
}

}  // namespace db::demo

// How is the service doing: the per-term figures of the trends board and the KPI
// reports, computed once per snapshot from the Dataset (pure: no clock, no I/O).
//
// The window is the last six terms of the calendar up to the term "today" counts in
// (a holiday counts in the term after it); with today after the calendar's last term,
// its last six terms. An event, booking or due date belongs to the term its date counts
// in (RULES.md: a holiday date to the term after it); dates outside the window are
// left out. Definitions, one per figure (README "Trends and KPI reports" repeats them):
//
// - lift_bookings: LIFT bookings whose meeting date falls in the term.
// - lift_discussions: `lift_discussed` events.   surgery_discussions: `surgery` events.
// - cases_opened: `caselist_opened` events.
// - cases_closed: `case_closed` events, split by their outcome (detail): outcome_met,
//   no_longer_required, other (an empty or unknown outcome counts as other).
// - schools_reached: distinct schools (the pupil's school URN) with a `surgery` or
//   `lift_discussed` event in the term.
// - paperwork_on_time_pct: of the term's LIFT bookings whose paperwork has arrived or
//   whose deadline has passed (deadline < today), the share whose paperwork arrived on
//   or before the deadline, both as paperwork-deadline reads them (the schedule's
//   deadline, else meeting - 7; received on paperwork_received, else the earliest
//   `lift_paperwork` in the 56 days up to the meeting).
// - visits_on_time_pct: caselist-visit's due dates (N weeks after `caselist_opened` and
//   after each visit since, while the case is open) falling in the term and settled: met
//   on time by a visit on or before the due date; late when the next visit came after it,
//   or none came and the due date has passed (before today) with the case still open or
//   closed after it. A case closed on or before a due date owes no visit for it.
// - median_days_surgery_to_lift: for each `lift_discussed` in the term, the days since
//   the pupil's most recent `surgery` on or before it (none: not counted).
// - median_days_lift_to_first_visit: for each `lift_discussed`, the days to the pupil's
//   first `visit` on or after it and before their next `lift_discussed`; counted in the
//   term of that visit (a figure is only known once the visit happened).
// - ehcna_decisions_in_6_weeks_pct: of the `ehcna_decision`s made in the term, the share
//   made within 6 weeks (42 days) of the request they answer: the latest
//   `ehcna_requested` on or before the decision not answered yet.
// - ehcp_in_20_weeks_pct: as DfE SEN2 counts it, of the EHC plans issued in the term
//   (`ehcp_issued` answering a request not refused with `not_assess`; the latest such
//   request on or before it), the share issued within 20 weeks (140 days) of the request.
// A percentage or median with nothing to count has no value (JSON null, CSV empty).
// Per teacher now: open_cases and overdue_visits are the caseload's TeacherLoad.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dataset.hpp"
#include "core/rules.hpp"

namespace core {

// Met of total; no percentage when total is 0.
struct Ratio {
    int met = 0, total = 0;
    std::optional<double> pct() const {
        if (total == 0) return std::nullopt;
        return 100.0 * met / total;
    }
};

struct TermFigures {
    Term term;
    int lift_bookings = 0, lift_discussions = 0, surgery_discussions = 0;
    int cases_opened = 0, cases_closed = 0;
    int closed_outcome_met = 0, closed_no_longer_required = 0, closed_other = 0;
    int schools_reached = 0;
    Ratio paperwork_on_time, visits_on_time, ehcna_decisions_in_6_weeks, ehcp_in_20_weeks;
    std::optional<double> median_days_surgery_to_lift, median_days_lift_to_first_visit;
};

struct TrendFigures {
    std::vector<TermFigures> terms;  // oldest first, at most six
    int current = -1;                // index in terms of the term today counts in, or -1
};

// The national comparison for ehcp_in_20_weeks_pct: EHC plans issued within 20 weeks,
// England, calendar year 2023 (DfE, SEN2 "Education, health and care plans", 2024).
inline constexpr double kNationalEhcpIn20WeeksPct = 50.3;
inline constexpr std::string_view kNationalEhcpSource = "England 2023, DfE SEN2";

inline constexpr int kTrendTerms = 6;

// The figures for `data` on `today`; `engine` must be built over `data`.
TrendFigures build_trends(const Dataset& data, const RulesEngine& engine, const RulesConfig& config,
                          Date today);

// What the figures are reduced from, summed over every pupil: kept in a snapshot so the
// next one can take the changed pupils' share out and put their new share in
// (patch_trends) rather than walk every pupil again. Every part is a sum, so removal is
// exact: the schools and the day spans are counts per value, not lists.
struct TrendTallies {
    struct TermTallies {
        TermFigures sums;  // the counts and ratios; schools_reached and the medians unset
        std::vector<std::pair<std::string, int>> schools;  // school URN -> discussions, by URN
        std::vector<std::pair<int, int>> surgery_to_lift, lift_to_visit;  // days -> how many
    };
    std::vector<TermTallies> terms;  // as TrendFigures::terms
    int current = -1;
};

TrendTallies tally_trends(const Dataset& data, const RulesEngine& engine, const RulesConfig& config,
                          Date today);
// build_trends(data, ...) is trend_figures(tally_trends(data, ...)).
TrendFigures trend_figures(const TrendTallies& tallies);
// The tallies of `data` from those of `base_data`: `data` made by Dataset::patched from
// base_data with only the `changed` pupils' rows different (same terms), each engine
// built over its own Dataset, the same config and today. Equal to
// tally_trends(data, engine, config, today).
TrendTallies patch_trends(const TrendTallies& base, const Dataset& base_data,
                          const RulesEngine& base_engine, const Dataset& data,
                          const RulesEngine& engine, std::span<const uint32_t> changed,
                          const RulesConfig& config, Date today);

// The per-term figures by name, in the order reports print them: what the JSON keys
// and CSV columns are called, a short label for the board, and how to read one.
enum class FigureKind { count, percent, days };
struct FigureSpec {
    std::string_view name;   // "paperwork_on_time_pct"
    std::string_view label;  // "Paperwork on time"
    FigureKind kind = FigureKind::count;
    std::optional<double> (*value)(const TermFigures&) = nullptr;
};
std::span<const FigureSpec> term_figure_specs();

}  // namespace core

// What follows LIFT in a demo pupil's history (issue 11): recommendations with owners,
// review dates and notes, HNF applications with complete or incomplete evidence, and
// the statutory EHC needs assessment - requests decided on time and late, plans issued
// at week 18 and week 23, declines, annual reviews held, due and overdue. Each late
// step put in on purpose is recorded as the history's breach (when it has none yet),
// so `check` must report it.
#pragma once

#include "db/demo/demo_history_builder.hpp"

namespace db::demo {

// The LIFT recommendations of a meeting, each with an owner, a note and (mostly) a
// review date some weeks on.
void add_recommendations(HistoryBuilder& h, Date meeting, DemoRandom& random);

// An HNF application after the plan agreed at LIFT (`plan`): with its evidence complete
// (a review of that plan first) or, deliberately, without the second cycle.
void add_hnf_application(HistoryBuilder& h, Date plan, DemoRandom& random);

// A SODLIS on `from`, the EHCNA request and what the authority did since.
void add_ehc_history(HistoryBuilder& h, Date from, DemoRandom& random);

// recommendation-review: once the history is complete, a recommendation whose review
// date has come (or comes within the due window) with no impact review since is the
// history's breach.
void note_unreviewed_recommendations(HistoryBuilder& h);

}  // namespace db::demo

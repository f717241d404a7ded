// The immutable view-model the boards draw: built once per data change by the writer
// thread (or once at start-up), shared with the UI as shared_ptr<const Snapshot>.
// Rows are pre-sorted and pre-formatted so a frame formats nothing it does not show.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/assessment_table.hpp"
#include "core/dataset.hpp"
#include "core/date.hpp"
#include "core/meetings.hpp"
#include "core/pupil_text.hpp"
#include "core/rules.hpp"
#include "core/search_index.hpp"
#include "core/trends.hpp"
#include "core/triage.hpp"

namespace core {

// One open STLS caselist case, as the caseload board shows it. The string_views point
// into the snapshot (its Dataset, its assessments) or at literals: a 100k-pupil caselist
// has over 10k rows, and copies of every school and teacher name added megabytes. The
// pupil's full name is not kept: a board with privacy off reads it from the Dataset.
struct CaseloadRow {
    uint32_t pupil = 0;       // index into Snapshot::data->pupils
    std::string pupil_label;  // privacy-safe: "A.B.  P00012"
    std::string_view school;
    std::string_view need_area;  // "SEMH"
    std::string_view stage;      // "Caselist"
    std::string_view teacher;    // display name, "Unassigned" when none
    std::string_view teacher_id;
    std::string_view agreed_outcome;
    std::optional<Date> last_visit;  // none: not visited since joining the caselist
    std::optional<Date> next_visit_due;
    std::string_view next_action;
    std::string_view hnf;  // "", "applied", "approved", "declined"
    // The EHC clock of an open request (after_lift_view.hpp): its week, 0 when none.
    uint8_t ehc_week = 0;
    Status ehc_status = Status::ok;
    Status worst = Status::ok;  // most severe finding of the pupil
    bool visit_overdue = false;
};

// "Thu 13 Mar", or "none yet"; formatted where drawn (a handful of rows a frame).
std::string last_visit_text(const CaseloadRow& row);
// "Mon 15 Dec", or "" without a due date.
std::string next_visit_text(const CaseloadRow& row);

struct TeacherLoad {
    std::string staff_id, name;
    int cases = 0;
    int overdue_visits = 0;
};

struct SnapshotOptions {
    Date today;
    RulesConfig rules;
    std::string home_district = "Maidstone";  // whose meetings the meeting board shows
    // Set when the build is no longer wanted (the writer stopping): build_snapshot then
    // ends early with BuildCancelled, so a stop need not wait for a whole build.
    const std::atomic<bool>* cancel{};
};

struct BuildCancelled : std::runtime_error {
    BuildCancelled() : std::runtime_error("snapshot build cancelled") {}
};

struct Snapshot {
    Date today;
    RulesConfig rules;        // what the rules ran with (the pupil card's clock uses its window)
    uint64_t generation = 0;  // increases with every published snapshot
    bool patched = false;     // built from the previous snapshot (patch_snapshot), not in full
    std::chrono::system_clock::time_point built_at;
    std::string data_as_of;  // when the data last changed, shown in the status bar
    std::shared_ptr<const Dataset> data;
    // The rules engine over *data, kept so the next patched snapshot can start from it
    // (RulesEngine's patch constructor). Declared after data: it views data, so it
    // must be destroyed first.
    std::shared_ptr<const RulesEngine> engine;
    AssessmentTable assessments;                // parallel to data->pupils
    std::vector<CaseloadRow> caseload;          // by teacher, then overdue first, then label
    std::vector<TeacherLoad> teacher_loads;     // by name
    std::vector<SyncConflict> conflicts;        // hub edits to resolve, oldest first
    TriageList triage;                          // pupils needing action, most severe first
    MeetingBoardModel meetings;                 // the home district's meetings, two weeks
    TrendFigures trends;                        // the last six terms' figures (trends.hpp)
    TrendTallies trend_tallies;                 // what trends was reduced from (patch_trends)
    std::shared_ptr<const SearchIndex> search;  // the quick lookup's index; never null once built
};

std::string_view need_area_label(NeedArea area);

std::shared_ptr<const Snapshot> build_snapshot(std::shared_ptr<const Dataset> data,
                                               const SnapshotOptions& options,
                                               uint64_t generation = 0,
                                               std::string data_as_of = {});

// What an incremental snapshot is told changed since its base (snapshot_patch.cpp).
struct SnapshotChange {
    std::vector<uint32_t> pupils;  // indices into Dataset::pupils whose rows changed, ascending
    bool pupil_records = false;    // a pupil's own row (school, names) changed, not only its
                                   // events, bookings or case
};

// The snapshot of `data` (Dataset::patched from base.data with `change.pupils`) built
// from `base`: the rules re-run only for the changed pupils and those whose findings
// they can change (the same school's pupils booked at the same meeting: referral-cap),
// every other assessment copied; the search index shared unless a pupil's own row
// changed. Equal to build_snapshot(data, options) when `base` was built with the same
// options (today, rules, home district: the caller's to ensure; today and rules are
// checked, and a difference builds in full).
std::shared_ptr<const Snapshot> patch_snapshot(const Snapshot& base,
                                               std::shared_ptr<const Dataset> data,
                                               const SnapshotChange& change,
                                               const SnapshotOptions& options, uint64_t generation,
                                               std::string data_as_of);

}  // namespace core

// Where an incremental snapshot's time goes at 100k pupils, part by part, for one
// changed pupil (no writer thread, no commit): reading the pupil's rows, patching the
// Dataset, the rules engine's shared facts (built in full, and patched from the
// previous engine), and each board's list (the trends in full and patched). Prints
// "BENCH patch_<part>_100k_ms" lines (medians of 7) and the whole patch_snapshot.
#include <chrono>
#include <cstdio>
#include <vector>

#include "bench/bench_support.hpp"
#include "core/caseload.hpp"
#include "core/meetings.hpp"
#include "core/trends.hpp"
#include "core/triage.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"

using bench_support::bench;
using bench_support::milliseconds_since;
using bench_support::percentile;

namespace {

template <typename F>
double median_ms(F&& f) {
    std::vector<double> runs;
    for (int i = 0; i < 7; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        runs.push_back(milliseconds_since(start));
    }
    return percentile(runs, 0.5);
}

}  // namespace

int main() try {
    db::Store store(bench_support::demo_database(100000), db::Store::Access::read_only);
    const core::SnapshotOptions options{*core::parse_date(bench_support::kToday), {}};
    const auto base = db::snapshot_from_store(store, options, 1);
    const core::Dataset& data = *base->data;
    const uint32_t pupil = static_cast<uint32_t>(data.pupils.size() / 2);
    const std::string ref(data.pupils[pupil].pupil_ref);

    core::DatasetPatch patch;
    bench("patch_read_rows_100k_ms", median_ms([&] { patch = store.load_patch({ref}); }), "ms");
    patch.pupils = {pupil};
    std::shared_ptr<const core::Dataset> next;
    bench("patch_dataset_100k_ms", median_ms([&] {
              next = std::make_shared<const core::Dataset>(core::Dataset::patched(data, patch));
          }),
          "ms");
    bench("patch_rules_engine_100k_ms",
          median_ms([&] { core::RulesEngine engine(*next, options.rules); }), "ms");
    core::RulesEngine engine(*next, options.rules);
    const std::vector<uint32_t> changed{pupil};
    bench("patch_rules_engine_patched_100k_ms",
          median_ms([&] { core::RulesEngine patched(*next, *base->engine, changed, false); }),
          "ms");
    bench("patch_caseload_100k_ms", median_ms([&] {
              std::vector<core::CaseloadRow> rows;
              std::vector<core::TeacherLoad> loads;
              core::build_caseload(*next, base->assessments, options, rows, loads);
          }),
          "ms");
    bench("patch_triage_100k_ms",
          median_ms([&] { core::build_triage(*next, base->assessments, options.rules); }), "ms");
    bench("patch_meetings_100k_ms", median_ms([&] {
              core::build_meetings(
                  *next, engine, base->assessments,
                  {options.today, options.home_district, options.rules.referral_cap});
          }),
          "ms");
    bench("patch_trends_100k_ms",
          median_ms([&] { core::build_trends(*next, engine, options.rules, options.today); }),
          "ms");
    bench("patch_trends_patched_100k_ms", median_ms([&] {
              core::patch_trends(base->trend_tallies, data, *base->engine, *next, engine, changed,
                                 options.rules, options.today);
          }),
          "ms");
    bench("patch_assessments_100k_ms", median_ms([&] {
              std::vector<core::PupilAssessment> fresh{engine.assess(pupil, options.today)};
              std::vector<uint32_t> which{pupil};
              core::AssessmentTable::patched(base->assessments, which, fresh);
          }),
          "ms");
    bench("patch_caseload_rows_100k_ms", median_ms([&] {
              std::vector<core::CaseloadRow> rows;
              std::vector<core::TeacherLoad> loads;
              core::patch_caseload(data, base->caseload, *next, base->assessments, options, {pupil},
                                   rows, loads);
          }),
          "ms");
    bench("patch_triage_rows_100k_ms", median_ms([&] {
              core::patch_triage(data, base->triage, *next, base->assessments, base->assessments,
                                 options.rules, {pupil});
          }),
          "ms");
    bench("caseload_rows_100k", static_cast<double>(base->caseload.size()), "");
    bench("triage_rows_100k", static_cast<double>(base->triage.rows.size()), "");
    bench("patch_search_index_100k_ms", median_ms([&] { core::SearchIndex index(*next); }), "ms");
    const core::SnapshotChange change{{pupil}, false};
    bench("patch_snapshot_100k_ms",
          median_ms([&] { core::patch_snapshot(*base, next, change, options, 2, ""); }), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "snapshot_parts_bench: %s\n", e.what());
    return 1;
}

#include "core/snapshot.hpp"

#include <cctype>
#include <future>

#include "core/caseload.hpp"
#include "core/meetings.hpp"
#include "core/triage.hpp"

namespace core {

std::string_view need_area_label(NeedArea area) {
    switch (area) {
        case NeedArea::cl:
            return "C&L";
        case NeedArea::ci:
            return "C&I";
        case NeedArea::semh:
            return "SEMH";
        case NeedArea::spd:
            return "SPD";
        case NeedArea::none:
            break;
    }
    return "";
}

std::shared_ptr<const Snapshot> build_snapshot(std::shared_ptr<const Dataset> data,
                                               const SnapshotOptions& options, uint64_t generation,
                                               std::string data_as_of) {
    if (options.cancel && options.cancel->load()) throw BuildCancelled();
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->today = options.today;
    snapshot->rules = options.rules;
    snapshot->generation = generation;
    snapshot->built_at = std::chrono::system_clock::now();
    snapshot->data_as_of = std::move(data_as_of);
    // The search index needs no rules, and the trends only the engine: each runs on a
    // second thread beside the rules and the other boards (a kiosk has two cores or more).
    auto search = std::async(std::launch::async,
                             [&data] { return std::make_shared<const SearchIndex>(*data); });
    auto engine_owner = std::make_shared<const RulesEngine>(*data, options.rules);
    const RulesEngine& engine = *engine_owner;
    auto trends = std::async(std::launch::async, [&] {
        return tally_trends(*data, engine, options.rules, options.today);
    });
    // Pupil by pupil into the packed table: never a second full copy in memory.
    snapshot->assessments.reserve(data->pupils.size());
    for (size_t i = 0; i < data->pupils.size(); ++i) {
        if (i % 4096 == 0 && options.cancel && options.cancel->load()) throw BuildCancelled();
        snapshot->assessments.push_back(engine.assess(i, options.today));
    }
    snapshot->assessments.seal();
    if (options.cancel && options.cancel->load()) throw BuildCancelled();
    build_caseload(*data, snapshot->assessments, options, snapshot->caseload,
                   snapshot->teacher_loads);
    snapshot->conflicts = data->conflicts;
    snapshot->triage = build_triage(*data, snapshot->assessments, options.rules);
    snapshot->meetings =
        build_meetings(*data, engine, snapshot->assessments,
                       {options.today, options.home_district, options.rules.referral_cap});
    snapshot->trend_tallies = trends.get();
    snapshot->trends = trend_figures(snapshot->trend_tallies);
    snapshot->search = search.get();
    snapshot->data = std::move(data);
    snapshot->engine = std::move(engine_owner);
    return snapshot;
}

}  // namespace core

// patch_snapshot: the next snapshot after an edit, from the previous one. The rules are
// the costly part of a build (a walk over every pupil's events): here the engine is
// patched from the previous one, the rules run for the changed pupils and for those
// whose findings a changed booking moved, and every other pupil's assessment is copied.
// The trends take the changed pupils' shares out of the previous tallies and put their
// new ones in. The boards' lists: the caseload's and the triage list's rows of unchanged
// pupils are kept and pointed at the new Dataset (Dataset::rebased); the meetings are
// built again (a few cards).
#include <algorithm>
#include <iterator>

#include "core/caseload.hpp"
#include "core/meetings.hpp"
#include "core/snapshot.hpp"
#include "core/triage.hpp"

namespace core {

std::shared_ptr<const Snapshot> patch_snapshot(const Snapshot& base,
                                               std::shared_ptr<const Dataset> data,
                                               const SnapshotChange& change,
                                               const SnapshotOptions& options, uint64_t generation,
                                               std::string data_as_of) {
    if (!base.data || !base.search || !base.engine || base.today != options.today ||
        !(base.rules == options.rules) || base.data->pupils.size() != data->pupils.size() ||
        base.assessments.size() != data->pupils.size())
        return build_snapshot(std::move(data), options, generation, std::move(data_as_of));

    auto snapshot = std::make_shared<Snapshot>();
    snapshot->today = options.today;
    snapshot->rules = options.rules;
    snapshot->generation = generation;
    snapshot->patched = true;
    snapshot->built_at = std::chrono::system_clock::now();
    snapshot->data_as_of = std::move(data_as_of);
    // The rules run again for the changed pupils and for those whose referral-cap
    // count moved with them (the same school's pupils booked at a meeting a changed
    // pupil is or was booked at): the patched engine says which.
    std::vector<uint32_t> recounted;
    auto engine_owner = std::make_shared<const RulesEngine>(*data, *base.engine, change.pupils,
                                                            change.pupil_records, &recounted);
    const RulesEngine& engine = *engine_owner;
    // The trends are sums over every pupil: the changed pupils' shares are taken out
    // and put back in.
    snapshot->trend_tallies = patch_trends(base.trend_tallies, *base.data, *base.engine, *data,
                                           engine, change.pupils, options.rules, options.today);
    snapshot->trends = trend_figures(snapshot->trend_tallies);
    std::vector<uint32_t> assess;
    assess.reserve(change.pupils.size() + recounted.size());
    std::set_union(change.pupils.begin(), change.pupils.end(), recounted.begin(), recounted.end(),
                   std::back_inserter(assess));
    std::vector<PupilAssessment> fresh;
    fresh.reserve(assess.size());
    for (uint32_t p : assess) fresh.push_back(engine.assess(p, options.today));
    snapshot->assessments = AssessmentTable::patched(base.assessments, assess, fresh);
    patch_caseload(*base.data, base.caseload, *data, snapshot->assessments, options, change.pupils,
                   snapshot->caseload, snapshot->teacher_loads);
    snapshot->conflicts = data->conflicts;
    snapshot->triage = patch_triage(*base.data, base.triage, *data, base.assessments,
                                    snapshot->assessments, options.rules, assess);
    snapshot->meetings =
        build_meetings(*data, engine, snapshot->assessments,
                       {options.today, options.home_district, options.rules.referral_cap});
    // The index holds its own keys and pupil and school indices: while no pupil's own row
    // changed (and the schools did not, or this would be a full build) it is the same.
    snapshot->search =
        change.pupil_records ? std::make_shared<const SearchIndex>(*data) : base.search;
    snapshot->data = std::move(data);
    snapshot->engine = std::move(engine_owner);
    return snapshot;
}

}  // namespace core

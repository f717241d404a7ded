// patch_snapshot: the next snapshot after an edit, from the previous one. The rules are
// the costly part of a build (a walk over every pupil's events): here they run for the
// changed pupils and for those whose findings a changed booking can move, and every
// other pupil's assessment is copied. The boards' lists are rebuilt from the new
// Dataset and assessments: the caseload's and the triage list's rows of unchanged pupils
// are kept and pointed at the new Dataset (Dataset::rebased), the meetings and trends are
// built again (they are few cards, and sums over every pupil).
#include <algorithm>
#include <future>
#include <map>
#include <set>

#include "core/caseload.hpp"
#include "core/meetings.hpp"
#include "core/snapshot.hpp"
#include "core/triage.hpp"

namespace core {
namespace {

std::optional<uint32_t> school_index(const Dataset& data, size_t pupil) {
    const School* s = data.school(data.pupils[pupil].school_urn);
    if (!s) return std::nullopt;
    return static_cast<uint32_t>(s - data.schools.data());
}

// The changed pupils and every pupil whose referral-cap count can have moved with
// them: the same school's pupils with a LIFT booking on a date a changed pupil is (or
// was) booked for. The count is per meeting (date, district, group); the date alone
// over-approximates, which costs a few assessments and never a missed one. `base` and
// `data` hold the same pupils in the same order; only the changed ones differ, so the
// base's search index still knows every other pupil's school.
std::vector<uint32_t> pupils_to_assess(const Snapshot& base, const Dataset& data,
                                       const std::vector<uint32_t>& changed) {
    std::set<uint32_t> out(changed.begin(), changed.end());
    std::map<uint32_t, std::set<Date>> dates_by_school;
    for (uint32_t p : changed)
        for (const Dataset* d : {base.data.get(), &data}) {
            auto school = school_index(*d, p);
            if (!school) continue;
            for (const BookingEntry& b : d->bookings_of(p))
                if (b.kind == BookingKind::lift) dates_by_school[*school].insert(b.meeting_date);
        }
    for (const auto& [school, dates] : dates_by_school)
        for (uint32_t q : base.search->pupils_of_school(school)) {
            if (out.count(q)) continue;
            for (const BookingEntry& b : data.bookings_of(q))
                if (b.kind == BookingKind::lift && dates.count(b.meeting_date)) {
                    out.insert(q);
                    break;
                }
        }
    return {out.begin(), out.end()};
}

}  // namespace

std::shared_ptr<const Snapshot> patch_snapshot(const Snapshot& base,
                                               std::shared_ptr<const Dataset> data,
                                               const SnapshotChange& change,
                                               const SnapshotOptions& options, uint64_t generation,
                                               std::string data_as_of) {
    if (!base.data || !base.search || base.today != options.today ||
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
    RulesEngine engine(*data, options.rules);
    // The trends are sums over every pupil: on a second thread, beside the rest.
    auto trends = std::async(std::launch::async, [&] {
        return build_trends(*data, engine, options.rules, options.today);
    });
    const std::vector<uint32_t> assess = pupils_to_assess(base, *data, change.pupils);
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
    snapshot->trends = trends.get();
    // The index holds its own keys and pupil and school indices: while no pupil's own row
    // changed (and the schools did not, or this would be a full build) it is the same.
    snapshot->search =
        change.pupil_records ? std::make_shared<const SearchIndex>(*data) : base.search;
    snapshot->data = std::move(data);
    return snapshot;
}

}  // namespace core

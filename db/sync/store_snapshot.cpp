#include "db/sync/store_snapshot.hpp"

#include <algorithm>

#include "db/store.hpp"
#include "db/sync/change_log.hpp"
#include "db/sync/sync_state.hpp"

namespace db {

std::shared_ptr<const core::Snapshot> snapshot_from_store(Store& store,
                                                          const core::SnapshotOptions& options,
                                                          uint64_t generation) {
    std::string as_of = last_change_text(store);
    auto data = std::make_shared<const core::Dataset>(store.load_dataset());
    return core::build_snapshot(std::move(data), options, generation, std::move(as_of));
}

std::shared_ptr<const core::Snapshot> snapshot_from_dataset(Store& store, core::Dataset data,
                                                            const core::SnapshotOptions& options,
                                                            uint64_t generation) {
    std::string as_of = last_change_text(store);
    return core::build_snapshot(std::make_shared<const core::Dataset>(std::move(data)), options,
                                generation, std::move(as_of));
}

std::shared_ptr<const core::Snapshot> snapshot_after_change(Store& store,
                                                            const core::Snapshot& base,
                                                            const StoreChanges& changes,
                                                            const core::SnapshotOptions& options,
                                                            uint64_t generation) {
    const core::Dataset& old = *base.data;
    // Past a tenth of the pupils, reading them one by one is no quicker than a full load.
    if (changes.everything || changes.pupils.size() > old.pupils.size() / 10 + 16)
        return snapshot_from_store(store, options, generation);
    std::string as_of = last_change_text(store);
    core::DatasetPatch patch = store.load_patch(changes.pupils);
    if (patch.records.size() != changes.pupils.size())  // a pupil went: not a patch
        return snapshot_from_store(store, options, generation);
    // Indices in the base, ascending, with the records in the same order.
    std::vector<std::pair<uint32_t, size_t>> order;
    for (size_t k = 0; k < patch.records.size(); ++k) {
        const int index = old.pupil_index(patch.records[k].pupil_ref);
        if (index < 0) return snapshot_from_store(store, options, generation);
        order.emplace_back(static_cast<uint32_t>(index), k);
    }
    std::sort(order.begin(), order.end());
    std::vector<core::Pupil> records;
    records.reserve(order.size());
    for (const auto& [index, k] : order) {
        patch.pupils.push_back(index);
        records.push_back(std::move(patch.records[k]));
    }
    patch.records = std::move(records);
    core::SnapshotChange change{patch.pupils, changes.pupil_records};
    auto data =
        std::make_shared<const core::Dataset>(core::Dataset::patched(old, std::move(patch)));
    return core::patch_snapshot(base, std::move(data), change, options, generation,
                                std::move(as_of));
}

}  // namespace db

// Store → Dataset → Snapshot: what the writer does after every commit, and what the
// benchmarks time. One place, so the dashboard, the sync service and the benches build
// snapshots the same way: in full (snapshot_from_store) or from the previous snapshot
// and what the commits since touched (snapshot_after_change, see change_log.hpp).
#pragma once

#include <memory>

#include "core/dataset.hpp"
#include "core/snapshot.hpp"

namespace db {

class Store;
struct StoreChanges;

std::shared_ptr<const core::Snapshot> snapshot_from_store(Store& store,
                                                          const core::SnapshotOptions& options,
                                                          uint64_t generation);

// A full snapshot of `data`, which holds what the store holds now (the dataset cache at a
// start: db/dataset_cache.hpp); the store is read only for the "as of" time.
std::shared_ptr<const core::Snapshot> snapshot_from_dataset(Store& store, core::Dataset data,
                                                            const core::SnapshotOptions& options,
                                                            uint64_t generation);

// The snapshot after `changes` (not `everything`), built from `base`, which must have
// been built from this store, with these options, before those changes: only the
// touched pupils' rows are read. Builds in full when a touched pupil is not in `base`
// or when so many are touched that a full build is as quick.
std::shared_ptr<const core::Snapshot> snapshot_after_change(Store& store,
                                                            const core::Snapshot& base,
                                                            const StoreChanges& changes,
                                                            const core::SnapshotOptions& options,
                                                            uint64_t generation);

}  // namespace db

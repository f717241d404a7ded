// Store → Dataset → Snapshot: what the writer does after every commit, and what the
// benchmarks time. One place, so the dashboard, the sync service and the benches build
// snapshots the same way.
#pragma once

#include <memory>

#include "core/snapshot.hpp"

namespace db {

class Store;

std::shared_ptr<const core::Snapshot> snapshot_from_store(Store& store, const core::SnapshotOptions& options,
                                                          uint64_t generation);

}  // namespace db

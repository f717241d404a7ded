#include "db/sync/store_snapshot.hpp"

#include "db/store.hpp"
#include "db/sync/sync_state.hpp"

namespace db {

std::shared_ptr<const core::Snapshot> snapshot_from_store(Store& store, const core::SnapshotOptions& options,
                                                          uint64_t generation) {
    std::string as_of = last_change_text(store);
    auto data = std::make_shared<const core::Dataset>(store.load_dataset());
    return core::build_snapshot(std::move(data), options, generation, std::move(as_of));
}

}  // namespace db

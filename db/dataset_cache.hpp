// The dataset cache: a file beside the store (`<db>.snapshot-cache`) holding the image of
// a Dataset (core/dataset_image.hpp), so the writer's first snapshot after a start need
// not read a million rows from SQLite. It holds the same pupil data as the store, so it
// is written 0600, never through a link.
//
// Never shown stale: the file carries a random token, and the store holds the same token
// in its meta table only while no write has touched a table the Dataset is read from.
// Permanent triggers on every such table delete it on any insert, update or delete, by
// any connection or program (an older liftboard, the sqlite3 shell). They are created in
// the transaction that sets the token, and dropped by the writer once the token is gone:
// a bulk import then pays for them only while there is a cache to guard. A cache is used
// only when the two tokens are equal; any doubt (no token, another token, a damaged file)
// means load from the store. Deleting the file is always safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/dataset.hpp"

namespace db {

class Store;

// The meta key holding the token of the cache that matches the store's data.
inline constexpr const char* kDatasetCacheTokenKey = "dataset_cache_token";

// Where the cache of the store at `database` lives.
std::filesystem::path dataset_cache_path(const std::filesystem::path& database);

// The connection's PRAGMA data_version: changes when another connection commits.
int64_t data_version(Store& store);

// The cached Dataset when `file` is intact and its token is the store's; nullopt (and a
// log line saying why, unless there is simply no file) otherwise. Never throws.
std::optional<core::Dataset> load_dataset_cache(Store& store, const std::filesystem::path& file);

// Writes `data` to `file` (temporary file and rename) and then marks it as the store's
// cache, in one write transaction, only if `data_version_at_read` (data_version() taken
// before `data` was read) is still the connection's: no other connection wrote since.
// The caller answers for its own connection's writes: `data` must hold them all.
// Returns whether the cache is now valid; a failure (a full disk, a read-only folder)
// is logged and leaves no token, never throws.
bool save_dataset_cache(Store& store, const core::Dataset& data, int64_t data_version_at_read,
                        const std::filesystem::path& file);

// Drops the triggers when the store holds no token (nothing left to guard), so that bulk
// writes stop paying a trigger per row. Returns whether they are still there. Throws on
// a database error.
bool drop_unneeded_cache_triggers(Store& store);

}  // namespace db

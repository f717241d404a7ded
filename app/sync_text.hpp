// What the screen says about sync: the "last sync" text of the status bar and the
// banner shown when the data is stale or the last import failed. Pure functions of a
// SyncStatus view, so they are tested without a window.
#pragma once

#include <chrono>
#include <string>

#include "core/sync_status.hpp"

namespace app {

// "synced 14:02", "synced Mon 23 Nov 14:02" (not today), "not synced yet"; "" with no source.
std::string last_sync_text(const core::SyncStatus::View& view,
                           std::chrono::system_clock::time_point now);

// "" when all is well; otherwise one line for a banner that cannot be missed:
// "Not saved: the disk is full (the store /var/lib/liftboard/store.db) - showing ..."
// "Last import failed: events.csv: refused (2 problems) - showing the last good data"
// "Data may be out of date: last synced Mon 23 Nov 14:02 (26 h ago)".
std::string sync_banner_text(const core::SyncStatus::View& view,
                             std::chrono::steady_clock::duration stale_after,
                             std::chrono::system_clock::time_point now);

}  // namespace app

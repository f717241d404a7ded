// The status bar's words for a hub outage, kept out of the widget so the text is
// tested without a window: "hub offline since 14:05" (local time), or "" when online;
// and for hub rows this version cannot read.
#pragma once

#include <cstddef>
#include <ctime>
#include <string>

#include "core/sync_status.hpp"

namespace core {

inline std::string hub_offline_text(const SyncStatus::View& view) {
    if (!view.hub_offline_since) return "";
    std::time_t t = SyncStatus::WallClock::to_time_t(*view.hub_offline_since);
    std::tm local{};
    localtime_r(&t, &local);
    char hhmm[8];
    std::strftime(hhmm, sizeof hhmm, "%H:%M", &local);
    return std::string("hub offline since ") + hhmm;
}

// "3 rows from a newer version not shown": rows a newer client pushed to the hub
// (Dataset::newer_version_rows); "" when there are none.
inline std::string newer_version_text(size_t rows) {
    if (rows == 0) return "";
    return std::to_string(rows) + (rows == 1 ? " row" : " rows") +
           " from a newer version not shown";
}

}  // namespace core

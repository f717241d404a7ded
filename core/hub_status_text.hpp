// The status bar's words for a hub outage, kept out of the widget so the text is
// tested without a window: "hub offline since 14:05" (local time), or "" when online.
#pragma once

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

}  // namespace core

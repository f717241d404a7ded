#include "app/sync_text.hpp"

#include <ctime>

#include "core/hub_status_text.hpp"

namespace app {
namespace {

std::tm local_time(std::chrono::system_clock::time_point t) {
    std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&seconds, &tm);
    return tm;
}

std::string format(const std::tm& tm, const char* pattern) {
    char buffer[48];
    std::strftime(buffer, sizeof buffer, pattern, &tm);
    return buffer;
}

// HH:MM today, with the day in front otherwise.
std::string when(std::chrono::system_clock::time_point t,
                 std::chrono::system_clock::time_point now) {
    std::tm then = local_time(t), today = local_time(now);
    bool same_day = then.tm_year == today.tm_year && then.tm_yday == today.tm_yday;
    return format(then, same_day ? "%H:%M" : "%a %d %b %H:%M");
}

std::string age_text(std::chrono::steady_clock::duration age) {
    auto minutes = std::chrono::duration_cast<std::chrono::minutes>(age).count();
    if (minutes < 120) return std::to_string(minutes) + " min ago";
    auto hours = minutes / 60;
    if (hours < 72) return std::to_string(hours) + " h ago";
    return std::to_string(hours / 24) + " days ago";
}

}  // namespace

std::string last_sync_text(const core::SyncStatus::View& view,
                           std::chrono::system_clock::time_point now) {
    if (!view.source_configured) return "";
    if (!view.last_success) return "not synced yet";
    return "synced " + when(*view.last_success, now);
}

std::string sync_banner_text(const core::SyncStatus::View& view,
                             std::chrono::steady_clock::duration stale_after,
                             std::chrono::system_clock::time_point now) {
    // First: while it lasts, nothing new is saved, whatever else is true.
    if (view.disk_full)
        return "Not saved: " + *view.disk_full +
               " - showing the last good data; it catches up once space is freed";
    if (std::string offline = core::hub_offline_text(view); !offline.empty())
        return "The " + offline + " - showing the last data received, retrying";
    if (view.last_attempt_failed)
        return "Last import failed: " + view.last_error + " - showing the last good data";
    if (!view.stale(stale_after)) return "";
    if (!view.last_success) return "Data may be out of date: no successful sync yet";
    return "Data may be out of date: last synced " + when(*view.last_success, now) + " (" +
           age_text(*view.age) + ")";
}

}  // namespace app

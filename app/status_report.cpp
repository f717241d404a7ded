// The status JSON and the one-line service status (see status_report.hpp).
#include "app/status_report.hpp"

#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "db/sync/inbox_folder.hpp"

#ifndef LIFTBOARD_VERSION
#define LIFTBOARD_VERSION "unknown"
#endif

namespace app {
namespace {

using nlohmann::ordered_json;

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}
double rounded(double value) {
    return static_cast<double>(static_cast<int64_t>(value * 10)) / 10;
}

std::string iso_time(std::chrono::system_clock::time_point when) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&t, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &local);
    return text;
}

size_t waiting_files(const std::filesystem::path& inbox) {
    size_t count = 0;
    std::error_code error;
    for (std::filesystem::directory_iterator it(inbox, error), end; !error && it != end;
         it.increment(error))
        if (it->is_regular_file(error) &&
            !db::is_ignored_inbox_name(it->path().filename().string()))
            ++count;
    return count;
}

}  // namespace

uint64_t resident_kib() {
    std::ifstream statm("/proc/self/statm");
    uint64_t size = 0, resident = 0;
    if (!(statm >> size >> resident)) return 0;
    return resident * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE)) / 1024;
}

std::string status_json(const StatusSources& s) {
    const auto now = std::chrono::steady_clock::now();
    ordered_json status;
    status["version"] = LIFTBOARD_VERSION;
    status["uptime_s"] = rounded(seconds(now - s.started));
    const LiveState::Texts texts = s.live->texts();
    status["board"] = texts.board;
    status["kiosk"] = texts.kiosk_state;
    status["screen_power"] = texts.screen_power;
    const auto last_frame = s.live->last_frame();
    status["since_last_frame_s"] =
        last_frame ? ordered_json(rounded(seconds(now - *last_frame))) : ordered_json(nullptr);
    status["frames"] = s.live->frames();

    ordered_json snapshot = nullptr;
    if (auto current = s.channel->current()) {
        snapshot = {{"generation", current->generation},
                    {"age_s", rounded(std::chrono::duration<double>(
                                          std::chrono::system_clock::now() - current->built_at)
                                          .count())},
                    {"data_as_of", current->data_as_of}};
    }
    status["snapshot"] = snapshot;

    const core::SyncStatus::View sync = s.sync->read();
    status["sync"] = {
        {"configured", sync.source_configured},
        {"in_flight", sync.in_flight},
        {"last_success",
         sync.last_success ? ordered_json(iso_time(*sync.last_success)) : ordered_json(nullptr)},
        {"last_success_age_s",
         sync.age ? ordered_json(rounded(seconds(*sync.age))) : ordered_json(nullptr)},
        {"last_attempt_failed", sync.last_attempt_failed},
        {"last_error", sync.last_error},
        {"disk_full", sync.disk_full ? ordered_json(*sync.disk_full) : ordered_json(nullptr)},
    };
    std::string hub = "none";
    if (s.hub_configured) hub = sync.hub_offline_since ? "offline" : "online";
    status["hub"] = {
        {"state", hub},
        {"offline_since", sync.hub_offline_since ? ordered_json(iso_time(*sync.hub_offline_since))
                                                 : ordered_json(nullptr)}};
    ordered_json inbox = {{"imported", sync.files_imported},
                          {"quarantined", sync.files_quarantined}};
    if (s.inbox) inbox["waiting"] = waiting_files(*s.inbox);
    status["inbox"] = inbox;
    status["config"] = {
        {"file", texts.config_file},
        {"loaded_at", texts.config_loaded_at ? ordered_json(iso_time(*texts.config_loaded_at))
                                             : ordered_json(nullptr)},
        {"error", texts.config_error},
    };
    status["rss_kib"] = resident_kib();
    return status.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string status_line(const StatusSources& s) {
    std::string line = s.live->texts().board;
    const core::SyncStatus::View sync = s.sync->read();
    if (sync.age) {
        line +=
            " \xc2\xb7 data " +
            std::to_string(std::chrono::duration_cast<std::chrono::minutes>(*sync.age).count()) +
            " min old";
    } else if (auto current = s.channel->current(); current && !current->data_as_of.empty()) {
        line += " \xc2\xb7 data as of " + current->data_as_of;
    } else if (!s.channel->current()) {
        line += " \xc2\xb7 loading";
    }
    if (sync.disk_full) line += std::string(" \xc2\xb7 not saved: ") + core::kDiskFullText;
    if (sync.last_attempt_failed) line += " \xc2\xb7 last sync failed";
    return line;
}

}  // namespace app

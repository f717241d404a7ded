// The sync_state table: per source, when it last synced and its last error, so a
// restarted kiosk still knows how old its data is. Also the "data as of" text.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace db {

class Store;

std::string inbox_source_name(const std::filesystem::path& inbox);
std::optional<std::chrono::system_clock::time_point> last_sync_success(Store& store, const std::string& source);
void record_sync_success(Store& store, const std::string& source);
void record_sync_error(Store& store, const std::string& source, const std::string& message);

// When the data last changed (latest import, triage edit, or demo generation), as local
// "Tue 24 Nov 14:05"; "" when the store has no record of either.
std::string last_change_text(Store& store);

}  // namespace db

#include "db/sync/sync_state.hpp"

#include <ctime>

#include "db/store.hpp"

namespace db {
namespace {

// SQLite's 'now' is UTC; this turns "YYYY-MM-DD HH:MM:SS" (UTC) into a time point.
std::optional<std::chrono::system_clock::time_point> parse_utc(const std::string& text) {
    std::tm tm{};
    if (!strptime(text.c_str(), "%Y-%m-%d %H:%M:%S", &tm) && !strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm))
        return std::nullopt;
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

std::string inbox_source_name(const std::filesystem::path& inbox) {
    return "inbox:" + std::filesystem::absolute(inbox).lexically_normal().string();
}

std::optional<std::chrono::system_clock::time_point> last_sync_success(Store& store, const std::string& source) {
    SQLite::Statement query(store.database(), "SELECT last_success FROM sync_state WHERE source = ?");
    query.bind(1, source);
    if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
    return parse_utc(query.getColumn(0).getString());
}

void record_sync_success(Store& store, const std::string& source) {
    SQLite::Statement upsert(store.database(),
                             "INSERT INTO sync_state(source, last_success) VALUES (?, datetime('now')) "
                             "ON CONFLICT(source) DO UPDATE SET last_success = excluded.last_success");
    upsert.bind(1, source);
    upsert.exec();
}

void record_sync_error(Store& store, const std::string& source, const std::string& message) {
    SQLite::Statement upsert(store.database(),
                             "INSERT INTO sync_state(source, last_error, last_error_at) VALUES (?, ?, datetime('now')) "
                             "ON CONFLICT(source) DO UPDATE SET last_error = excluded.last_error, "
                             "last_error_at = excluded.last_error_at");
    upsert.bind(1, source);
    upsert.bind(2, message);
    upsert.exec();
}

std::string last_change_text(Store& store) {
    SQLite::Statement query(store.database(),
                            "SELECT max(t) FROM (SELECT max(imported_at) AS t FROM import_log "
                            "UNION ALL SELECT max(at) FROM audit "
                            "UNION ALL SELECT value FROM meta WHERE key = 'data_changed_at')");
    if (!query.executeStep() || query.getColumn(0).isNull()) return "";
    auto when = parse_utc(query.getColumn(0).getString());
    if (!when) return "";
    std::time_t t = std::chrono::system_clock::to_time_t(*when);
    std::tm local{};
    localtime_r(&t, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%a %d %b %H:%M", &local);
    return buffer;
}

}  // namespace db

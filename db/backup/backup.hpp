// Backups of the store: a consistent copy through SQLite's online backup API (safe while
// the writer runs: the copy is one read transaction), and the daily backups the writer
// keeps in a folder, oldest removed past a count. Restoring is copying a backup back
// over the store while liftboard is stopped (README: Backups).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace SQLite {
class Database;
}

namespace db {

// Copies the open database `from` into `to` (replaced if it exists). The copy is
// written beside `to` under a temporary name, mode 0600, synced, then renamed: a
// reader never sees half a backup. The copy is a single file (rollback journal, no WAL).
// Throws std::runtime_error naming `to`.
void backup_database(SQLite::Database& from, const std::filesystem::path& to);
// The same from a database file, opened read-only (`liftboard backup`).
void backup_file(const std::filesystem::path& from, const std::filesystem::path& to);

struct DailyBackupOptions {
    std::filesystem::path dir;  // created 0700 when missing
    int keep = 7;               // daily backups kept; older ones are removed
    int at_minutes = 2 * 60;    // local time of day after which the day's backup is due
};

// Names the day's backup file: DIR/liftboard-YYYY-MM-DD.db.
std::filesystem::path daily_backup_path(const std::filesystem::path& dir, core::Date day);

// The backups in `dir` by that naming, oldest first.
std::vector<std::filesystem::path> daily_backups(const std::filesystem::path& dir);

class DailyBackups {
  public:
    explicit DailyBackups(DailyBackupOptions options) : options_(std::move(options)) {}

    // True when `day` has no backup yet and `minutes` (local time of day) is past `at`.
    bool due(core::Date day, int minutes) const;
    // Writes the day's backup of `from`, then removes the oldest past `keep`. Returns
    // the file written.
    std::filesystem::path run(SQLite::Database& from, core::Date day);

    const DailyBackupOptions& options() const { return options_; }

  private:
    DailyBackupOptions options_;
    std::optional<core::Date> done_;  // the day whose backup is known to exist
};

}  // namespace db

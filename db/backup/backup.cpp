#include "db/backup/backup.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <regex>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "db/disk_full.hpp"

namespace db {
namespace {

// A new file beside `to`, created 0600 whatever the umask: a backup holds children's data.
std::filesystem::path private_temp_beside(const std::filesystem::path& to) {
    std::string name = (to.parent_path().empty() ? std::filesystem::path(".") : to.parent_path()) /
                       ("." + to.filename().string() + ".partial-XXXXXX");
    int fd = ::mkstemp(name.data());  // mode 0600
    if (fd < 0)
        throw std::system_error(errno, std::generic_category(),
                                to.string() + ": cannot create the backup file");
    ::close(fd);
    return name;
}

void sync_file(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void backup_database(SQLite::Database& from, const std::filesystem::path& to) {
    const std::filesystem::path partial = private_temp_beside(to);
    try {
        {
            SQLite::Database copy(partial, SQLite::OPEN_READWRITE);
            SQLite::Backup backup(copy, from);
            // All pages in one step: one read transaction, so the copy is one consistent
            // state however busy the writer is.
            // Busy only while another connection recovers the WAL: a moment.
            for (int tries = 0; backup.executeStep(-1) != SQLITE_DONE; ++tries) {
                if (tries == 100) throw std::runtime_error("the database stayed busy");
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        sync_file(partial);
        std::filesystem::rename(partial, to);
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        // Named as such, so the log and the board say why, not "database or disk is full".
        if (is_disk_full(e))
            throw std::system_error(std::make_error_code(std::errc::no_space_on_device),
                                    to.string() + ": backup failed: " +
                                        disk_full_text("the backup folder", to.parent_path()));
        throw std::runtime_error(to.string() + ": backup failed: " + e.what());
    }
}

void backup_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(from, error))
        throw std::runtime_error(from.string() + ": no such database");
    SQLite::Database source(from, SQLite::OPEN_READONLY, 5000);
    backup_database(source, to);
}

std::filesystem::path daily_backup_path(const std::filesystem::path& dir, core::Date day) {
    return dir / ("liftboard-" + core::to_iso(day) + ".db");
}

std::vector<std::filesystem::path> daily_backups(const std::filesystem::path& dir) {
    static const std::regex name(R"(liftboard-\d{4}-\d{2}-\d{2}\.db)");
    std::vector<std::filesystem::path> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
        if (entry.is_regular_file() && std::regex_match(entry.path().filename().string(), name))
            found.push_back(entry.path());
    std::sort(found.begin(), found.end());  // ISO dates sort by name
    return found;
}

bool DailyBackups::due(core::Date day, int minutes) const {
    if (done_ == day || minutes < options_.at_minutes) return false;
    std::error_code error;
    return !std::filesystem::exists(daily_backup_path(options_.dir, day), error);
}

std::filesystem::path DailyBackups::run(SQLite::Database& from, core::Date day) {
    std::error_code error;
    if (!std::filesystem::is_directory(options_.dir, error)) {
        std::filesystem::create_directories(options_.dir);
        std::filesystem::permissions(options_.dir, std::filesystem::perms::owner_all);
    }
    const std::filesystem::path file = daily_backup_path(options_.dir, day);
    backup_database(from, file);
    done_ = day;
    auto all = daily_backups(options_.dir);
    const size_t keep = static_cast<size_t>(std::max(options_.keep, 1));
    for (size_t i = 0; i + keep < all.size(); ++i) std::filesystem::remove(all[i], error);
    return file;
}

}  // namespace db

#include "db/disk_full.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cerrno>

#include "core/sync_status.hpp"

namespace db {

bool is_disk_full(const std::error_code& code) {
    // Compared as conditions, so an errno in either category matches.
    return code == std::errc::no_space_on_device ||
           code == std::error_condition(EDQUOT, std::generic_category());
}

bool is_disk_full(const std::exception& error, sqlite3* connection) {
    if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error)) {
        if (sqlite->getErrorCode() == SQLITE_FULL) return true;
        // A failed fsync or truncate reports SQLITE_IOERR_*; errno says why.
        if (sqlite->getErrorCode() == SQLITE_IOERR && connection) {
            const int os_error = sqlite3_system_errno(connection);
            return os_error == ENOSPC || os_error == EDQUOT;
        }
        return false;
    }
    if (const auto* system = dynamic_cast<const std::system_error*>(&error))
        return is_disk_full(system->code());
    return false;
}

std::string disk_full_text(const std::string& what, const std::filesystem::path& where) {
    return std::string(core::kDiskFullText) + " (" + what + " " + where.string() + ")";
}

void roll_back_if_open(sqlite3* connection) {
    if (connection && sqlite3_get_autocommit(connection) == 0)
        sqlite3_exec(connection, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace db

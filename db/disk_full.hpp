// Telling a full disk from every other write failure. SQLite says SQLITE_FULL (or an
// I/O error whose errno is ENOSPC); a plain file write fails with ENOSPC or EDQUOT.
// The writer turns either into "the disk is full (where)" on the board, in an edit's
// answer and in the log, keeps what it could not write where it was, and retries: a
// full disk is a state that passes, not a bad file or a bad edit.
#pragma once

#include <exception>
#include <filesystem>
#include <string>
#include <system_error>

struct sqlite3;

namespace db {

// Whether `code` (an errno or a filesystem error's) means no space is left.
bool is_disk_full(const std::error_code& code);
// Whether `error` failed for want of space: a SQLite::Exception with SQLITE_FULL, or an
// I/O error while `connection` (when given) last saw ENOSPC, or a std::system_error
// (filesystem_error included) with ENOSPC or EDQUOT.
bool is_disk_full(const std::exception& error, sqlite3* connection = nullptr);

// "the disk is full (the store /var/lib/liftboard/store.db)": `what` names the file or
// folder that could not be written, so the person at the machine knows which disk.
std::string disk_full_text(const std::string& what, const std::filesystem::path& where);

// Ends a transaction a failed write left open on `connection`. SQLite rolls back by
// itself after most SQLITE_FULL errors and SQLite::Transaction's destructor after the
// rest; this is the last guard, so the next write never runs inside a half-done one.
void roll_back_if_open(sqlite3* connection);

}  // namespace db

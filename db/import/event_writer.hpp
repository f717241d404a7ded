// Upserts pathway events with exactly the semantics of Store::upsert(core::Event)
// (insert unless the key exists, else update only a differing staff_id, note, owner or
// review date; count which
// happened), but many rows per statement and with text bound in place: events files
// run to 100k rows, and per-row statements, copies and printf'd dates cost half an
// import's time there. db_import_event_writer_test holds the two paths to the same
// results.
#pragma once

#include <SQLiteCpp/Database.h>

#include <memory>
#include <span>

#include "core/domain.hpp"
#include "db/import/write_counts.hpp"

struct sqlite3_stmt;

namespace db::inbox {

class EventWriter {
  public:
    explicit EventWriter(SQLite::Database& database);
    // `events` must not repeat a key (validated files do not). Throws
    // SQLite::Exception when SQLite refuses a row; the caller's transaction then
    // rolls back.
    WriteCounts write(std::span<const core::Event> events);

  private:
    // SQLiteCpp keeps its statement handle private and binds text only by copy or as
    // NUL-terminated strings, so these are raw sqlite3 statements.
    struct Finalize {
        void operator()(sqlite3_stmt* statement) const;
    };
    using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;
    Statement prepare(const std::string& sql);
    int run(sqlite3_stmt* statement);

    SQLite::Database& database_;
    Statement insert_batch_;  // kBatch rows
    Statement insert_one_;
    Statement update_one_;
};

}  // namespace db::inbox

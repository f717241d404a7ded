#include "db/import/writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <stdexcept>

#include "db/import/event_writer.hpp"

namespace db::inbox {
namespace {

void log_import(SQLite::Database& database, const CheckedFile& checked, const WriteCounts& counts) {
    SQLite::Statement insert(database,
                             "INSERT INTO import_log(file, sha256, kind, rows, outcome, detail, "
                             "imported_at) VALUES (?, ?, ?, ?, 'imported', ?, "
                             "strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    insert.bind(1, checked.file);
    insert.bind(2, checked.sha256);
    insert.bind(3, std::string(to_string(checked.kind)));
    insert.bind(4, static_cast<int64_t>(checked.rows));
    insert.bind(5, std::to_string(counts.inserted) + " inserted, " +
                       std::to_string(counts.updated) + " updated, " +
                       std::to_string(counts.unchanged) + " unchanged");
    insert.exec();
}

// A large file's transaction outgrows SQLite's default 2 MiB page cache, which then
// spills dirty pages to the WAL and reads them back, doubling the write time. The
// cache grows for the import (about half a KiB per row, at most 64 MiB) and shrinks
// back afterwards, which frees the pages.
class LargerPageCache {
  public:
    LargerPageCache(SQLite::Database& database, size_t rows) : database_(database) {
        previous_ = database.execAndGet("PRAGMA cache_size").getInt64();
        int64_t wanted_kib = std::min<int64_t>(64 * 1024, static_cast<int64_t>(rows / 2));
        int64_t previous_kib = previous_ < 0 ? -previous_ : previous_ * page_size() / 1024;
        if (wanted_kib > previous_kib) {
            database.exec("PRAGMA cache_size = -" + std::to_string(wanted_kib));
            changed_ = true;
        }
    }
    ~LargerPageCache() {
        if (changed_)
            database_.tryExec(("PRAGMA cache_size = " + std::to_string(previous_)).c_str());
    }
    LargerPageCache(const LargerPageCache&) = delete;
    LargerPageCache& operator=(const LargerPageCache&) = delete;

  private:
    int64_t page_size() { return database_.execAndGet("PRAGMA page_size").getInt64(); }
    SQLite::Database& database_;
    int64_t previous_ = 0;
    bool changed_ = false;
};

}  // namespace

bool already_imported(SQLite::Database& database, const std::string& sha256) {
    SQLite::Statement query(database,
                            "SELECT 1 FROM import_log WHERE sha256 = ? AND outcome = 'imported'");
    query.bind(1, sha256);
    return query.executeStep();
}

std::optional<WriteCounts> write_checked(Store& store, const CheckedFile& checked) {
    if (!checked.ok()) throw std::logic_error("write_checked: " + checked.file + " has problems");
    SQLite::Database& database = store.database();
    LargerPageCache cache(database, checked.rows);  // outlives the transaction
    // Rolls back in its destructor unless committed: an exception anywhere below
    // leaves the store as it was.
    SQLite::Transaction transaction(database);
    // Checked again inside the transaction: a check made before it may be stale.
    if (already_imported(database, checked.sha256)) return std::nullopt;
    WriteCounts counts;
    if (auto* events = std::get_if<std::vector<core::Event>>(&checked.records)) {
        counts = EventWriter(database).write(*events);
    } else {
        std::visit(
            [&](const auto& rows) {
                for (const auto& row : rows) counts.add(store.upsert(row));
            },
            checked.records);
    }
    log_import(database, checked, counts);
    transaction.commit();
    return counts;
}

}  // namespace db::inbox

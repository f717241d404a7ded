// The local SQLite store: opens (creating with mode 0600) and migrates the database,
// writes typed records with upsert semantics, and loads everything back as a
// core::Dataset. One Store per thread: SQLite connections are not shared.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/domain.hpp"

namespace db {

enum class Upsert { inserted, updated, unchanged };

class Store {
  public:
    enum class Access { read_write, read_only };

    // read_write creates a missing file (mode 0600) and migrates it; read_only requires
    // an existing database at the current schema version. Throws std::runtime_error with
    // a message naming the file on any failure.
    explicit Store(const std::filesystem::path& file, Access access = Access::read_write);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    SQLite::Database& database() { return db_; }
    const std::filesystem::path& path() const { return path_; }

    // Writes. Callers group them in a SQLite::Transaction; a row whose key exists is
    // updated only when a non-key field differs.
    Upsert upsert(const core::School& row);
    Upsert upsert(const core::Term& row);
    Upsert upsert(const core::LiftGroupAssignment& row);
    Upsert upsert(const core::Staff& row);
    Upsert upsert(const core::LiftMeeting& row);
    Upsert upsert(const core::Surgery& row);
    Upsert upsert(const core::Pupil& row);
    Upsert upsert(const core::Event& row);
    Upsert upsert(const core::Booking& row);
    Upsert upsert(const core::CaseState& row);

    // Audit trail of changes made from the UI (who, what, before, after as text/JSON).
    void append_audit(const std::string& who, const std::string& what, const std::string& before,
                      const std::string& after);

    std::optional<std::string> meta(const std::string& key);
    void set_meta(const std::string& key, const std::string& value);

    // Everything, indexed. Runs in one read transaction so the data is consistent.
    core::Dataset load_dataset();
    // For an incremental snapshot (Dataset::patched): the rows of these pupils (records,
    // events, bookings), the whole case_state table and the unresolved conflicts, in one
    // read transaction. `pupils` and `records` are left for the caller (indices) and
    // filled (one per ref found, in `refs` order); an unknown ref has no record.
    core::DatasetPatch load_patch(const std::vector<std::string>& refs);
    // Frees this connection's page cache (it refills on demand): after a full read of a
    // large store the cache would otherwise hold megabytes the kiosk never reads again.
    void release_cache();

  private:
    struct Statements;
    std::filesystem::path path_;
    SQLite::Database db_;
    std::unique_ptr<Statements> statements_;
};

}  // namespace db

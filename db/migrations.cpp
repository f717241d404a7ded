#include "db/migrations.hpp"

#include <SQLiteCpp/Transaction.h>

#include <array>
#include <stdexcept>
#include <string>

#include "core/domain.hpp"

namespace db {
namespace {

// Dates are ISO text (YYYY-MM-DD): readable in the sqlite3 shell and ordered as text.
// Enumerations are stored with their inbox spellings and checked here too, so a bug in
// an importer cannot store a value the contract does not have.
constexpr const char* kMigration1 = R"SQL(
CREATE TABLE district (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE school (
    urn        TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    district   TEXT NOT NULL REFERENCES district(name),
    lift_group TEXT NOT NULL DEFAULT '',
    phase      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE term (
    academic_year TEXT NOT NULL,
    term          TEXT NOT NULL CHECK (term IN ('autumn','spring','summer')),
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL CHECK (end_date >= start_date),
    PRIMARY KEY (academic_year, term)
) WITHOUT ROWID;

CREATE TABLE lift_group (
    urn           TEXT NOT NULL REFERENCES school(urn),
    academic_year TEXT NOT NULL,
    term          TEXT NOT NULL CHECK (term IN ('autumn','spring','summer')),
    grp           TEXT NOT NULL,
    PRIMARY KEY (urn, academic_year, term)
) WITHOUT ROWID;

CREATE TABLE staff (
    staff_id TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('specialist_teacher','ep','lead','admin','outreach')),
    district TEXT NOT NULL DEFAULT ''
);

CREATE TABLE lift_meeting (
    district           TEXT NOT NULL REFERENCES district(name),
    grp                TEXT NOT NULL,
    meeting_date       TEXT NOT NULL,
    paperwork_deadline TEXT NOT NULL,
    venue              TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (district, meeting_date, grp)
) WITHOUT ROWID;

CREATE TABLE surgery (
    district     TEXT NOT NULL REFERENCES district(name),
    surgery_date TEXT NOT NULL,
    staff_id     TEXT NOT NULL DEFAULT '',
    venue        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (district, surgery_date, staff_id)
) WITHOUT ROWID;

CREATE TABLE pupil (
    pupil_ref  TEXT PRIMARY KEY,
    school_urn TEXT NOT NULL REFERENCES school(urn),
    initials   TEXT NOT NULL,
    first_name TEXT NOT NULL DEFAULT '',
    last_name  TEXT NOT NULL DEFAULT '',
    year_group INTEGER,
    need_area  TEXT NOT NULL DEFAULT '' CHECK (need_area IN ('','cl','ci','semh','spd'))
);
CREATE INDEX pupil_by_school ON pupil(school_urn);

-- One row per pathway event; the key is the contract's (pupil_ref, event, date, detail).
CREATE TABLE event (
    pupil_ref TEXT NOT NULL REFERENCES pupil(pupil_ref),
    event     TEXT NOT NULL,
    date      TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT '',
    staff_id  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (pupil_ref, event, date, detail)
) WITHOUT ROWID;

CREATE TABLE booking (
    pupil_ref          TEXT NOT NULL REFERENCES pupil(pupil_ref),
    kind               TEXT NOT NULL CHECK (kind IN ('lift','surgery')),
    meeting_date       TEXT NOT NULL,
    district           TEXT NOT NULL DEFAULT '',
    grp                TEXT NOT NULL DEFAULT '',
    paperwork_received TEXT,
    PRIMARY KEY (pupil_ref, kind, meeting_date)
) WITHOUT ROWID;
CREATE INDEX booking_by_meeting ON booking(kind, meeting_date);

-- Triage state of a case, written only by commands from the triage board.
CREATE TABLE case_state (
    pupil_ref         TEXT PRIMARY KEY REFERENCES pupil(pupil_ref),
    assigned_staff_id TEXT NOT NULL DEFAULT '',
    priority          INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

CREATE TABLE audit (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,           -- UTC, ISO 8601
    who    TEXT NOT NULL,
    what   TEXT NOT NULL,
    before TEXT NOT NULL DEFAULT '',
    after  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sync_state (
    source       TEXT PRIMARY KEY,
    cursor       TEXT NOT NULL DEFAULT '',
    last_success TEXT,
    last_error   TEXT NOT NULL DEFAULT '',
    last_error_at TEXT
);

CREATE TABLE import_log (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT '',
    rows        INTEGER NOT NULL DEFAULT 0,
    outcome     TEXT NOT NULL,    -- imported | refused
    detail      TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE INDEX import_log_by_sha ON import_log(sha256);

-- Key/value facts about the store itself (e.g. when demo data was generated).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)SQL";

// PostgreSQL hub sync (db/hub): triage edits waiting to be pushed, edits the hub
// turned down (kept until resolved, never dropped), and how far each table has been
// pulled from which hub.
constexpr const char* kMigration2 = R"SQL(
CREATE TABLE hub_outbox (
    id      INTEGER PRIMARY KEY,
    op_id   TEXT NOT NULL UNIQUE,    -- the hub applies an edit once, however often sent
    at      TEXT NOT NULL,           -- UTC, ISO 8601
    who     TEXT NOT NULL,
    what    TEXT NOT NULL,
    before  TEXT NOT NULL DEFAULT '',
    after   TEXT NOT NULL DEFAULT '',
    effects TEXT NOT NULL            -- JSON: the rows and the checks the hub applies
);

CREATE TABLE hub_conflict (
    id          INTEGER PRIMARY KEY,
    op_id       TEXT NOT NULL UNIQUE,
    detected_at TEXT NOT NULL,
    edited_at   TEXT NOT NULL,
    who         TEXT NOT NULL,
    what        TEXT NOT NULL,
    pupil_ref   TEXT NOT NULL DEFAULT '',
    mine        TEXT NOT NULL DEFAULT '',
    theirs      TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    effects     TEXT NOT NULL,
    resolved_at TEXT
);

CREATE TABLE hub_cursor (
    hub_id    TEXT NOT NULL,
    tbl       TEXT NOT NULL,
    change_no INTEGER NOT NULL,
    PRIMARY KEY (hub_id, tbl)
) WITHOUT ROWID;
)SQL";

// Issue 11: events carry what was agreed (note), who carries a recommendation out
// (owner) and when its impact is to be reviewed (review_date, never before the event).
// Existing rows get '' / NULL: files without these columns stay valid.
constexpr const char* kMigration3 = R"SQL(
ALTER TABLE event ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN review_date TEXT CHECK (review_date IS NULL OR review_date >= date);
)SQL";

constexpr std::array<const char*, 3> kMigrations = {kMigration1, kMigration2, kMigration3};

void seed_districts(SQLite::Database& database) {
    SQLite::Statement insert(database, "INSERT OR IGNORE INTO district(name) VALUES (?)");
    for (auto name : core::kent_districts()) {
        insert.bind(1, std::string(name));
        insert.exec();
        insert.reset();
    }
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(SQLite::Database& database) {
    int version = database.execAndGet("PRAGMA user_version").getInt();
    if (version > latest_schema_version())
        throw std::runtime_error("database schema version " + std::to_string(version) +
                                 " is newer than this liftboard (" +
                                 std::to_string(latest_schema_version()) + ")");
    // Version 0 with tables is another program's database: adding ours to it would
    // hide the mistake in the path and change a file that is not ours.
    if (version == 0 && database.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
        throw std::runtime_error("not a liftboard database (it holds another program's tables)");
    for (int v = version; v < latest_schema_version(); ++v) {
        SQLite::Transaction tx(database);
        database.exec(kMigrations[static_cast<size_t>(v)]);
        if (v == 0) seed_districts(database);
        database.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

}  // namespace db

#include "db/hub/hub_schema.hpp"

#include <pqxx/pqxx>

#include "core/domain.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_tables.hpp"

namespace db::hub {
namespace {

// Held while migrating, so two `hub init` runs at once do not both create tables.
constexpr long kMigrationLock = 73100;

// The same tables and checks as the local schema (db/migrations.cpp), with real
// dates, plus a change number on every row and the audit trail of every client.
constexpr const char* kMigration1 = R"SQL(
CREATE TABLE hub_meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO hub_meta VALUES ('hub_id', md5(random()::text || clock_timestamp()::text));

CREATE SEQUENCE change_seq;

-- Writers take this lock before numbering their first row and hold it until commit,
-- so change numbers become visible in increasing order: a client that has read every
-- row up to N will never later find a row numbered N or less appear.
CREATE FUNCTION hub_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(73101);
    NEW.change_no := nextval('change_seq');
    RETURN NEW;
END $$;

CREATE FUNCTION hub_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('liftboard_hub', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TABLE district (name text PRIMARY KEY);

CREATE TABLE school (
    urn        text PRIMARY KEY,
    name       text NOT NULL,
    district   text NOT NULL REFERENCES district(name),
    lift_group text NOT NULL DEFAULT '',
    phase      text NOT NULL DEFAULT '',
    change_no  bigint NOT NULL
);
CREATE TABLE term (
    academic_year text NOT NULL,
    term          text NOT NULL CHECK (term IN ('autumn','spring','summer')),
    start_date    date NOT NULL,
    end_date      date NOT NULL CHECK (end_date >= start_date),
    change_no     bigint NOT NULL,
    PRIMARY KEY (academic_year, term)
);
CREATE TABLE staff (
    staff_id  text PRIMARY KEY,
    name      text NOT NULL,
    role      text NOT NULL CHECK (role IN ('specialist_teacher','ep','lead','admin','outreach')),
    district  text NOT NULL DEFAULT '',
    change_no bigint NOT NULL
);
CREATE TABLE lift_group (
    urn           text NOT NULL REFERENCES school(urn),
    academic_year text NOT NULL,
    term          text NOT NULL CHECK (term IN ('autumn','spring','summer')),
    grp           text NOT NULL,
    change_no     bigint NOT NULL,
    PRIMARY KEY (urn, academic_year, term)
);
CREATE TABLE lift_meeting (
    district           text NOT NULL REFERENCES district(name),
    grp                text NOT NULL,
    meeting_date       date NOT NULL,
    paperwork_deadline date NOT NULL,
    venue              text NOT NULL DEFAULT '',
    change_no          bigint NOT NULL,
    PRIMARY KEY (district, meeting_date, grp)
);
CREATE TABLE surgery (
    district     text NOT NULL REFERENCES district(name),
    surgery_date date NOT NULL,
    staff_id     text NOT NULL DEFAULT '',
    venue        text NOT NULL DEFAULT '',
    change_no    bigint NOT NULL,
    PRIMARY KEY (district, surgery_date, staff_id)
);
CREATE TABLE pupil (
    pupil_ref  text PRIMARY KEY,
    school_urn text NOT NULL REFERENCES school(urn),
    initials   text NOT NULL,
    first_name text NOT NULL DEFAULT '',
    last_name  text NOT NULL DEFAULT '',
    year_group integer,
    need_area  text NOT NULL DEFAULT '' CHECK (need_area IN ('','cl','ci','semh','spd')),
    change_no  bigint NOT NULL
);
CREATE TABLE event (
    pupil_ref text NOT NULL REFERENCES pupil(pupil_ref),
    event     text NOT NULL,
    date      date NOT NULL,
    detail    text NOT NULL DEFAULT '',
    staff_id  text NOT NULL DEFAULT '',
    change_no bigint NOT NULL,
    PRIMARY KEY (pupil_ref, event, date, detail)
);
CREATE TABLE booking (
    pupil_ref          text NOT NULL REFERENCES pupil(pupil_ref),
    kind               text NOT NULL CHECK (kind IN ('lift','surgery')),
    meeting_date       date NOT NULL,
    district           text NOT NULL DEFAULT '',
    grp                text NOT NULL DEFAULT '',
    paperwork_received date,
    change_no          bigint NOT NULL,
    PRIMARY KEY (pupil_ref, kind, meeting_date)
);
CREATE TABLE case_state (
    pupil_ref         text PRIMARY KEY REFERENCES pupil(pupil_ref),
    assigned_staff_id text NOT NULL DEFAULT '',
    priority          integer NOT NULL DEFAULT 0,
    version           integer NOT NULL DEFAULT 1,
    change_no         bigint NOT NULL
);

-- Every client's triage edits; op_id makes a re-sent push (lost acknowledgement)
-- recognisable, so an edit is applied once.
CREATE TABLE audit (
    id        bigserial PRIMARY KEY,
    op_id     text NOT NULL UNIQUE,
    at        timestamptz NOT NULL,
    who       text NOT NULL,
    what      text NOT NULL,
    before    text NOT NULL DEFAULT '',
    after     text NOT NULL DEFAULT '',
    change_no bigint NOT NULL
);

-- Files loaded by `liftboard hub import`; a file's SHA-256 makes a re-import a no-op.
CREATE TABLE import_log (
    id          bigserial PRIMARY KEY,
    file        text NOT NULL,
    sha256      text NOT NULL,
    kind        text NOT NULL,
    rows        integer NOT NULL,
    detail      text NOT NULL DEFAULT '',
    imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_log_by_sha ON import_log(sha256);
)SQL";

// Issue 11: an event's note, owner and review date, as in the local migration 3.
// Existing rows keep their change numbers: their new columns are empty, which every
// client already has.
constexpr const char* kMigration2 = R"SQL(
ALTER TABLE event
    ADD COLUMN note text NOT NULL DEFAULT '',
    ADD COLUMN owner text NOT NULL DEFAULT '',
    ADD COLUMN review_date date CHECK (review_date IS NULL OR review_date >= date);
)SQL";

// Triggers and change-number indexes for every shared table and the audit trail.
std::string change_tracking_sql() {
    std::string sql;
    auto track = [&](std::string_view table) {
        std::string t(table);
        sql += "CREATE INDEX " + t + "_by_change ON " + t + "(change_no);\n";
        sql += "CREATE TRIGGER " + t + "_stamp BEFORE INSERT OR UPDATE ON " + t +
               " FOR EACH ROW EXECUTE FUNCTION hub_stamp();\n";
        sql += "CREATE TRIGGER " + t + "_notify AFTER INSERT OR UPDATE ON " + t +
               " FOR EACH STATEMENT EXECUTE FUNCTION hub_notify();\n";
    };
    for (const HubTable& table : hub_tables()) track(table.name);
    track("audit");
    return sql;
}

void apply_migration(pqxx::work& work, int version) {
    switch (version) {
        case 1: {
            work.exec0(kMigration1);
            work.exec0(change_tracking_sql());
            for (auto district : core::kent_districts())
                work.exec_params0("INSERT INTO district(name) VALUES ($1)", std::string(district));
            break;
        }
        case 2:
            work.exec0(kMigration2);
            break;
    }
}

int read_version(pqxx::transaction_base& tx) {
    auto exists = tx.exec1("SELECT to_regclass('hub_migration') IS NOT NULL");
    if (!exists[0].as<bool>()) return 0;
    return tx.exec1("SELECT coalesce(max(version), 0) FROM hub_migration")[0].as<int>();
}

}  // namespace

int hub_latest_schema_version() {
    return 2;
}

int hub_schema_version(pqxx::connection& connection) {
    try {
        pqxx::read_transaction tx(connection);
        return read_version(tx);
    } catch (...) {
        throw current_hub_error();
    }
}

int migrate_hub(pqxx::connection& connection) {
    try {
        int found = -1;
        for (;;) {
            pqxx::work work(connection);
            work.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
            work.exec0(
                "CREATE TABLE IF NOT EXISTS hub_migration ("
                "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            int version = read_version(work);
            if (found < 0) found = version;
            if (version > hub_latest_schema_version())
                throw HubError("hub schema version " + std::to_string(version) +
                                   " is newer than this liftboard (" +
                                   std::to_string(hub_latest_schema_version()) + ")",
                               false);
            if (version == hub_latest_schema_version()) return found;
            apply_migration(work, version + 1);
            work.exec_params0("INSERT INTO hub_migration(version) VALUES ($1)", version + 1);
            work.commit();
        }
    } catch (...) {
        throw current_hub_error();
    }
}

std::string hub_id(pqxx::connection& connection) {
    try {
        pqxx::read_transaction tx(connection);
        return tx.exec1("SELECT value FROM hub_meta WHERE key = 'hub_id'")[0].as<std::string>();
    } catch (...) {
        throw current_hub_error();
    }
}

}  // namespace db::hub

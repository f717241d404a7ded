#include "db/sync/change_log.hpp"

#include <SQLiteCpp/Statement.h>

#include <string>

#include "core/domain.hpp"
#include "db/store.hpp"

namespace db {
namespace {

// Once 'all' is recorded, later rows add nothing: a hub's first pull of a million rows
// then writes one record, not a million.
constexpr const char* kNotAll = "NOT EXISTS (SELECT 1 FROM liftboard_touched WHERE what = 'all')";

// Not INSERT OR IGNORE: inside a trigger the conflict handling of the statement that
// fired it wins (SQLite, "CREATE TRIGGER"), and an upsert's DO UPDATE fires the UPDATE
// trigger under ABORT: its second record of the same pupil (NEW and OLD) failed the
// hub pull with "UNIQUE constraint failed: liftboard_touched".
std::string record(const std::string& what, const std::string& ref) {
    return "INSERT INTO liftboard_touched(what, ref) SELECT '" + what + "', " + ref +
           " WHERE NOT EXISTS (SELECT 1 FROM liftboard_touched WHERE what = '" + what +
           "' AND ref = " + ref + ");";
}

// ('a','b',...) of every event kind this version reads, lower-case (parse_event_kind
// is case-insensitive).
std::string known_event_kinds() {
    std::string list = "(";
    for (int k = 0; k < core::kEventKindCount; ++k) {
        if (k) list += ",";
        list += "'" + std::string(core::to_string(static_cast<core::EventKind>(k))) + "'";
    }
    return list + ")";
}

void trigger(SQLite::Database& db, const std::string& name, const std::string& when_table,
             const std::string& condition, const std::string& body) {
    db.exec("CREATE TEMP TRIGGER IF NOT EXISTS liftboard_touch_" + name + " AFTER " + when_table +
            " FOR EACH ROW WHEN " + kNotAll +
            (condition.empty() ? "" : " AND (" + condition + ")") + " BEGIN " + body + " END");
}

}  // namespace

ChangeLog::ChangeLog(Store& store) : store_(store) {
    SQLite::Database& db = store_.database();
    db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS liftboard_touched (what TEXT NOT NULL, ref TEXT NOT "
        "NULL, PRIMARY KEY (what, ref)) WITHOUT ROWID");
    const std::string all = record("all", "''");
    for (const char* table :
         {"district", "school", "term", "lift_group", "staff", "lift_meeting", "surgery"})
        for (const char* op : {"INSERT", "UPDATE", "DELETE"})
            trigger(db, std::string(table) + "_" + op, std::string(op) + " ON main." + table, "",
                    all);
    // A pupil added or removed moves every later pupil's index: rebuild.
    trigger(db, "pupil_INSERT", "INSERT ON main.pupil", "", all);
    trigger(db, "pupil_DELETE", "DELETE ON main.pupil", "", all);
    trigger(db, "pupil_UPDATE", "UPDATE ON main.pupil", "NEW.pupil_ref = OLD.pupil_ref",
            record("record", "NEW.pupil_ref"));
    trigger(db, "pupil_UPDATE_ref", "UPDATE ON main.pupil", "NEW.pupil_ref <> OLD.pupil_ref", all);
    // Rows of an unknown event kind are counted, not loaded: any write of one rebuilds,
    // so the count a patch carries over stays right.
    const std::string known = known_event_kinds();
    trigger(db, "event_INSERT_unknown", "INSERT ON main.event", "lower(NEW.event) NOT IN " + known,
            all);
    trigger(db, "event_UPDATE_unknown", "UPDATE ON main.event",
            "lower(NEW.event) NOT IN " + known + " OR lower(OLD.event) NOT IN " + known, all);
    trigger(db, "event_DELETE_unknown", "DELETE ON main.event", "lower(OLD.event) NOT IN " + known,
            all);
    for (const char* table : {"event", "booking", "case_state"}) {
        const std::string t = table;
        trigger(db, t + "_INSERT", "INSERT ON main." + t, "", record("pupil", "NEW.pupil_ref"));
        trigger(db, t + "_UPDATE", "UPDATE ON main." + t, "",
                record("pupil", "NEW.pupil_ref") + record("pupil", "OLD.pupil_ref"));
        trigger(db, t + "_DELETE", "DELETE ON main." + t, "", record("pupil", "OLD.pupil_ref"));
    }
    data_version_ = db.execAndGet("PRAGMA data_version").getInt64();
}

bool ChangeLog::pending() {
    SQLite::Database& db = store_.database();
    return db.execAndGet("PRAGMA data_version").getInt64() != data_version_ ||
           db.execAndGet("SELECT EXISTS (SELECT 1 FROM temp.liftboard_touched)").getInt() != 0;
}

StoreChanges ChangeLog::take() {
    SQLite::Database& db = store_.database();
    StoreChanges changes;
    const int64_t version = db.execAndGet("PRAGMA data_version").getInt64();
    if (version != data_version_) changes.everything = true;  // another connection wrote
    data_version_ = version;
    SQLite::Statement touched(db,
                              "SELECT what, ref FROM temp.liftboard_touched ORDER BY ref, what");
    while (touched.executeStep()) {
        const std::string what = touched.getColumn(0).getString();
        if (what == "all") {
            changes.everything = true;
            continue;
        }
        std::string ref = touched.getColumn(1).getString();
        if (what == "record") changes.pupil_records = true;
        if (changes.pupils.empty() || changes.pupils.back() != ref)
            changes.pupils.push_back(std::move(ref));
    }
    db.exec("DELETE FROM temp.liftboard_touched");
    if (changes.everything) {
        changes.pupils.clear();
        changes.pupil_records = false;
    }
    return changes;
}

}  // namespace db

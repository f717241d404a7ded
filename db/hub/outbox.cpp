#include "db/hub/outbox.hpp"

#include <SQLiteCpp/Statement.h>

#include <cctype>
#include <random>

#include "db/hub/hub_tables.hpp"
#include "db/hub/local_rows.hpp"
#include "db/store.hpp"

namespace db::hub {
namespace {

using nlohmann::json;

std::string new_op_id() {
    std::random_device random;
    std::string id;
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) id += kHex[random() % 16];
    return id;
}

// One local row of a hub table by its key values, every value as text (NULL as null).
json local_row(Store& store, std::string_view table_name, const std::vector<std::string>& key) {
    const HubTable& table = hub_table(table_name);
    json key_row = json::object();
    for (size_t i = 0; i < key.size(); ++i) key_row[std::string(table.keys[i].name)] = key[i];
    return hub::local_row(store, table, key_row);
}

// Columns whose values name a person. A conflict's texts are drawn on the wall, so
// they never hold these: with privacy off the board names the pupil from the Dataset
// (widgets/pupil_line), as every other board does.
bool names_a_person(std::string_view column) {
    return column == "first_name" || column == "last_name";
}

bool names_differ(const json& mine, const json& theirs) {
    if (!mine.is_object() || !theirs.is_object()) return false;
    for (std::string_view column : {"first_name", "last_name"}) {
        const std::string key(column);
        if (mine.value(key, json()) != theirs.value(key, json())) return true;
    }
    return false;
}

// PostgreSQL's message without its DETAIL, HINT, CONTEXT and LINE parts: DETAIL quotes
// the failing row ("Failing row contains (P001, Ann, Smith, ...)").
std::string first_line(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    return line;
}

json insert_effect(std::string_view table, json row) {
    return {{"table", table}, {"mode", "insert"}, {"row", std::move(row)}};
}

json event_row(Store& store, const core::Event& e) {
    return local_row(
        store, "event",
        {e.pupil_ref, std::string(core::to_string(e.kind)), core::to_iso(e.date), e.detail});
}

json booking_row(Store& store, const std::string& ref, core::BookingKind kind, core::Date date) {
    return local_row(store, "booking",
                     {ref, std::string(core::to_string(kind)), core::to_iso(date)});
}

std::optional<std::string> case_pupil(const core::Command& command) {
    if (auto* c = std::get_if<core::AssignTeacher>(&command)) return c->pupil_ref;
    if (auto* c = std::get_if<core::SetPriority>(&command)) return c->pupil_ref;
    if (auto* c = std::get_if<core::OpenCaselist>(&command)) return c->event.pupil_ref;
    return std::nullopt;
}

json effects_of(Store& store, const core::Command& command, const OutboxBase& base) {
    json effects = json::array();
    // A caselist opening inserts its event before it moves the case to its teacher.
    if (auto* open = std::get_if<core::OpenCaselist>(&command))
        effects.push_back(insert_effect("event", event_row(store, open->event)));
    if (auto ref = case_pupil(command)) {
        json row = local_row(store, "case_state", {*ref});
        row.erase("version");  // the hub numbers versions; the edit says which it saw
        effects.push_back({{"table", "case_state"},
                           {"mode", "versioned"},
                           {"row", row},
                           {"base_version", base.case_version}});
    } else if (auto* book = std::get_if<core::BookMeeting>(&command)) {
        const core::Booking& b = book->booking;
        effects.push_back(
            insert_effect("booking", booking_row(store, b.pupil_ref, b.kind, b.meeting_date)));
    } else if (auto* record = std::get_if<core::RecordEvent>(&command)) {
        effects.push_back(insert_effect("event", event_row(store, record->event)));
    } else if (auto* paperwork = std::get_if<core::RecordPaperwork>(&command)) {
        json expect = {
            {"paperwork_received", base.paperwork_before ? json(*base.paperwork_before) : json()}};
        effects.push_back({{"table", "booking"},
                           {"mode", "compare"},
                           {"expect", expect},
                           {"row", booking_row(store, paperwork->pupil_ref, core::BookingKind::lift,
                                               paperwork->meeting_date)}});
        effects.push_back(insert_effect(
            "event", event_row(store, {paperwork->pupil_ref, core::EventKind::lift_paperwork,
                                       paperwork->received, "", ""})));
    } else if (auto* referral = std::get_if<core::NewReferral>(&command)) {
        const std::string& pupil_ref = referral->pupil.pupil_ref;
        effects.push_back(insert_effect("pupil", local_row(store, "pupil", {pupil_ref})));
        effects.push_back(
            insert_effect("event", event_row(store, {pupil_ref, core::EventKind::consent_given,
                                                     referral->consent_date, "", ""})));
    }
    return effects;
}

}  // namespace

OutboxBase outbox_base(Store& store, const core::Command& command) {
    OutboxBase base;
    if (auto ref = case_pupil(command)) {
        SQLite::Statement query(store.database(),
                                "SELECT version FROM case_state WHERE pupil_ref = ?");
        query.bind(1, *ref);
        if (query.executeStep()) base.case_version = query.getColumn(0).getInt();
    } else if (auto* paperwork = std::get_if<core::RecordPaperwork>(&command)) {
        json row = booking_row(store, paperwork->pupil_ref, core::BookingKind::lift,
                               paperwork->meeting_date);
        if (row.is_object() && !row["paperwork_received"].is_null())
            base.paperwork_before = row["paperwork_received"].get<std::string>();
    }
    return base;
}

void append_outbox(Store& store, const core::Command& command, const OutboxBase& base,
                   const std::string& who, const std::string& what, const std::string& before,
                   const std::string& after) {
    if (auto ref = case_pupil(command)) {
        // Two edits queued offline: the second is checked against the version the
        // first will have made, not against the one both started from.
        SQLite::Statement bump(store.database(),
                               "UPDATE case_state SET version = ? WHERE pupil_ref = ?");
        bump.bind(1, base.case_version + 1);
        bump.bind(2, *ref);
        bump.exec();
    }
    append_outbox_effects(store, who, what, before, after, effects_of(store, command, base));
}

void append_outbox_effects(Store& store, const std::string& who, const std::string& what,
                           const std::string& before, const std::string& after,
                           const json& effects) {
    SQLite::Statement insert(store.database(),
                             "INSERT INTO hub_outbox(op_id, at, who, what, before, after, effects) "
                             "VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?, ?)");
    insert.bind(1, new_op_id());
    insert.bind(2, who);
    insert.bind(3, what);
    insert.bind(4, before);
    insert.bind(5, after);
    insert.bind(6, effects.dump());
    insert.exec();
}

std::vector<OutboxEntry> pending_outbox(Store& store, size_t limit) {
    SQLite::Statement query(store.database(),
                            "SELECT id, op_id, at, who, what, before, after, effects FROM "
                            "hub_outbox ORDER BY id LIMIT ?");
    query.bind(1, static_cast<int64_t>(limit));
    std::vector<OutboxEntry> entries;
    while (query.executeStep()) {
        entries.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                           query.getColumn(2).getString(), query.getColumn(3).getString(),
                           query.getColumn(4).getString(), query.getColumn(5).getString(),
                           query.getColumn(6).getString(),
                           json::parse(query.getColumn(7).getString())});
    }
    return entries;
}

bool outbox_empty(Store& store) {
    SQLite::Statement query(store.database(), "SELECT 1 FROM hub_outbox LIMIT 1");
    return !query.executeStep();
}

void remove_from_outbox(Store& store, int64_t id) {
    SQLite::Statement remove(store.database(), "DELETE FROM hub_outbox WHERE id = ?");
    remove.bind(1, id);
    remove.exec();
}

void record_conflict(Store& store, const OutboxEntry& entry, const std::string& reason,
                     const json& mine, const json& theirs) {
    std::string pupil_ref;
    if (!entry.effects.empty() && entry.effects[0]["row"].is_object() &&
        entry.effects[0]["row"].contains("pupil_ref"))
        pupil_ref = entry.effects[0]["row"]["pupil_ref"].get<std::string>();
    SQLite::Statement insert(
        store.database(),
        "INSERT OR IGNORE INTO hub_conflict(op_id, detected_at, edited_at, who, what, pupil_ref, "
        "mine, theirs, reason, effects) "
        "VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, entry.op_id);
    insert.bind(2, entry.at);
    insert.bind(3, entry.who);
    insert.bind(4, entry.what);
    insert.bind(5, pupil_ref);
    std::string their_text =
        theirs.is_null() ? std::string("not on the hub") : describe_row(theirs);
    if (names_differ(mine, theirs))
        their_text += (their_text.empty() ? "" : ", ") + std::string("another name");
    insert.bind(6, describe_row(mine));
    insert.bind(7, their_text);
    insert.bind(8, first_line(reason));
    insert.bind(9, entry.effects.dump());
    insert.exec();
}

std::string describe_row(const json& row) {
    if (!row.is_object()) return "";
    std::string out;
    for (const auto& [key, value] : row.items()) {
        if (key == "pupil_ref") continue;  // the conflict names the pupil already
        if (names_a_person(key)) continue;
        if (!out.empty()) out += ", ";
        out += key + " " +
               (value.is_null()     ? std::string("(none)")
                : value.is_string() ? value.get<std::string>()
                                    : value.dump());
    }
    return out;
}

}  // namespace db::hub

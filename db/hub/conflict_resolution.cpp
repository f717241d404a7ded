// Resolving hub sync conflicts locally (see conflict_resolution.hpp).
#include "db/hub/conflict_resolution.hpp"

#include <SQLiteCpp/Statement.h>

#include <optional>

#include "db/hub/hub_tables.hpp"
#include "db/hub/local_rows.hpp"
#include "db/store.hpp"

namespace db::hub {
namespace {

using nlohmann::json;

struct StoredConflict {
    std::string what;
    json effects;
    bool resolved = false;
};

std::optional<StoredConflict> find_conflict(Store& store, int64_t id) {
    SQLite::Statement query(store.database(),
                            "SELECT what, effects, resolved_at IS NOT NULL FROM hub_conflict "
                            "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return StoredConflict{query.getColumn(0).getString(),
                          json::parse(query.getColumn(1).getString(), nullptr, false),
                          query.getColumn(2).getInt() != 0};
}

// Every value `mine` names is the one `current` holds.
bool holds(const json& current, const json& mine) {
    if (!current.is_object()) return false;
    for (const auto& [key, value] : mine.items())
        if (key != "version" && current.value(key, json()) != value) return false;
    return true;
}

json key_of(const HubTable& table, const json& row) {
    json key = json::object();
    for (const HubColumn& c : table.keys)
        key[std::string(c.name)] = row.value(std::string(c.name), json());
    return key;
}

// A row for the audit trail, which holds no names (as a referral's audit row has none).
json for_audit(json row) {
    if (row.is_object()) {
        row.erase("first_name");
        row.erase("last_name");
    }
    return row;
}

// One of the edit's rows written here again, and the effect that re-applies it on the hub.
json keep_mine(Store& store, const HubTable& table, const json& effect, json mine,
               json& before_rows, json& after_rows) {
    const json current = local_row(store, table, mine);
    const bool pulled_theirs = current.is_object() && !holds(current, mine);
    // An edit queued before a column existed does not name it: the row keeps its value.
    if (current.is_object())
        for (const HubColumn& c : table.others)
            if (!mine.contains(std::string(c.name)) && c.name != "version")
                mine[std::string(c.name)] = current[std::string(c.name)];
    before_rows.push_back(for_audit(current));
    json change;
    if (effect.value("mode", "") == "versioned") {
        int base = effect.value("base_version", 0);
        if (pulled_theirs && current["version"].is_string())
            base = std::stoi(current["version"].get<std::string>());
        mine.erase("version");
        change = {
            {"table", table.name}, {"mode", "versioned"}, {"row", mine}, {"base_version", base}};
        mine["version"] = std::to_string(base + 1);  // as the hub will number it
    } else if (pulled_theirs) {
        json expect = json::object();
        for (const HubColumn& c : table.others)
            expect[std::string(c.name)] = current[std::string(c.name)];
        change = {{"table", table.name}, {"mode", "compare"}, {"expect", expect}, {"row", mine}};
    } else {
        change = {{"table", table.name}, {"mode", "insert"}, {"row", mine}};
    }
    write_local_row(store, table, mine);
    after_rows.push_back(for_audit(mine));
    return change;
}

}  // namespace

Resolution resolve_conflict(Store& store, const core::ResolveConflict& command) {
    Resolution resolution;
    const std::string name = "sync conflict " + std::to_string(command.conflict_id);
    const auto conflict = find_conflict(store, command.conflict_id);
    if (!conflict) {
        resolution.refused = "no " + name;
        return resolution;
    }
    if (conflict->resolved) {
        resolution.refused = name + " is resolved already";
        return resolution;
    }
    if (!conflict->effects.is_array()) {
        resolution.refused = name + ": its stored edit is not readable";
        return resolution;
    }
    resolution.what = core::describe(core::Command{command}) + " (" + conflict->what + ")";
    json before_rows = json::array(), after_rows = json::array();
    try {
        for (const json& effect : conflict->effects) {
            const HubTable& table = hub_table(effect.at("table").get<std::string>());
            const json& mine = effect.at("row");
            if (!mine.is_object()) continue;  // the row had gone before the edit was pushed
            if (command.keep_mine) {
                resolution.effects.push_back(
                    keep_mine(store, table, effect, mine, before_rows, after_rows));
            } else {
                before_rows.push_back(for_audit(mine));
                resolution.effects.push_back(
                    {{"table", table.name}, {"mode", "refresh"}, {"row", key_of(table, mine)}});
            }
        }
    } catch (const json::exception&) {
        resolution = {name + ": its stored edit is not readable", "", nullptr, nullptr,
                      json::array()};
        return resolution;
    } catch (const std::out_of_range&) {
        resolution = {name + ": its stored edit names no shared table", "", nullptr, nullptr,
                      json::array()};
        return resolution;
    }
    SQLite::Statement mark(store.database(),
                           "UPDATE hub_conflict SET resolved_at = "
                           "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?");
    mark.bind(1, command.conflict_id);
    mark.exec();
    resolution.before = {{"conflict", command.conflict_id}, {"rows", before_rows}};
    resolution.after = {{"kept", command.keep_mine ? "mine" : "theirs"}, {"rows", after_rows}};
    return resolution;
}

std::vector<core::SyncConflict> open_conflicts(Store& store) {
    SQLite::Statement query(
        store.database(),
        "SELECT id, pupil_ref, what, who, edited_at, detected_at, mine, "
        "theirs, reason FROM hub_conflict WHERE resolved_at IS NULL ORDER BY id");
    std::vector<core::SyncConflict> conflicts;
    while (query.executeStep())
        conflicts.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                             query.getColumn(2).getString(), query.getColumn(3).getString(),
                             query.getColumn(4).getString(), query.getColumn(5).getString(),
                             query.getColumn(6).getString(), query.getColumn(7).getString(),
                             query.getColumn(8).getString()});
    return conflicts;
}

}  // namespace db::hub

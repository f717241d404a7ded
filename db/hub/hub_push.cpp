#include "db/hub/hub_push.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <spdlog/spdlog.h>

#include <functional>
#include <optional>
#include <pqxx/pqxx>

#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_tables.hpp"
#include "db/hub/local_rows.hpp"
#include "db/hub/outbox.hpp"
#include "db/store.hpp"

namespace db::hub {
namespace {

using nlohmann::json;

struct Conflict {
    std::string reason;
    json theirs;  // the hub's row, null when it has none
};

// Parameters of `row` in column order: nullptr is SQL NULL.
struct Params {
    std::vector<std::string> storage;
    std::vector<const char*> pointers;
    std::string placeholder(const json& value, std::string_view type) {
        storage.push_back(value.is_null()     ? ""
                          : value.is_string() ? value.get<std::string>()
                                              : value.dump());
        nulls.push_back(value.is_null());
        return "$" + std::to_string(storage.size()) + "::" + std::string(type);
    }
    auto finish() {
        pointers.clear();
        for (size_t i = 0; i < storage.size(); ++i)
            pointers.push_back(nulls[i] ? nullptr : storage[i].c_str());
        return pqxx::prepare::make_dynamic_params(pointers);
    }
    std::vector<bool> nulls;
};

std::vector<HubColumn> without_version(const std::vector<HubColumn>& columns) {
    std::vector<HubColumn> out;
    for (const HubColumn& c : columns)
        if (c.name != "version") out.push_back(c);
    return out;
}

std::string key_condition(const HubTable& table, const json& row, Params& params) {
    std::string where;
    for (const HubColumn& c : table.keys)
        where += (where.empty() ? "" : " AND ") + std::string(c.name) + " = " +
                 params.placeholder(row[std::string(c.name)], c.pg_type);
    return where;
}

// The hub's row with the key of `row`, every value as text, or null.
json hub_row(pqxx::transaction_base& tx, const HubTable& table, const json& row) {
    Params params;
    std::string select;
    for (const HubColumn& c : table.columns())
        select += (select.empty() ? "" : ", ") + std::string(c.name) + "::text";
    std::string sql = "SELECT " + select + " FROM " + std::string(table.name) + " WHERE " +
                      key_condition(table, row, params);
    pqxx::result found = tx.exec_params(sql, params.finish());
    if (found.empty()) return nullptr;
    json out = json::object();
    auto columns = table.columns();
    for (size_t i = 0; i < columns.size(); ++i)
        out[std::string(columns[i].name)] = found[0][static_cast<int>(i)].is_null()
                                                ? json()
                                                : json(found[0][static_cast<int>(i)].c_str());
    return out;
}

// The hub already holds what the edit wanted (another client made the same edit).
bool same_values(const json& theirs, const json& mine) {
    if (!theirs.is_object()) return false;
    for (const auto& [key, value] : mine.items())
        if (theirs.value(key, json()) != value) return false;
    return true;
}

std::optional<Conflict> insert(pqxx::transaction_base& tx, const HubTable& table, const json& row,
                               const std::vector<HubColumn>& all_columns) {
    // An edit queued before a column existed (an event's note, before issue 11) does
    // not name it: the hub's default fills it, as the local migration did.
    std::vector<HubColumn> columns;
    for (const HubColumn& c : all_columns)
        if (row.contains(std::string(c.name))) columns.push_back(c);
    Params params;
    std::string values;
    for (const HubColumn& c : columns)
        values +=
            (values.empty() ? "" : ", ") + params.placeholder(row[std::string(c.name)], c.pg_type);
    std::string sql = "INSERT INTO " + std::string(table.name) + " (" + column_list(columns) +
                      ") VALUES (" + values + ") ON CONFLICT (" + column_list(table.keys) +
                      ") DO NOTHING";
    if (tx.exec_params(sql, params.finish()).affected_rows() == 1) return std::nullopt;
    json theirs = hub_row(tx, table, row);
    if (same_values(theirs, row)) return std::nullopt;
    return Conflict{"the hub holds a different " + std::string(table.name) + " row with this key",
                    theirs};
}

// An update that applies only where `condition` (over the hub's current row) holds.
bool update_where(pqxx::transaction_base& tx, const HubTable& table, const json& row,
                  const std::string& extra_set,
                  const std::function<std::string(Params&)>& condition) {
    Params params;
    std::string sets;
    for (const HubColumn& c : without_version(table.others))
        sets += (sets.empty() ? "" : ", ") + std::string(c.name) + " = " +
                params.placeholder(row[std::string(c.name)], c.pg_type);
    std::string sql = "UPDATE " + std::string(table.name) + " SET " + sets + extra_set + " WHERE " +
                      key_condition(table, row, params) + " AND " + condition(params);
    return tx.exec_params(sql, params.finish()).affected_rows() == 1;
}

std::optional<Conflict> versioned(pqxx::transaction_base& tx, const HubTable& table,
                                  const json& row, int base) {
    if (update_where(tx, table, row, ", version = version + 1",
                     [&](Params& p) { return "version = " + p.placeholder(base, "integer"); }))
        return std::nullopt;
    if (base == 0 && !insert(tx, table, row, without_version(table.columns()))) return std::nullopt;
    json theirs = hub_row(tx, table, row);
    if (same_values(theirs, row)) return std::nullopt;
    return Conflict{theirs.is_null() ? "the hub has no triage row for this case"
                                     : "changed on the hub since (hub version " +
                                           theirs["version"].get<std::string>() +
                                           ", edit made on version " + std::to_string(base) + ")",
                    theirs};
}

std::optional<Conflict> compare(pqxx::transaction_base& tx, const HubTable& table, const json& row,
                                const json& expect) {
    // The expected values' keys become column names in the SQL: they come back from
    // the local store's outbox, so only the table's own columns are taken.
    if (!expect.is_object()) return Conflict{"the edit's check is not readable", nullptr};
    for (const auto& item : expect.items())
        if (!table.column(item.key()))
            return Conflict{
                "the edit checks a column the " + std::string(table.name) + " table does not have",
                nullptr};
    bool applied = update_where(tx, table, row, "", [&](Params& p) {
        std::string condition;
        for (const auto& [key, value] : expect.items()) {
            const HubColumn& c = *table.column(key);
            condition += (condition.empty() ? "" : " AND ") + std::string(c.name) +
                         " IS NOT DISTINCT FROM " + p.placeholder(value, c.pg_type);
        }
        return condition.empty() ? std::string("true") : condition;
    });
    if (applied) return std::nullopt;
    json theirs = hub_row(tx, table, row);
    if (same_values(theirs, row)) return std::nullopt;
    return Conflict{theirs.is_null() ? "the hub has no such " + std::string(table.name)
                                     : "changed on the hub since the edit was made",
                    theirs};
}

std::optional<Conflict> apply_effect(pqxx::transaction_base& tx, const json& effect) {
    const HubTable& table = hub_table(effect.at("table").get<std::string>());
    const std::string mode = effect.at("mode").get<std::string>();
    const json& row = effect.at("row");
    if (!row.is_object())
        return Conflict{"the edited row is no longer in the local store", nullptr};
    if (mode == "versioned") return versioned(tx, table, row, effect.at("base_version").get<int>());
    if (mode == "compare") return compare(tx, table, row, effect.at("expect"));
    return insert(tx, table, row, table.columns());
}

// A row the local store is to take from the hub (a conflict resolved by taking
// theirs): the hub's row, or null when the hub has none.
struct Refresh {
    const HubTable* table;
    json key, theirs;
};

// Applies one edit on the hub; nullopt when it is there now. Rows to refresh locally
// are read in the same hub transaction and appended to `refresh`.
std::optional<std::pair<Conflict, json>> push_one(pqxx::connection& connection,
                                                  const OutboxEntry& entry,
                                                  std::vector<Refresh>& refresh) {
    try {
        pqxx::work tx(connection);
        // Pushed before, but the acknowledgement was lost: applied once only.
        const bool applied =
            !tx.exec_params("SELECT 1 FROM audit WHERE op_id = $1", entry.op_id).empty();
        for (const json& effect : entry.effects) {
            if (effect.value("mode", "") == "refresh") {
                const HubTable& table = hub_table(effect.at("table").get<std::string>());
                refresh.push_back({&table, effect.at("row"), hub_row(tx, table, effect.at("row"))});
            } else if (!applied) {
                if (auto conflict = apply_effect(tx, effect))
                    return std::make_pair(*conflict, effect["row"]);
            }
        }
        if (applied) return std::nullopt;
        tx.exec_params0(
            "INSERT INTO audit(op_id, at, who, what, before, after) VALUES ($1, $2::timestamptz, "
            "$3, $4, $5, $6)",
            entry.op_id, entry.at, entry.who, entry.what, entry.before, entry.after);
        tx.commit();
        return std::nullopt;
    } catch (...) {
        refresh.clear();
        HubError error = current_hub_error();
        if (error.transient()) throw error;
        // The hub refuses the data itself (a key it does not know, a check): retrying
        // would fail forever, so it is kept as a conflict with the hub's reason (its
        // first line only, record_conflict: the DETAIL line quotes the row).
        json mine = entry.effects.empty() ? json() : entry.effects[0]["row"];
        return std::make_pair(Conflict{error.what(), nullptr}, mine);
    }
}

// The local rows become the hub's: written in order, and a row the hub lacks removed
// in reverse order (an event before the pupil it belongs to). A row other local rows
// still refer to stays, with a warning: the next pull does not bring it back, and
// nothing here is lost that the hub still has.
size_t apply_refresh(Store& store, const std::vector<Refresh>& refresh) {
    size_t changed = 0;
    for (const Refresh& r : refresh) {
        if (r.theirs.is_null()) continue;
        json row = r.theirs;
        write_local_row(store, *r.table, row);
        ++changed;
    }
    for (auto it = refresh.rbegin(); it != refresh.rend(); ++it) {
        if (!it->theirs.is_null()) continue;
        try {
            if (delete_local_row(store, *it->table, it->key)) ++changed;
        } catch (const SQLite::Exception& e) {
            spdlog::warn("hub: a {} row the hub does not have stays here: {}", it->table->name,
                         e.what());
        }
    }
    return changed;
}

}  // namespace

PushResult push_outbox(pqxx::connection& connection, Store& store) {
    PushResult result;
    for (;;) {
        auto entries = pending_outbox(store, 100);
        if (entries.empty()) return result;
        for (const OutboxEntry& entry : entries) {
            std::vector<Refresh> refresh;
            auto conflict = push_one(connection, entry, refresh);
            SQLite::Transaction tx(store.database());
            result.refreshed += apply_refresh(store, refresh);
            if (conflict) {
                record_conflict(store, entry, conflict->first.reason, conflict->second,
                                conflict->first.theirs);
                ++result.conflicts;
            } else {
                ++result.pushed;
            }
            remove_from_outbox(store, entry.id);
            tx.commit();
        }
    }
}

}  // namespace db::hub

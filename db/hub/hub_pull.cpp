#include "db/hub/hub_pull.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <map>
#include <pqxx/pqxx>

#include "db/hub/hub_tables.hpp"
#include "db/store.hpp"

namespace db::hub {
namespace {

using Cursors = std::map<std::string, int64_t, std::less<>>;

Cursors load_cursors(Store& store, const std::string& hub_id) {
    SQLite::Statement query(store.database(),
                            "SELECT tbl, change_no FROM hub_cursor WHERE hub_id = ?");
    query.bind(1, hub_id);
    Cursors cursors;
    while (query.executeStep())
        cursors[query.getColumn(0).getString()] = query.getColumn(1).getInt64();
    return cursors;
}

void save_cursor(Store& store, const std::string& hub_id, std::string_view table,
                 int64_t change_no) {
    SQLite::Statement upsert(
        store.database(),
        "INSERT INTO hub_cursor(hub_id, tbl, change_no) VALUES (?, ?, ?) "
        "ON CONFLICT(hub_id, tbl) DO UPDATE SET change_no = excluded.change_no");
    upsert.bind(1, hub_id);
    upsert.bind(2, std::string(table));
    upsert.bind(3, change_no);
    upsert.exec();
}

// "Data as of" (db/sync/sync_state) reads this: a pull that changed rows changed
// the data as much as an import does.
void note_data_changed(Store& store) {
    store.database().exec(
        "INSERT INTO meta(key, value) VALUES ('data_changed_at', "
        "strftime('%Y-%m-%dT%H:%M:%SZ','now')) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
}

std::string select_sql(const HubTable& table) {
    std::string columns;
    for (const HubColumn& c : table.columns()) columns += std::string(c.name) + "::text, ";
    return "SELECT " + columns + "change_no FROM " + std::string(table.name) +
           " WHERE change_no > $1 AND change_no <= $2 ORDER BY change_no LIMIT $3";
}

// The local upsert: changes a row only where a value differs, so a row pulled twice
// (or the echo of a local edit) changes nothing.
std::string upsert_sql(const HubTable& table) {
    auto columns = table.columns();
    std::string params, sets, differs;
    for (size_t i = 0; i < columns.size(); ++i) params += (i ? ", ?" : "?");
    for (const HubColumn& c : table.others) {
        std::string name(c.name);
        sets += (sets.empty() ? "" : ", ") + name + " = excluded." + name;
        differs += (differs.empty() ? "" : " OR ") + name + " IS NOT excluded." + name;
    }
    return "INSERT INTO " + std::string(table.name) + "(" + column_list(columns) + ") VALUES (" +
           params + ") ON CONFLICT(" + column_list(table.keys) + ") DO UPDATE SET " + sets +
           " WHERE " + differs;
}

size_t apply_batch(Store& store, const HubTable& table, const pqxx::result& rows) {
    SQLite::Statement upsert(store.database(), upsert_sql(table));
    auto columns = table.columns();
    size_t changed = 0;
    for (const auto& row : rows) {
        for (size_t i = 0; i < columns.size(); ++i) {
            const pqxx::field field = row[static_cast<int>(i)];
            int index = static_cast<int>(i + 1);
            if (field.is_null())
                upsert.bind(index);
            else if (columns[i].pg_type == "integer")
                upsert.bind(index, field.as<int64_t>());
            else
                upsert.bindNoCopy(index, field.c_str());
        }
        changed += static_cast<size_t>(upsert.exec());
        upsert.reset();
    }
    return changed;
}

int64_t highest_change(pqxx::transaction_base& tx) {
    std::string sql = "SELECT greatest(0";
    for (const HubTable& table : hub_tables())
        sql += ", (SELECT max(change_no) FROM " + std::string(table.name) + ")";
    return tx.exec1(sql + ")")[0].as<int64_t>();
}

}  // namespace

PullResult pull_changes(pqxx::connection& connection, Store& store, const std::string& hub_id,
                        const PullOptions& options) {
    PullResult result;
    Cursors cursors = load_cursors(store, hub_id);
    // One snapshot for the whole pull; writers on the hub number rows in commit order
    // (hub_schema.cpp), so nothing numbered up to `high` can still appear later.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(connection);
    const int64_t high = highest_change(tx);
    for (const HubTable& table : hub_tables()) {
        int64_t cursor = cursors[std::string(table.name)];
        const std::string select = select_sql(table);
        while (cursor < high) {
            if (options.should_stop && options.should_stop()) return result;
            pqxx::result rows =
                tx.exec_params(select, cursor, high, static_cast<long>(options.batch_rows));
            if (rows.empty()) break;
            const int change_column = static_cast<int>(table.columns().size());
            int64_t last = rows[rows.size() - 1][change_column].as<int64_t>();
            SQLite::Transaction local(store.database());
            size_t changed = apply_batch(store, table, rows);
            if (rows.size() < options.batch_rows) last = high;  // nothing more up to `high`
            save_cursor(store, hub_id, table.name, last);
            if (changed) note_data_changed(store);
            local.commit();
            cursor = last;
            result.rows += rows.size();
            result.changed += changed;
            if (options.after_batch) options.after_batch(result.rows);
        }
    }
    tx.commit();
    return result;
}

}  // namespace db::hub

// Local rows of the hub's tables as JSON (see local_rows.hpp).
#include "db/hub/local_rows.hpp"

#include <SQLiteCpp/Statement.h>

#include "db/store.hpp"

namespace db::hub {
namespace {

using nlohmann::json;

void bind_value(SQLite::Statement& statement, int index, const HubColumn& column,
                const json& value) {
    if (value.is_null())
        statement.bind(index);
    else if (column.pg_type == "integer")
        statement.bind(index, static_cast<int64_t>(std::stoll(
                                  value.is_string() ? value.get<std::string>() : value.dump())));
    else
        statement.bind(index, value.is_string() ? value.get<std::string>() : value.dump());
}

std::string key_condition(const HubTable& table) {
    std::string where;
    for (const HubColumn& c : table.keys)
        where += (where.empty() ? "" : " AND ") + std::string(c.name) + " = ?";
    return where;
}

void bind_key(SQLite::Statement& statement, const HubTable& table, const json& row) {
    for (size_t i = 0; i < table.keys.size(); ++i) {
        const HubColumn& c = table.keys[i];
        bind_value(statement, static_cast<int>(i + 1), c, row.value(std::string(c.name), json()));
    }
}

}  // namespace

json local_row(Store& store, const HubTable& table, const json& row) {
    SQLite::Statement query(store.database(), "SELECT " + column_list(table.columns()) + " FROM " +
                                                  std::string(table.name) + " WHERE " +
                                                  key_condition(table));
    bind_key(query, table, row);
    if (!query.executeStep()) return nullptr;
    json out = json::object();
    const auto columns = table.columns();
    for (size_t i = 0; i < columns.size(); ++i) {
        const SQLite::Column value = query.getColumn(static_cast<int>(i));
        out[std::string(columns[i].name)] = value.isNull() ? json() : json(value.getString());
    }
    return out;
}

void write_local_row(Store& store, const HubTable& table, const json& row) {
    std::vector<HubColumn> named, others;
    for (const HubColumn& c : table.columns())
        if (row.contains(std::string(c.name))) named.push_back(c);
    for (const HubColumn& c : table.others)
        if (row.contains(std::string(c.name))) others.push_back(c);
    std::string params;
    for (size_t i = 0; i < named.size(); ++i) params += i ? ", ?" : "?";
    std::string sql = "INSERT INTO " + std::string(table.name) + "(" + column_list(named) +
                      ") VALUES (" + params + ") ON CONFLICT(" + column_list(table.keys) + ") DO ";
    if (others.empty()) {
        sql += "NOTHING";
    } else {
        std::string sets;
        for (const HubColumn& c : others)
            sets += (sets.empty() ? "" : ", ") + std::string(c.name) + " = excluded." +
                    std::string(c.name);
        sql += "UPDATE SET " + sets;
    }
    SQLite::Statement upsert(store.database(), sql);
    for (size_t i = 0; i < named.size(); ++i)
        bind_value(upsert, static_cast<int>(i + 1), named[i], row[std::string(named[i].name)]);
    upsert.exec();
}

bool delete_local_row(Store& store, const HubTable& table, const json& row) {
    SQLite::Statement remove(store.database(), "DELETE FROM " + std::string(table.name) +
                                                   " WHERE " + key_condition(table));
    bind_key(remove, table, row);
    return remove.exec() > 0;
}

}  // namespace db::hub

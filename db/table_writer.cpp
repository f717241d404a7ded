#include "db/table_writer.hpp"

#include "db/store.hpp"

namespace db {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
    return out;
}

std::string insert_sql(const std::string& table, const std::vector<std::string>& keys,
                       const std::vector<std::string>& others) {
    std::vector<std::string> all = keys;
    all.insert(all.end(), others.begin(), others.end());
    std::vector<std::string> params;
    for (size_t i = 1; i <= all.size(); ++i) params.push_back("?" + std::to_string(i));
    return "INSERT INTO " + table + "(" + join(all, ", ") + ") VALUES (" + join(params, ", ") +
           ") ON CONFLICT(" + join(keys, ", ") + ") DO NOTHING";
}

std::string update_sql(const std::string& table, const std::vector<std::string>& keys,
                       const std::vector<std::string>& others) {
    std::vector<std::string> sets, where, differs;
    for (size_t i = 0; i < keys.size(); ++i)
        where.push_back(keys[i] + " = ?" + std::to_string(i + 1));
    for (size_t i = 0; i < others.size(); ++i) {
        std::string param = "?" + std::to_string(keys.size() + i + 1);
        sets.push_back(others[i] + " = " + param);
        differs.push_back(others[i] + " IS NOT " + param);
    }
    return "UPDATE " + table + " SET " + join(sets, ", ") + " WHERE " + join(where, " AND ") +
           " AND (" + join(differs, " OR ") + ")";
}

}  // namespace

TableWriter::TableWriter(SQLite::Database& database, const std::string& table,
                         const std::vector<std::string>& key_columns,
                         const std::vector<std::string>& other_columns)
    : database_(database),
      insert_(database, insert_sql(table, key_columns, other_columns)),
      update_(database, update_sql(table, key_columns, other_columns)) {}

void TableWriter::bind(SQLite::Statement& s, int index, const std::string& v) {
    s.bindNoCopy(index, v);
}
void TableWriter::bind(SQLite::Statement& s, int index, std::string_view v) {
    s.bind(index, std::string(v));
}
void TableWriter::bind(SQLite::Statement& s, int index, core::Date v) {
    s.bind(index, core::to_iso(v));
}
void TableWriter::bind(SQLite::Statement& s, int index, const std::optional<core::Date>& v) {
    if (v)
        bind(s, index, *v);
    else
        s.bind(index);
}
void TableWriter::bind(SQLite::Statement& s, int index, int v) { s.bind(index, v); }
void TableWriter::bind(SQLite::Statement& s, int index, const std::optional<int>& v) {
    if (v)
        s.bind(index, *v);
    else
        s.bind(index);
}

Upsert TableWriter::run() {
    struct Reset {
        SQLite::Statement& a;
        SQLite::Statement& b;
        ~Reset() {
            a.tryReset();
            b.tryReset();
            a.clearBindings();
            b.clearBindings();
        }
    } reset{insert_, update_};
    if (insert_.exec() == 1) return Upsert::inserted;
    return update_.exec() == 1 ? Upsert::updated : Upsert::unchanged;
}

}  // namespace db

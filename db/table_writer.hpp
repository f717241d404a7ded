// Upsert of one table's rows with two prepared statements: an insert that does nothing
// on a key conflict, then (only when the key existed) an update that changes the row
// only where a non-key column differs. Callers learn which of the three happened, which
// is what import summaries report.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace db {

enum class Upsert;

class TableWriter {
public:
    TableWriter(SQLite::Database& database, const std::string& table,
                const std::vector<std::string>& key_columns,
                const std::vector<std::string>& other_columns);

    // Values in the order key columns, then other columns.
    template <typename... Values>
    Upsert write(const Values&... values) {
        int index = 1;
        (bind_both(index++, values), ...);
        return run();
    }

private:
    template <typename V>
    void bind_both(int index, const V& value) {
        bind(insert_, index, value);
        bind(update_, index, value);
    }
    static void bind(SQLite::Statement& s, int index, const std::string& v);
    static void bind(SQLite::Statement& s, int index, std::string_view v);
    static void bind(SQLite::Statement& s, int index, core::Date v);
    static void bind(SQLite::Statement& s, int index, const std::optional<core::Date>& v);
    static void bind(SQLite::Statement& s, int index, int v);
    static void bind(SQLite::Statement& s, int index, const std::optional<int>& v);
    Upsert run();

    SQLite::Database& database_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
};

}  // namespace db

// The tables a hub shares with every local store, described once: their names (the
// same in PostgreSQL and SQLite), key and other columns, and PostgreSQL types. The
// pull, the hub importer's bulk upserts and the push all generate their SQL from this,
// so a column added here travels everywhere at once.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace db::hub {

struct HubColumn {
    std::string_view name;
    std::string_view pg_type;  // "text", "date" or "integer"
};

struct HubTable {
    std::string_view name;
    std::vector<HubColumn> keys;
    std::vector<HubColumn> others;

    // Keys, then others: the order rows are passed around in.
    std::vector<HubColumn> columns() const;
    // The column of that name, or null: names read back from anywhere but this table
    // description pass here before they go into SQL.
    const HubColumn* column(std::string_view column_name) const;
};

// In dependency order (a table refers only to tables before it): the order rows are
// pulled in, so a pulled pupil always finds its school already in the local store.
std::span<const HubTable> hub_tables();
// The table of that name; throws std::out_of_range for another name.
const HubTable& hub_table(std::string_view name);

// "a, b, c" of the given columns, with an optional prefix per name ("excluded.").
std::string column_list(const std::vector<HubColumn>& columns, std::string_view prefix = {});

}  // namespace db::hub

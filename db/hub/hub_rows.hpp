// Typed records as rows of text cells in a hub table's column order, and the bulk
// upsert that writes many of them in one statement (arrays unnested server-side): a
// 100k-row events file is a few statements, not 100k round trips.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain.hpp"
#include "db/hub/hub_tables.hpp"
#include "db/import/kinds.hpp"

namespace pqxx {
class transaction_base;
}

namespace db::hub {

using Cell = std::optional<std::string>;  // nullopt is SQL NULL
using Row = std::vector<Cell>;            // HubTable::columns() order

// The hub table an inbox kind is written to ("lift_schedule" -> "lift_meeting").
const HubTable& hub_table_for(InboxKind kind);

Row to_row(const core::School& r);
Row to_row(const core::Term& r);
Row to_row(const core::LiftGroupAssignment& r);
Row to_row(const core::Staff& r);
Row to_row(const core::LiftMeeting& r);
Row to_row(const core::Surgery& r);
Row to_row(const core::Pupil& r);
Row to_row(const core::Event& r);
Row to_row(const core::Booking& r);

template <typename Record>
std::vector<Row> to_rows(const std::vector<Record>& records) {
    std::vector<Row> rows;
    rows.reserve(records.size());
    for (const Record& record : records) rows.push_back(to_row(record));
    return rows;
}

struct UpsertCounts {
    size_t inserted = 0, updated = 0, unchanged = 0;
};

// Inserts each row, or updates the row with its key where another column differs,
// with the same outcome as the local Store::upsert. Rows must have distinct keys.
UpsertCounts upsert_rows(pqxx::transaction_base& tx, const HubTable& table,
                         const std::vector<Row>& rows);

// A PostgreSQL array literal ({"a",NULL,"b"}) of one column of `rows`.
std::string array_literal(const std::vector<Row>& rows, size_t column, size_t begin, size_t end);

}  // namespace db::hub

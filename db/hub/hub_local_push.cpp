// Sending a local store's rows to the hub (see hub_local_push.hpp).
#include "db/hub/hub_local_push.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <pqxx/pqxx>

#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_references.hpp"
#include "db/hub/hub_rows.hpp"
#include "db/import/file_bytes.hpp"
#include "db/import/text_table.hpp"
#include "db/import/validate.hpp"
#include "db/store.hpp"

namespace db::hub {
namespace {

// The local column an inbox column is stored in ("group" is a reserved word in SQL).
std::string stored_column(std::string_view inbox_column) {
    return inbox_column == "group" ? "grp" : std::string(inbox_column);
}

// A table's rows as the inbox file of its kind would hold them, and each row's key.
struct LocalTable {
    inbox::TextTable text;
    std::vector<std::string> keys;  // by row
    std::string bytes;              // the cells, for the import log's hash
};

LocalTable read_local(Store& store, InboxKind kind) {
    const HubTable& table = hub_table_for(kind);
    const auto columns = columns_of(kind);
    std::string select, order;
    for (const ColumnSpec& c : columns)
        select += (select.empty() ? "" : ", ") + stored_column(c.name);
    for (const HubColumn& c : table.keys)
        order += (order.empty() ? "" : ", ") + std::string(c.name);
    SQLite::Statement query(store.database(), "SELECT " + select + " FROM " +
                                                  std::string(table.name) + " ORDER BY " + order);
    LocalTable local;
    for (const ColumnSpec& c : columns) local.text.header.emplace_back(c.name);
    int line = 2;  // as in a file: the header is line 1
    while (query.executeStep()) {
        local.text.start_row(line++);
        std::string key;
        for (size_t i = 0; i < columns.size(); ++i) {
            const SQLite::Column value = query.getColumn(static_cast<int>(i));
            const std::string cell = value.isNull() ? std::string() : value.getString();
            local.text.set_cell(i, cell);
            local.bytes += cell;
            local.bytes += i + 1 < columns.size() ? '\x1f' : '\n';
            for (const HubColumn& k : table.keys)
                if (k.name == stored_column(columns[i].name))
                    key += (key.empty() ? "" : " ") + cell;
        }
        local.keys.push_back(std::move(key));
    }
    return local;
}

// Problems name the local row by its table and key, not a line of a file nobody has.
void name_rows(const LocalTable& local, const HubTable& table, ProblemList& problems) {
    for (Problem& p : problems) {
        const size_t row = p.line >= 2 ? static_cast<size_t>(p.line - 2) : local.keys.size();
        p.file = "local " + std::string(table.name) +
                 (row < local.keys.size() ? " " + local.keys[row] : std::string());
        p.line = 0;
    }
}

}  // namespace

LocalPushReport push_local_rows(pqxx::connection& connection, Store& store) {
    LocalPushReport report;
    std::array<InboxKind, 9> kinds = {
        InboxKind::schools, InboxKind::terms,         InboxKind::lift_groups,
        InboxKind::staff,   InboxKind::lift_schedule, InboxKind::surgeries,
        InboxKind::pupils,  InboxKind::events,        InboxKind::bookings};
    std::stable_sort(kinds.begin(), kinds.end(), [](InboxKind a, InboxKind b) {
        return dependency_rank(a) < dependency_rank(b);
    });
    try {
        // One transaction: each kind is checked against the hub's keys as the kinds
        // before it left them, and a refusal anywhere leaves the hub as it was.
        pqxx::work tx(connection);
        for (InboxKind kind : kinds) {
            const HubTable& table = hub_table_for(kind);
            LocalTable local = read_local(store, kind);
            const std::string name(to_string(kind));
            if (local.keys.empty()) {
                report.lines.push_back(name + ": none here");
                continue;
            }
            inbox::References refs = load_hub_references(tx, kind);
            ProblemList problems;
            inbox::Records records = inbox::validate(kind, local.text, refs,
                                                     "local " + std::string(table.name), problems);
            if (!problems.empty()) {
                name_rows(local, table, problems);
                report.problems = std::move(problems);
                report.lines.clear();
                return report;
            }
            UpsertCounts counts = std::visit(
                [&](const auto& rows) { return upsert_rows(tx, table, to_rows(rows)); }, records);
            const std::string detail = std::to_string(counts.inserted) + " inserted, " +
                                       std::to_string(counts.updated) + " updated, " +
                                       std::to_string(counts.unchanged) + " unchanged";
            tx.exec_params0(
                "INSERT INTO import_log(file, sha256, kind, rows, detail) VALUES ($1, $2, $3, $4, "
                "$5)",
                "local store: " + std::string(table.name), inbox::sha256_hex(local.bytes), name,
                static_cast<long>(local.keys.size()), detail);
            report.lines.push_back(name + ": " + detail);
        }
        tx.commit();
        report.sent = true;
    } catch (...) {
        report.lines.clear();
        report.problems = {
            {"hub", 0, "",
             std::string("the hub could not be written: ") + current_hub_error().what()}};
    }
    return report;
}

}  // namespace db::hub

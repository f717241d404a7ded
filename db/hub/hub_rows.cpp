#include "db/hub/hub_rows.hpp"

#include <algorithm>
#include <pqxx/pqxx>

namespace db::hub {
namespace {

constexpr size_t kRowsPerStatement = 10000;

Cell text(std::string_view s) {
    return std::string(s);
}
Cell date(core::Date d) {
    return core::to_iso(d);
}
Cell date(const std::optional<core::Date>& d) {
    return d ? date(*d) : std::nullopt;
}

std::string upsert_sql(const HubTable& table) {
    std::string arrays;
    auto columns = table.columns();
    for (size_t i = 0; i < columns.size(); ++i)
        arrays += (i ? ", $" : "$") + std::to_string(i + 1) +
                  "::" + std::string(columns[i].pg_type) + "[]";
    std::string sets;
    for (const HubColumn& c : table.others)
        sets +=
            (sets.empty() ? "" : ", ") + std::string(c.name) + " = excluded." + std::string(c.name);
    // Unchanged rows are not updated: no new change number, nothing for clients to pull.
    return "INSERT INTO " + std::string(table.name) + " AS cur (" + column_list(columns) +
           ") SELECT * FROM unnest(" + arrays + ") ON CONFLICT (" + column_list(table.keys) +
           ") DO UPDATE SET " + sets + " WHERE (" + column_list(table.others, "cur.") +
           ") IS DISTINCT FROM (" + column_list(table.others, "excluded.") +
           ") RETURNING (xmax = 0) AS inserted";
}

}  // namespace

const HubTable& hub_table_for(InboxKind kind) {
    switch (kind) {
        case InboxKind::schools:
            return hub_table("school");
        case InboxKind::terms:
            return hub_table("term");
        case InboxKind::lift_groups:
            return hub_table("lift_group");
        case InboxKind::staff:
            return hub_table("staff");
        case InboxKind::lift_schedule:
            return hub_table("lift_meeting");
        case InboxKind::surgeries:
            return hub_table("surgery");
        case InboxKind::pupils:
            return hub_table("pupil");
        case InboxKind::events:
            return hub_table("event");
        case InboxKind::bookings:
            return hub_table("booking");
    }
    return hub_table("school");
}

Row to_row(const core::School& r) {
    return {r.urn, r.name, r.district, r.lift_group, r.phase};
}
Row to_row(const core::Term& r) {
    return {r.academic_year, text(core::to_string(r.term)), date(r.start), date(r.end)};
}
Row to_row(const core::LiftGroupAssignment& r) {
    return {r.urn, r.academic_year, text(core::to_string(r.term)), r.group};
}
Row to_row(const core::Staff& r) {
    return {r.staff_id, r.name, text(core::to_string(r.role)), r.district};
}
Row to_row(const core::LiftMeeting& r) {
    return {r.district, date(r.meeting_date), r.group, date(r.paperwork_deadline), r.venue};
}
Row to_row(const core::Surgery& r) {
    return {r.district, date(r.surgery_date), r.staff_id, r.venue};
}
Row to_row(const core::Pupil& r) {
    Cell year = r.year_group < 0 ? std::nullopt : Cell(std::to_string(r.year_group));
    return {r.pupil_ref,
            r.school_urn,
            r.initials,
            r.first_name,
            r.last_name,
            year,
            text(core::to_string(r.need_area))};
}
Row to_row(const core::Event& r) {
    return {r.pupil_ref,  text(core::to_string(r.kind)),
            date(r.date), r.detail,
            r.staff_id,   r.note,
            r.owner,      date(r.review_date)};
}
Row to_row(const core::Booking& r) {
    return {r.pupil_ref, text(core::to_string(r.kind)), date(r.meeting_date), r.district,
            r.group,     date(r.paperwork_received)};
}

std::string array_literal(const std::vector<Row>& rows, size_t column, size_t begin, size_t end) {
    std::string out = "{";
    for (size_t i = begin; i < end; ++i) {
        if (i > begin) out += ',';
        const Cell& cell = rows[i][column];
        if (!cell) {
            out += "NULL";
            continue;
        }
        out += '"';
        for (char c : *cell) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

UpsertCounts upsert_rows(pqxx::transaction_base& tx, const HubTable& table,
                         const std::vector<Row>& rows) {
    UpsertCounts counts;
    const std::string sql = upsert_sql(table);
    const size_t width = table.keys.size() + table.others.size();
    for (size_t begin = 0; begin < rows.size(); begin += kRowsPerStatement) {
        size_t end = std::min(rows.size(), begin + kRowsPerStatement);
        std::vector<std::string> arrays;
        arrays.reserve(width);
        for (size_t c = 0; c < width; ++c) arrays.push_back(array_literal(rows, c, begin, end));
        pqxx::result written = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(arrays));
        for (const auto& row : written) (row[0].as<bool>() ? counts.inserted : counts.updated)++;
        counts.unchanged += (end - begin) - written.size();
    }
    return counts;
}

}  // namespace db::hub

#include "db/hub/hub_tables.hpp"

#include <array>
#include <stdexcept>

namespace db::hub {
namespace {

const std::array<HubTable, 10>& tables() {
    static const std::array<HubTable, 10> all = {{
        {"school",
         {{"urn", "text"}},
         {{"name", "text"}, {"district", "text"}, {"lift_group", "text"}, {"phase", "text"}}},
        {"term",
         {{"academic_year", "text"}, {"term", "text"}},
         {{"start_date", "date"}, {"end_date", "date"}}},
        {"staff",
         {{"staff_id", "text"}},
         {{"name", "text"}, {"role", "text"}, {"district", "text"}}},
        {"lift_group",
         {{"urn", "text"}, {"academic_year", "text"}, {"term", "text"}},
         {{"grp", "text"}}},
        {"lift_meeting",
         {{"district", "text"}, {"meeting_date", "date"}, {"grp", "text"}},
         {{"paperwork_deadline", "date"}, {"venue", "text"}}},
        {"surgery",
         {{"district", "text"}, {"surgery_date", "date"}, {"staff_id", "text"}},
         {{"venue", "text"}}},
        {"pupil",
         {{"pupil_ref", "text"}},
         {{"school_urn", "text"},
          {"initials", "text"},
          {"first_name", "text"},
          {"last_name", "text"},
          {"year_group", "integer"},
          {"need_area", "text"}}},
        {"event",
         {{"pupil_ref", "text"}, {"event", "text"}, {"date", "date"}, {"detail", "text"}},
         {{"staff_id", "text"}, {"note", "text"}, {"owner", "text"}, {"review_date", "date"}}},
        {"booking",
         {{"pupil_ref", "text"}, {"kind", "text"}, {"meeting_date", "date"}},
         {{"district", "text"}, {"grp", "text"}, {"paperwork_received", "date"}}},
        // version: the optimistic-concurrency row version triage edits are checked against.
        {"case_state",
         {{"pupil_ref", "text"}},
         {{"assigned_staff_id", "text"}, {"priority", "integer"}, {"version", "integer"}}},
    }};
    return all;
}

}  // namespace

std::vector<HubColumn> HubTable::columns() const {
    std::vector<HubColumn> all = keys;
    all.insert(all.end(), others.begin(), others.end());
    return all;
}

const HubColumn* HubTable::column(std::string_view column_name) const {
    for (const std::vector<HubColumn>* part : {&keys, &others})
        for (const HubColumn& c : *part)
            if (c.name == column_name) return &c;
    return nullptr;
}

std::span<const HubTable> hub_tables() {
    return tables();
}

const HubTable& hub_table(std::string_view name) {
    for (const HubTable& table : tables())
        if (table.name == name) return table;
    throw std::out_of_range("no hub table " + std::string(name));
}

std::string column_list(const std::vector<HubColumn>& columns, std::string_view prefix) {
    std::string out;
    for (const HubColumn& column : columns) {
        if (!out.empty()) out += ", ";
        out.append(prefix);
        out.append(column.name);
    }
    return out;
}

}  // namespace db::hub

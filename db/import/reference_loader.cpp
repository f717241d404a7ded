#include "db/import/reference_loader.hpp"

#include <SQLiteCpp/Statement.h>

#include <memory>

namespace db::inbox {
namespace {

core::Date date_of(const SQLite::Column& column) {
    return core::parse_date(column.getText()).value_or(core::Date{});
}

void load_schools(SQLite::Database& database, References& refs) {
    SQLite::Statement query(database, "SELECT urn, district, lift_group FROM school");
    while (query.executeStep())
        refs.schools.emplace(
            query.getColumn(0).getString(),
            SchoolFacts{query.getColumn(1).getString(), query.getColumn(2).getString()});
}

void load_pupils(SQLite::Database& database, References& refs) {
    SQLite::Statement query(database, "SELECT pupil_ref, school_urn FROM pupil");
    while (query.executeStep())
        refs.pupil_schools.emplace(query.getColumn(0).getString(), query.getColumn(1).getString());
}

// On demand, by primary key: see PupilSchools. The lookup holds a statement on
// `database`: the References must go before the database does.
void look_up_pupils(SQLite::Database& database, References& refs) {
    auto query = std::make_shared<SQLite::Statement>(
        database, "SELECT school_urn FROM pupil WHERE pupil_ref = ?");
    refs.pupil_schools.set_lookup([query](std::string_view ref) -> std::optional<std::string> {
        query->reset();
        query->bind(1, std::string(ref));
        if (!query->executeStep()) return std::nullopt;
        return query->getColumn(0).getString();
    });
}

void load_staff(SQLite::Database& database, References& refs) {
    SQLite::Statement query(database, "SELECT staff_id FROM staff");
    while (query.executeStep()) refs.staff.emplace(query.getColumn(0).getString());
}

void load_calendar(SQLite::Database& database, References& refs) {
    SQLite::Statement meetings(
        database,
        "SELECT district, grp, meeting_date, paperwork_deadline, venue FROM lift_meeting");
    while (meetings.executeStep())
        refs.meetings.push_back({meetings.getColumn(0).getString(),
                                 meetings.getColumn(1).getString(), date_of(meetings.getColumn(2)),
                                 date_of(meetings.getColumn(3)),
                                 meetings.getColumn(4).getString()});
    SQLite::Statement surgeries(database,
                                "SELECT district, surgery_date, venue, staff_id FROM surgery");
    while (surgeries.executeStep())
        refs.surgeries.push_back(
            {surgeries.getColumn(0).getString(), date_of(surgeries.getColumn(1)),
             surgeries.getColumn(2).getString(), surgeries.getColumn(3).getString()});
    SQLite::Statement terms(database, "SELECT academic_year, term, start_date, end_date FROM term");
    while (terms.executeStep())
        refs.terms.push_back({terms.getColumn(0).getString(),
                              core::parse_term_name(terms.getColumn(1).getText()).value(),
                              date_of(terms.getColumn(2)), date_of(terms.getColumn(3))});
    SQLite::Statement groups(database, "SELECT urn, academic_year, term, grp FROM lift_group");
    while (groups.executeStep())
        refs.lift_groups.push_back({groups.getColumn(0).getString(),
                                    groups.getColumn(1).getString(),
                                    core::parse_term_name(groups.getColumn(2).getText()).value(),
                                    groups.getColumn(3).getString()});
}

}  // namespace

References load_references(SQLite::Database& database, InboxKind kind, Pupils pupils) {
    References refs;
    auto add_pupils = [&] {
        if (pupils == Pupils::on_demand)
            look_up_pupils(database, refs);
        else
            load_pupils(database, refs);
    };
    switch (kind) {
        case InboxKind::schools:
        case InboxKind::terms:
        case InboxKind::staff:
        case InboxKind::lift_schedule:
            break;  // they refer to nothing but the built-in districts
        case InboxKind::lift_groups:
        case InboxKind::pupils:
            load_schools(database, refs);
            break;
        case InboxKind::surgeries:
            load_staff(database, refs);
            break;
        case InboxKind::events:
            add_pupils();
            load_staff(database, refs);
            break;
        case InboxKind::bookings:
            add_pupils();
            load_schools(database, refs);
            load_calendar(database, refs);
            break;
    }
    return refs;
}

}  // namespace db::inbox

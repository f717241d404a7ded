#include "db/hub/hub_references.hpp"

#include <pqxx/pqxx>

namespace db::hub {
namespace {

core::Date date_of(const pqxx::field& f) {
    return core::parse_date(f.c_str()).value_or(core::Date{});
}

core::TermName term_of(const pqxx::field& f) {
    return core::parse_term_name(f.c_str()).value_or(core::TermName::autumn);
}

void load_schools(pqxx::transaction_base& tx, inbox::References& refs) {
    for (const auto& r : tx.exec("SELECT urn, district, lift_group FROM school"))
        refs.schools.emplace(r[0].as<std::string>(),
                             inbox::SchoolFacts{r[1].as<std::string>(), r[2].as<std::string>()});
}

void load_pupils(pqxx::transaction_base& tx, inbox::References& refs) {
    for (const auto& r : tx.exec("SELECT pupil_ref, school_urn FROM pupil"))
        refs.pupil_schools.emplace(r[0].as<std::string>(), r[1].as<std::string>());
}

void load_staff(pqxx::transaction_base& tx, inbox::References& refs) {
    for (const auto& r : tx.exec("SELECT staff_id FROM staff"))
        refs.staff.emplace(r[0].as<std::string>());
}

void load_calendar(pqxx::transaction_base& tx, inbox::References& refs) {
    for (const auto& r :
         tx.exec("SELECT district, grp, meeting_date, paperwork_deadline, venue FROM lift_meeting"))
        refs.meetings.push_back({r[0].as<std::string>(), r[1].as<std::string>(), date_of(r[2]),
                                 date_of(r[3]), r[4].as<std::string>()});
    for (const auto& r : tx.exec("SELECT district, surgery_date, venue, staff_id FROM surgery"))
        refs.surgeries.push_back({r[0].as<std::string>(), date_of(r[1]), r[2].as<std::string>(),
                                  r[3].as<std::string>()});
    for (const auto& r : tx.exec("SELECT academic_year, term, start_date, end_date FROM term"))
        refs.terms.push_back({r[0].as<std::string>(), term_of(r[1]), date_of(r[2]), date_of(r[3])});
    for (const auto& r : tx.exec("SELECT urn, academic_year, term, grp FROM lift_group"))
        refs.lift_groups.push_back({r[0].as<std::string>(), r[1].as<std::string>(), term_of(r[2]),
                                    r[3].as<std::string>()});
}

}  // namespace

inbox::References load_hub_references(pqxx::transaction_base& tx, InboxKind kind) {
    inbox::References refs;
    switch (kind) {
        case InboxKind::schools:
        case InboxKind::terms:
        case InboxKind::staff:
        case InboxKind::lift_schedule:
            break;
        case InboxKind::lift_groups:
        case InboxKind::pupils:
            load_schools(tx, refs);
            break;
        case InboxKind::surgeries:
            load_staff(tx, refs);
            break;
        case InboxKind::events:
            load_pupils(tx, refs);
            load_staff(tx, refs);
            break;
        case InboxKind::bookings:
            load_pupils(tx, refs);
            load_schools(tx, refs);
            load_calendar(tx, refs);
            break;
    }
    return refs;
}

}  // namespace db::hub

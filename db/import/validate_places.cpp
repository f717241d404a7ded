// Validators for the calendar and directory kinds: schools, terms, lift_groups, staff,
// lift_schedule and surgeries. Column enums follow columns_of(kind)'s order. A row is
// kept (for the duplicate check) whenever its key is readable, even if another of its
// cells is wrong: the records of a file with problems are never written.
#include <tuple>

#include "core/domain.hpp"
#include "db/import/row_checker.hpp"
#include "db/import/validate.hpp"

namespace db::inbox {
namespace {

std::optional<std::string> academic_year(RowChecker& rows, size_t column) {
    std::string_view raw = rows.required(column);
    if (raw.empty()) return std::nullopt;
    if (auto year = normalise_academic_year(raw)) return year;
    rows.problem(column, RowChecker::quoted(raw) + " is not an academic year (e.g. 2024/25)");
    return std::nullopt;
}

std::optional<core::TermName> term_name(RowChecker& rows, size_t column) {
    static const std::string names = names_of<core::TermName>(3);
    return rows.choice<core::TermName>(column, core::parse_term_name, "a term", names);
}

}  // namespace

std::vector<core::School> validate_schools(RowChecker& rows) {
    enum { urn, name, district, lift_group, phase };
    std::vector<core::School> out;
    std::vector<int> lines;
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        core::School school{std::string(rows.required(urn)), std::string(rows.required(name)),
                            rows.district(district), std::string(rows.text(lift_group)),
                            std::string(rows.text(phase))};
        if (school.urn.empty()) continue;
        out.push_back(std::move(school));
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines, [](const core::School& s) { return std::tuple(KeyText{s.urn}); },
        "urn");
}

std::vector<core::Term> validate_terms(RowChecker& rows) {
    enum { academic_year_column, term, start_date, end_date };
    std::vector<core::Term> out;
    std::vector<int> lines;
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        auto year = academic_year(rows, academic_year_column);
        auto name = term_name(rows, term);
        auto start = rows.date(start_date);
        auto end = rows.date(end_date);
        if (start && end && *end < *start)
            rows.problem(end_date, "ends before it starts (" + core::to_iso(*start) + ")");
        if (!year || !name) continue;
        out.push_back({*year, *name, start.value_or(core::Date{}), end.value_or(core::Date{})});
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines,
        [](const core::Term& t) {
            return std::tuple(KeyText{t.academic_year}, KeyText{core::to_string(t.term)});
        },
        "academic_year+term");
}

std::vector<core::LiftGroupAssignment> validate_lift_groups(RowChecker& rows,
                                                            const References& refs) {
    enum { urn, academic_year_column, term, group };
    std::vector<core::LiftGroupAssignment> out;
    std::vector<int> lines;
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        std::string_view school = rows.required(urn);
        if (!school.empty() && !refs.school(school))
            rows.problem(urn, "unknown school " + RowChecker::quoted(school) +
                                  " (not in the store nor in a schools file of this drop)");
        auto year = academic_year(rows, academic_year_column);
        auto name = term_name(rows, term);
        std::string_view group_name = rows.required(group);
        if (school.empty() || !year || !name) continue;
        out.push_back({std::string(school), *year, *name, std::string(group_name)});
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines,
        [](const core::LiftGroupAssignment& g) {
            return std::tuple(KeyText{g.urn}, KeyText{g.academic_year},
                              KeyText{core::to_string(g.term)});
        },
        "urn+academic_year+term");
}

std::vector<core::Staff> validate_staff(RowChecker& rows) {
    enum { staff_id, name, role, district };
    static const std::string roles = names_of<core::Role>(5);
    std::vector<core::Staff> out;
    std::vector<int> lines;
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        std::string_view id = rows.required(staff_id);
        std::string_view full_name = rows.required(name);
        auto staff_role = rows.choice<core::Role>(role, core::parse_role, "a role", roles);
        std::string home = rows.district(district, false);
        if (id.empty()) continue;
        out.push_back({std::string(id), std::string(full_name),
                       staff_role.value_or(core::Role::specialist_teacher), std::move(home)});
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines, [](const core::Staff& s) { return std::tuple(KeyText{s.staff_id}); },
        "staff_id");
}

std::vector<core::LiftMeeting> validate_lift_schedule(RowChecker& rows) {
    enum { district, group, meeting_date, paperwork_deadline, venue };
    std::vector<core::LiftMeeting> out;
    std::vector<int> lines;
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        std::string where = rows.district(district);
        std::string_view group_name = rows.required(group);
        auto date = rows.date(meeting_date);
        auto deadline = rows.date(paperwork_deadline, false);
        // The contract's default: paperwork is due a week before the meeting.
        if (date && rows.text(paperwork_deadline).empty()) deadline = *date - 7;
        if (date && deadline && *deadline > *date)
            rows.problem(paperwork_deadline, "is after the meeting (" + core::to_iso(*date) + ")");
        if (where.empty() || group_name.empty() || !date) continue;
        out.push_back({where, std::string(group_name), *date, deadline.value_or(*date),
                       std::string(rows.text(venue))});
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines,
        [](const core::LiftMeeting& m) {
            return std::tuple(KeyText{m.district}, m.meeting_date.days, KeyText{m.group});
        },
        "district+meeting_date+group");
}

std::vector<core::Surgery> validate_surgeries(RowChecker& rows, const References& refs) {
    enum { district, surgery_date, venue, staff_id };
    std::vector<core::Surgery> out;
    std::vector<int> lines;
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        std::string where = rows.district(district);
        auto date = rows.date(surgery_date);
        std::string_view staff = rows.text(staff_id);
        if (!staff.empty() && !refs.has_staff(staff))
            rows.problem(staff_id, "unknown staff member " + RowChecker::quoted(staff) +
                                       " (not in the store nor in a staff file of this drop)");
        if (where.empty() || !date) continue;
        out.push_back({where, *date, std::string(rows.text(venue)), std::string(staff)});
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines,
        [](const core::Surgery& s) {
            return std::tuple(KeyText{s.district}, s.surgery_date.days, KeyText{s.staff_id});
        },
        "district+surgery_date+staff_id");
}

}  // namespace db::inbox

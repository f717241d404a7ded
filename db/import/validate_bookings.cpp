// Validator for bookings: a booking names a pupil and a meeting by its date, and the
// meeting must exist. The district defaults to the pupil's school's district; for a
// LIFT booking without a group the group is the only one meeting that day, else the
// school's group for that term. The booking is stored with the district and group of
// the meeting it resolved to, so the boards and rules need not resolve it again.
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "core/domain.hpp"
#include "db/import/row_checker.hpp"
#include "db/import/validate.hpp"

namespace db::inbox {
namespace {

// Column indices in columns_of(InboxKind::bookings).
enum Column : size_t { pupil_ref, kind, meeting_date, district, group, paperwork_received };

bool iequals(std::string_view a, std::string_view b) {
    return normalise_name(a) == normalise_name(b);
}

class MeetingFinder {
  public:
    explicit MeetingFinder(const References& refs) {
        for (const core::LiftMeeting& m : refs.meetings)
            lift_groups_[{m.district, m.meeting_date.days}].push_back(m.group);
        for (const core::Surgery& s : refs.surgeries)
            surgeries_.insert({s.district, s.surgery_date.days});
    }

    bool has_surgery(const std::string& district, core::Date date) const {
        return surgeries_.contains({district, date.days});
    }

    // The groups meeting in `district` on `date`; empty when none.
    const std::vector<std::string>& lift_groups(const std::string& district,
                                                core::Date date) const {
        static const std::vector<std::string> none;
        auto it = lift_groups_.find({district, date.days});
        return it == lift_groups_.end() ? none : it->second;
    }

  private:
    std::map<std::pair<std::string, int32_t>, std::vector<std::string>> lift_groups_;
    std::set<std::pair<std::string, int32_t>> surgeries_;
};

// The school's LIFT group in the term holding `date`: its lift_groups row for that
// term, else schools.lift_group.
std::string school_group(const References& refs, const std::string& urn, const SchoolFacts& school,
                         core::Date date) {
    for (const core::Term& term : refs.terms) {
        if (date < term.start || date > term.end) continue;
        for (const core::LiftGroupAssignment& a : refs.lift_groups)
            if (a.urn == urn && a.academic_year == term.academic_year && a.term == term.term)
                return a.group;
    }
    return school.lift_group;
}

void check_surgery(RowChecker& rows, const MeetingFinder& meetings, const std::string& district,
                   core::Date date) {
    if (meetings.has_surgery(district, date)) return;
    rows.problem(meeting_date, "no Surgery in " + district + " on " + core::to_iso(date) +
                                   " (not in the store nor in a surgeries file of this drop)");
}

// Fills booking.group with the schedule's spelling of the meeting it is for.
void resolve_lift_group(RowChecker& rows, const MeetingFinder& meetings, core::Booking& booking,
                        core::Date date, const std::string& school_group_name) {
    const auto& groups = meetings.lift_groups(booking.district, date);
    std::string when = core::to_iso(date);
    if (groups.empty()) {
        rows.problem(meeting_date, "no LIFT meeting in " + booking.district + " on " + when +
                                       " (not in the store nor in a lift_schedule file of this "
                                       "drop)");
        return;
    }
    std::string wanted = booking.group;
    if (wanted.empty() && groups.size() == 1) {
        booking.group = groups.front();
        return;
    }
    if (wanted.empty()) wanted = school_group_name;
    if (wanted.empty()) {
        rows.problem(group, "several LIFT groups meet in " + booking.district + " on " + when +
                                " and the school has no group: give the group");
        return;
    }
    for (const std::string& g : groups)
        if (iequals(g, wanted)) {
            booking.group = g;
            return;
        }
    rows.problem(group, "no LIFT group " + RowChecker::quoted(wanted) + " meets in " +
                            booking.district + " on " + when);
}

}  // namespace

std::vector<core::Booking> validate_bookings(RowChecker& rows, const References& refs) {
    static const std::string kinds = names_of<core::BookingKind>(2);
    MeetingFinder meetings(refs);
    std::vector<core::Booking> out;
    std::vector<int> lines;
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        core::Booking booking;
        booking.pupil_ref = rows.required(pupil_ref);
        const std::string* school_urn = refs.pupil_schools.find(booking.pupil_ref);
        const SchoolFacts* school = school_urn ? refs.school(*school_urn) : nullptr;
        if (!booking.pupil_ref.empty() && !school_urn)
            rows.problem(pupil_ref, "unknown pupil " + RowChecker::quoted(booking.pupil_ref) +
                                        " (not in the store nor in a pupils file of this drop)");
        auto booking_kind =
            rows.choice<core::BookingKind>(kind, core::parse_booking_kind, "a booking kind", kinds);
        auto date = rows.date(meeting_date);
        booking.district = rows.district(district, false);
        booking.group = rows.text(group);
        booking.paperwork_received = rows.date(paperwork_received, false);
        if (booking.district.empty() && school && rows.text(district).empty())
            booking.district = school->district;

        if (booking_kind && date && !booking.district.empty()) {
            if (*booking_kind == core::BookingKind::surgery)
                check_surgery(rows, meetings, booking.district, *date);
            else
                resolve_lift_group(rows, meetings, booking, *date,
                                   school ? school_group(refs, *school_urn, *school, *date) : "");
        }
        if (booking.pupil_ref.empty() || !booking_kind || !date) continue;
        booking.kind = *booking_kind;
        booking.meeting_date = *date;
        out.push_back(std::move(booking));
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines,
        [](const core::Booking& b) {
            return std::tuple(KeyText{b.pupil_ref}, KeyText{core::to_string(b.kind)},
                              b.meeting_date.days);
        },
        "pupil_ref+kind+meeting_date");
}

}  // namespace db::inbox

// The demo district's calendar: term dates over several academic years around "today",
// a weekly LIFT meeting per district (its groups in turn) and fortnightly Surgeries,
// with the lookups the pupil histories need (next meeting of a group, two terms after).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/domain.hpp"

namespace db::demo {

inline constexpr int kGroupsPerDistrict = 3;
std::string group_name(int index);  // "A", "B", "C"

class DemoCalendar {
public:
    // Academic years from three before the one containing `today` to the one after it:
    // pupils' histories reach back about two years, and boards look ahead.
    explicit DemoCalendar(core::Date today);

    const std::vector<core::Term>& terms() const { return terms_; }
    // Index of the term containing d, or of the next term when d is in a holiday; -1 past the end.
    int term_index_at_or_after(core::Date d) const;
    // Term containing d (nullptr in a holiday or outside the calendar).
    const core::Term* term_containing(core::Date d) const { return calendar_.term_at(d); }
    // RULES.md's "two terms after", as the rules compute it.
    std::optional<core::Date> two_terms_after(core::Date d) const { return calendar_.two_terms_after(d).date; }

    // Every Thursday in term time, per district, the district's groups in turn.
    std::vector<core::LiftMeeting> lift_schedule(const std::vector<std::string>& districts) const;
    // Every other Tuesday in term time, per district, run by the given staff in turn.
    std::vector<core::Surgery> surgeries(const std::string& district,
                                         const std::vector<std::string>& staff_ids) const;

private:
    std::vector<core::Term> terms_;
    core::TermCalendar calendar_;
};

// Meetings indexed for "the next meeting of this district (and group) on or after a date".
class MeetingIndex {
public:
    MeetingIndex(const std::vector<core::LiftMeeting>& meetings,
                 const std::vector<core::Surgery>& surgeries);
    // All LIFT meetings of a district in date order.
    const std::vector<const core::LiftMeeting*>& lift_meetings(const std::string& district) const;
    std::optional<core::Date> next_surgery(const std::string& district, core::Date from) const;

private:
    std::map<std::string, std::vector<const core::LiftMeeting*>> lift_by_district_;
    std::map<std::string, std::vector<core::Date>> surgery_dates_;
};

}  // namespace db::demo

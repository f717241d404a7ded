#include "db/demo/demo_calendar.hpp"

#include <algorithm>

namespace db::demo {
namespace {

using core::Date;

// Moves d forward (or back) to the given weekday, 0 = Monday.
Date forward_to(Date d, unsigned weekday) { return d + static_cast<int>((weekday + 7 - d.weekday()) % 7); }
Date back_to(Date d, unsigned weekday) { return d - static_cast<int>((d.weekday() + 7 - weekday) % 7); }

std::string academic_year_name(int first_year) {
    return std::to_string(first_year) + "/" + std::to_string((first_year + 1) % 100 / 10) +
           std::to_string((first_year + 1) % 10);
}

}  // namespace

std::string group_name(int index) { return std::string(1, static_cast<char>('A' + index)); }

DemoCalendar::DemoCalendar(Date today) {
    int current = today.month() >= 9 ? today.year() : today.year() - 1;
    for (int y = current - 3; y <= current + 1; ++y) {
        std::string name = academic_year_name(y);
        terms_.push_back({name, core::TermName::autumn, forward_to(Date::from_ymd(y, 9, 3), 0),
                          back_to(Date::from_ymd(y, 12, 19), 4)});
        terms_.push_back({name, core::TermName::spring, forward_to(Date::from_ymd(y + 1, 1, 5), 0),
                          back_to(Date::from_ymd(y + 1, 3, 31), 4)});
        terms_.push_back({name, core::TermName::summer, forward_to(Date::from_ymd(y + 1, 4, 20), 0),
                          back_to(Date::from_ymd(y + 1, 7, 22), 4)});
    }
    calendar_ = core::TermCalendar(terms_);
}

int DemoCalendar::term_index_at_or_after(Date d) const {
    for (size_t i = 0; i < terms_.size(); ++i)
        if (d <= terms_[i].end) return static_cast<int>(i);
    return -1;
}

std::vector<core::LiftMeeting> DemoCalendar::lift_schedule(
    const std::vector<std::string>& districts) const {
    std::vector<core::LiftMeeting> meetings;
    for (size_t di = 0; di < districts.size(); ++di) {
        int week = static_cast<int>(di);  // districts start their rotation at different groups
        for (const core::Term& term : terms_) {
            for (Date d = forward_to(term.start, 3); d <= term.end; d = d + 7) {
                std::string venue = districts[di] + (week % 2 ? " STLS base, Room 2" : " Teachers' Centre");
                meetings.push_back({districts[di], group_name(week % kGroupsPerDistrict), d, d - 7, venue});
                ++week;
            }
        }
    }
    return meetings;
}

std::vector<core::Surgery> DemoCalendar::surgeries(const std::string& district,
                                                   const std::vector<std::string>& staff_ids) const {
    std::vector<core::Surgery> out;
    size_t turn = 0;
    for (const core::Term& term : terms_) {
        for (Date d = forward_to(term.start + 7, 1); d <= term.end; d = d + 14) {
            out.push_back({district, d, district + " STLS base, Surgery room",
                           staff_ids[turn++ % staff_ids.size()]});
        }
    }
    return out;
}

MeetingIndex::MeetingIndex(const std::vector<core::LiftMeeting>& meetings,
                           const std::vector<core::Surgery>& surgeries) {
    for (const auto& m : meetings) lift_by_district_[m.district].push_back(&m);
    for (auto& [district, list] : lift_by_district_)
        std::sort(list.begin(), list.end(),
                  [](auto* a, auto* b) { return a->meeting_date < b->meeting_date; });
    for (const auto& s : surgeries) surgery_dates_[s.district].push_back(s.surgery_date);
    for (auto& [district, dates] : surgery_dates_) std::sort(dates.begin(), dates.end());
}

const std::vector<const core::LiftMeeting*>& MeetingIndex::lift_meetings(
    const std::string& district) const {
    static const std::vector<const core::LiftMeeting*> none;
    auto it = lift_by_district_.find(district);
    return it == lift_by_district_.end() ? none : it->second;
}

std::optional<Date> MeetingIndex::next_surgery(const std::string& district, Date from) const {
    auto it = surgery_dates_.find(district);
    if (it == surgery_dates_.end()) return std::nullopt;
    auto d = std::lower_bound(it->second.begin(), it->second.end(), from);
    if (d == it->second.end()) return std::nullopt;
    return *d;
}

}  // namespace db::demo

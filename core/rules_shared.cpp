// What the rules share between pupils, computed once when a RulesEngine is built so
// that each pupil's evaluation is a walk over its own events with no searching:
// the school of every pupil, each school's group per term, the schedule sorted for
// lookups, and each booking's deadline, resolved meeting and school count at it.
#include <algorithm>
#include <string>
#include <tuple>

#include "core/rule_context.hpp"

namespace core::rules_detail {
namespace {

uint64_t school_term_key(size_t school, size_t term) {
    return (static_cast<uint64_t>(school) << 32) | static_cast<uint64_t>(term);
}

std::string folded(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return out;
}

}  // namespace

int compare_text(std::string_view a, std::string_view b) {
    // ASCII folding by hand: std::tolower consults the locale on every character, and
    // this runs inside the schedule lookups of every booking.
    auto fold = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 'A' && u <= 'Z' ? u + ('a' - 'A') : static_cast<int>(u);
    };
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        int x = fold(a[i]), y = fold(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    if (a.size() == b.size()) return 0;
    return a.size() < b.size() ? -1 : 1;
}

std::string calendar_gap_reason(Date from, std::string_view what) {
    return "term calendar does not cover two terms after " + to_display(from) + ", so " +
           std::string(what) + " cannot be checked";
}

SharedFacts::SharedFacts(const Dataset& d, RulesConfig c) : data(d), config(c), calendar(d.terms) {
    school_of_pupil_.reserve(data.pupils.size());
    for (const PupilEntry& p : data.pupils) school_of_pupil_.push_back(data.school(p.school_urn));
    index_groups();
    index_meetings();
    index_bookings();
}

void SharedFacts::index_groups() {
    std::unordered_map<std::string, size_t> term_by_name;
    auto terms = calendar.terms();
    for (size_t i = 0; i < terms.size(); ++i)
        term_by_name.emplace(terms[i].academic_year + "|" + std::string(to_string(terms[i].term)),
                             i);
    for (const LiftGroupAssignment& a : data.lift_groups) {
        const School* school = data.school(a.urn);
        auto term = term_by_name.find(a.academic_year + "|" + std::string(to_string(a.term)));
        if (!school || term == term_by_name.end()) continue;
        auto school_index = static_cast<size_t>(school - data.schools.data());
        group_by_school_term_[school_term_key(school_index, term->second)] = a.group;
    }
}

std::string_view SharedFacts::group_of(const School& school, Date date, const Term** term) const {
    auto index = calendar.term_containing(date);
    if (term) *term = index ? &calendar.terms()[*index] : nullptr;
    if (index && !group_by_school_term_.empty()) {
        auto school_index = static_cast<size_t>(&school - data.schools.data());
        auto it = group_by_school_term_.find(school_term_key(school_index, *index));
        if (it != group_by_school_term_.end()) return it->second;
    }
    return school.lift_group;
}

uint32_t SharedFacts::intern_district(std::string_view district) {
    auto [it, added] =
        district_ids_.emplace(folded(district), static_cast<uint32_t>(district_ids_.size()));
    return it->second;
}

uint32_t SharedFacts::district_id(std::string_view district) const {
    auto it = district_ids_.find(folded(district));
    return it == district_ids_.end() ? kNoDistrict : it->second;
}

void SharedFacts::index_meetings() {
    school_district_.reserve(data.schools.size());
    for (const School& school : data.schools)
        school_district_.push_back(intern_district(school.district));
    meetings_.reserve(data.meetings.size());
    for (const LiftMeeting& m : data.meetings)
        meetings_.push_back({intern_district(m.district), m.meeting_date, &m});
    std::sort(meetings_.begin(), meetings_.end(), [](const MeetingKey& a, const MeetingKey& b) {
        return std::tie(a.district, a.date) < std::tie(b.district, b.date);
    });
}

std::vector<SharedFacts::MeetingKey>::const_iterator SharedFacts::first_meeting(uint32_t district,
                                                                                Date from) const {
    return std::lower_bound(meetings_.begin(), meetings_.end(), MeetingKey{district, from, nullptr},
                            [](const MeetingKey& a, const MeetingKey& b) {
                                return std::tie(a.district, a.date) < std::tie(b.district, b.date);
                            });
}

Date SharedFacts::deadline_of(const LiftMeeting& meeting) const {
    // The importer fills the contract's default; a record built without one (day 0) gets
    // the same default here.
    if (meeting.paperwork_deadline == Date{}) return meeting.meeting_date - 7;
    return meeting.paperwork_deadline;
}

Date SharedFacts::schedule_deadline(uint32_t district, std::string_view group, Date date) const {
    for (auto it = first_meeting(district, date);
         it != meetings_.end() && it->district == district && it->date == date; ++it)
        if (same_text(it->meeting->group, group)) return deadline_of(*it->meeting);
    return date - 7;  // RULES.md: meeting - 7 days unless the schedule says otherwise
}

const LiftMeeting* SharedFacts::next_meeting_for(size_t pupil_index, Date from) const {
    const School* school = pupil_index < school_of_pupil_.size() ? school_of(pupil_index) : nullptr;
    if (!school) return nullptr;
    uint32_t district = school_district_[static_cast<size_t>(school - data.schools.data())];
    for (auto it = first_meeting(district, from); it != meetings_.end() && it->district == district;
         ++it) {
        const LiftMeeting& m = *it->meeting;
        if (deadline_of(m) >= from && same_text(m.group, group_of(*school, m.meeting_date)))
            return &m;
    }
    return nullptr;
}

void SharedFacts::index_bookings() {
    booking_facts_.assign(data.bookings.size(), BookingFacts{});
    // LIFT bookings of pupils with a known school, with what referral-cap groups them by
    // copied out: the sort below compares these, not table entries rebuilt per compare.
    struct LiftKey {
        const School* school = nullptr;
        Date date;
        uint32_t district_id = 0;
        std::string_view district, group;
        uint32_t index = 0;
    };
    std::vector<LiftKey> lift;
    for (size_t p = 0; p < data.pupils.size(); ++p) {
        const School* school = school_of(p);
        for (const BookingEntry& b : data.bookings_of(p)) {
            const size_t i = b.index;
            BookingFacts& f = booking_facts_[i];
            f.district = b.district;
            f.group = b.group;
            if (school) {
                f.school_district = school->district;
                f.district_id = school_district_[static_cast<size_t>(school - data.schools.data())];
                f.school_group = group_of(*school, b.meeting_date, &f.term);
                // A booking that does not name its meeting's district or group is taken
                // to be for the school's own.
                if (f.district.empty()) f.district = f.school_district;
                if (f.group.empty()) f.group = f.school_group;
                if (!same_text(f.district, f.school_district))
                    f.district_id = district_id(f.district);
            } else if (auto t = calendar.term_containing(b.meeting_date)) {
                f.term = &calendar.terms()[*t];
            }
            if (!school) f.district_id = district_id(f.district);
            f.deadline = schedule_deadline(f.district_id, f.group, b.meeting_date);
            if (school && b.kind == BookingKind::lift)
                lift.push_back({school, b.meeting_date, f.district_id, f.district, f.group,
                                static_cast<uint32_t>(i)});
        }
    }
    // referral-cap: count each school's LIFT bookings per meeting (date, district, group).
    auto same_meeting = [](const LiftKey& a, const LiftKey& b) {
        return a.school == b.school && a.date == b.date && a.district_id == b.district_id &&
               same_text(a.district, b.district) && same_text(a.group, b.group);
    };
    std::sort(lift.begin(), lift.end(), [](const LiftKey& a, const LiftKey& b) {
        if (a.school != b.school) return std::less<>()(a.school, b.school);
        if (a.date != b.date) return a.date < b.date;
        if (a.district_id != b.district_id) return a.district_id < b.district_id;
        if (int c = compare_text(a.district, b.district)) return c < 0;
        return compare_text(a.group, b.group) < 0;
    });
    for (size_t begin = 0; begin < lift.size();) {
        size_t end = begin + 1;
        while (end < lift.size() && same_meeting(lift[begin], lift[end])) ++end;
        for (size_t k = begin; k < end; ++k)
            booking_facts_[lift[k].index].school_bookings_at_meeting =
                static_cast<uint32_t>(end - begin);
        begin = end;
    }
}

}  // namespace core::rules_detail

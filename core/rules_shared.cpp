// What the rules share between pupils, computed once when a RulesEngine is built so
// that each pupil's evaluation is a walk over its own events with no searching:
// the school of every pupil, each school's group per term, the schedule sorted for
// lookups, and each booking's deadline, resolved meeting and school count at it. A
// patched engine (after an edit to a few pupils) shares the parts that depend on the
// reference tables and copies the untouched bookings' facts.
#include <algorithm>
#include <stdexcept>
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
    auto ref = std::make_shared<ReferenceIndex>();
    index_reference(*ref);
    ref_ = std::move(ref);
    build_schools();
    index_bookings();
}

void SharedFacts::build_schools() {
    auto schools = std::make_shared<PupilSchools>();
    schools->school_of.reserve(data.pupils.size());
    schools->begin.assign(data.schools.size() + 1, 0);
    for (const PupilEntry& p : data.pupils) {
        const School* school = data.school(p.school_urn);
        const uint32_t s =
            school ? static_cast<uint32_t>(school - data.schools.data()) : PupilSchools::kNoSchool;
        schools->school_of.push_back(s);
        if (school) ++schools->begin[s + 1];
    }
    for (size_t s = 0; s < data.schools.size(); ++s) schools->begin[s + 1] += schools->begin[s];
    schools->pupils.resize(schools->begin.back());
    std::vector<uint32_t> next(schools->begin.begin(), schools->begin.end() - 1);
    for (size_t p = 0; p < schools->school_of.size(); ++p)
        if (const uint32_t s = schools->school_of[p]; s != PupilSchools::kNoSchool)
            schools->pupils[next[s]++] = static_cast<uint32_t>(p);
    schools_ = std::move(schools);
}

void SharedFacts::index_reference(ReferenceIndex& ref) const {
    std::unordered_map<std::string, size_t> term_by_name;
    auto terms = calendar.terms();
    for (size_t i = 0; i < terms.size(); ++i)
        term_by_name.emplace(terms[i].academic_year + "|" + std::string(to_string(terms[i].term)),
                             i);
    for (size_t row = 0; row < data.lift_groups.size(); ++row) {
        const LiftGroupAssignment& a = data.lift_groups[row];
        const School* school = data.school(a.urn);
        auto term = term_by_name.find(a.academic_year + "|" + std::string(to_string(a.term)));
        if (!school || term == term_by_name.end()) continue;
        auto school_index = static_cast<size_t>(school - data.schools.data());
        ref.group_row_by_school_term[school_term_key(school_index, term->second)] =
            static_cast<uint32_t>(row);
    }
    // Districts are interned (case-folded) once, so schedule searches compare integers
    // instead of strings. Unknown districts get no id (kNoDistrict).
    auto intern = [&ref](std::string_view district) {
        return ref.district_ids
            .emplace(folded(district), static_cast<uint32_t>(ref.district_ids.size()))
            .first->second;
    };
    ref.school_district.reserve(data.schools.size());
    for (const School& school : data.schools)
        ref.school_district.push_back(intern(school.district));
    ref.meetings.reserve(data.meetings.size());
    for (size_t i = 0; i < data.meetings.size(); ++i) {
        const LiftMeeting& m = data.meetings[i];
        ref.meetings.push_back({intern(m.district), m.meeting_date, static_cast<uint32_t>(i)});
    }
    std::sort(ref.meetings.begin(), ref.meetings.end(),
              [](const MeetingKey& a, const MeetingKey& b) {
                  return std::tie(a.district, a.date) < std::tie(b.district, b.date);
              });
}

std::string_view SharedFacts::group_of(const School& school, Date date, const Term** term) const {
    auto index = calendar.term_containing(date);
    if (term) *term = index ? &calendar.terms()[*index] : nullptr;
    const auto row = group_row(static_cast<size_t>(&school - data.schools.data()),
                               index ? static_cast<int32_t>(*index) : -1);
    return row == BookingFacts::kSchoolsGroup ? std::string_view(school.lift_group)
                                              : std::string_view(data.lift_groups[row].group);
}

uint32_t SharedFacts::group_row(size_t school, int32_t term) const {
    const auto& rows = ref_->group_row_by_school_term;
    if (term < 0 || rows.empty()) return BookingFacts::kSchoolsGroup;
    auto it = rows.find(school_term_key(school, static_cast<size_t>(term)));
    return it == rows.end() ? BookingFacts::kSchoolsGroup : it->second;
}

uint32_t SharedFacts::district_id(std::string_view district) const {
    auto it = ref_->district_ids.find(folded(district));
    return it == ref_->district_ids.end() ? kNoDistrict : it->second;
}

std::vector<SharedFacts::MeetingKey>::const_iterator SharedFacts::first_meeting(uint32_t district,
                                                                                Date from) const {
    return std::lower_bound(ref_->meetings.begin(), ref_->meetings.end(),
                            MeetingKey{district, from, 0},
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
         it != ref_->meetings.end() && it->district == district && it->date == date; ++it) {
        const LiftMeeting& m = data.meetings[it->meeting];
        if (same_text(m.group, group)) return deadline_of(m);
    }
    return date - 7;  // RULES.md: meeting - 7 days unless the schedule says otherwise
}

const LiftMeeting* SharedFacts::next_meeting_for(size_t pupil_index, Date from) const {
    const School* school =
        pupil_index < schools_->school_of.size() ? school_of(pupil_index) : nullptr;
    if (!school) return nullptr;
    uint32_t district = ref_->school_district[static_cast<size_t>(school - data.schools.data())];
    for (auto it = first_meeting(district, from);
         it != ref_->meetings.end() && it->district == district; ++it) {
        const LiftMeeting& m = data.meetings[it->meeting];
        if (deadline_of(m) >= from && same_text(m.group, group_of(*school, m.meeting_date)))
            return &m;
    }
    return nullptr;
}

BookingTexts SharedFacts::texts_of(const BookingEntry& b) const {
    const BookingFacts& f = facts_of(b);
    BookingTexts t{b.district, b.group, {}, {}, nullptr};
    if (f.term >= 0) t.term = &calendar.terms()[static_cast<size_t>(f.term)];
    if (const School* school = school_of(b.pupil)) {
        t.school_district = school->district;
        t.school_group = f.group_row == BookingFacts::kSchoolsGroup
                             ? std::string_view(school->lift_group)
                             : std::string_view(data.lift_groups[f.group_row].group);
        // A booking that does not name its meeting's district or group is taken to be
        // for the school's own.
        if (t.district.empty()) t.district = t.school_district;
        if (t.group.empty()) t.group = t.school_group;
    }
    return t;
}

BookingFacts SharedFacts::facts_for(const BookingEntry& b, const School* school) const {
    BookingFacts f;
    if (auto t = calendar.term_containing(b.meeting_date)) f.term = static_cast<int32_t>(*t);
    std::string_view district = b.district, group = b.group;
    if (school) {
        const auto s = static_cast<size_t>(school - data.schools.data());
        f.district_id = ref_->school_district[s];
        f.group_row = group_row(s, f.term);
        if (district.empty()) district = school->district;
        if (group.empty())
            group = f.group_row == BookingFacts::kSchoolsGroup
                        ? std::string_view(school->lift_group)
                        : std::string_view(data.lift_groups[f.group_row].group);
        if (!same_text(district, school->district)) f.district_id = district_id(district);
    } else {
        f.district_id = district_id(district);
    }
    f.deadline = schedule_deadline(f.district_id, group, b.meeting_date);
    return f;
}

std::optional<SharedFacts::CapKey> SharedFacts::cap_key(const BookingEntry& b) const {
    const uint32_t school = schools_->school_of[b.pupil];
    if (b.kind != BookingKind::lift || school == PupilSchools::kNoSchool) return std::nullopt;
    const BookingTexts t = texts_of(b);
    return CapKey{school, b.meeting_date, facts_of(b).district_id, t.district, t.group};
}

bool SharedFacts::same_meeting(const CapKey& a, const CapKey& b) {
    return a.school == b.school && a.date == b.date && a.district_id == b.district_id &&
           same_text(a.district, b.district) && same_text(a.group, b.group);
}

void SharedFacts::index_bookings() {
    booking_facts_.assign(data.bookings.size(), BookingFacts{});
    for (size_t p = 0; p < data.pupils.size(); ++p) {
        const School* school = school_of(p);
        for (const BookingEntry& b : data.bookings_of(p))
            booking_facts_[b.index] = facts_for(b, school);
    }
    // referral-cap: count each school's LIFT bookings per meeting (date, district, group).
    // What it groups by is copied out: the sort compares these, not keys rebuilt per compare.
    struct LiftKey {
        CapKey key;
        uint32_t index = 0;
    };
    std::vector<LiftKey> lift;
    for (const BookingEntry& b : data.bookings)
        if (auto key = cap_key(b)) lift.push_back({*key, b.index});
    std::sort(lift.begin(), lift.end(), [](const LiftKey& x, const LiftKey& y) {
        const CapKey &a = x.key, &b = y.key;
        if (a.school != b.school) return a.school < b.school;
        if (a.date != b.date) return a.date < b.date;
        if (a.district_id != b.district_id) return a.district_id < b.district_id;
        if (int c = compare_text(a.district, b.district)) return c < 0;
        return compare_text(a.group, b.group) < 0;
    });
    for (size_t begin = 0; begin < lift.size();) {
        size_t end = begin + 1;
        while (end < lift.size() && same_meeting(lift[begin].key, lift[end].key)) ++end;
        for (size_t k = begin; k < end; ++k)
            booking_facts_[lift[k].index].school_bookings_at_meeting =
                static_cast<uint32_t>(end - begin);
        begin = end;
    }
}

SharedFacts::SharedFacts(const Dataset& d, const SharedFacts& base,
                         std::span<const uint32_t> changed, bool pupil_records,
                         std::vector<uint32_t>* recounted)
    : data(d),
      config(base.config),
      calendar(base.calendar),
      ref_(base.ref_),
      schools_(base.schools_) {
    if (pupil_records) build_schools();
    // Untouched pupils' facts in runs between the changed ones (their bookings only moved
    // in the table); the changed pupils' computed again. The meetings a changed pupil was
    // booked at, read from the base, and is booked at now are recounted below.
    const Dataset& old = base.data;
    booking_facts_.reserve(data.bookings.size());
    std::vector<CapKey> keys;
    size_t from = 0;  // first base booking not copied yet
    for (uint32_t p : changed) {
        const BookingRange was = old.bookings_of(p);
        const auto first = static_cast<size_t>(was.begin() - old.bookings.begin());
        booking_facts_.insert(booking_facts_.end(),
                              base.booking_facts_.begin() + static_cast<long>(from),
                              base.booking_facts_.begin() + static_cast<long>(first));
        for (const BookingEntry& b : was)
            if (auto key = base.cap_key(b)) keys.push_back(*key);
        from = first + was.size();
        const School* school = school_of(p);
        for (const BookingEntry& b : data.bookings_of(p))
            booking_facts_.push_back(facts_for(b, school));
    }
    booking_facts_.insert(booking_facts_.end(),
                          base.booking_facts_.begin() + static_cast<long>(from),
                          base.booking_facts_.end());
    if (booking_facts_.size() != data.bookings.size())
        throw std::logic_error("rules engine patch: the Dataset is not the base's patched");
    for (uint32_t p : changed)
        for (const BookingEntry& b : data.bookings_of(p))
            if (auto key = cap_key(b)) keys.push_back(*key);
    for (size_t i = 0; i < keys.size(); ++i) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; ++j) seen = same_meeting(keys[i], keys[j]);
        if (!seen) recount(keys[i], changed, recounted);
    }
    if (recounted) {
        std::sort(recounted->begin(), recounted->end());
        recounted->erase(std::unique(recounted->begin(), recounted->end()), recounted->end());
    }
}

void SharedFacts::recount(const CapKey& key, std::span<const uint32_t> changed,
                          std::vector<uint32_t>* recounted) {
    std::vector<std::pair<uint32_t, uint32_t>> at_meeting;  // (booking, pupil)
    const PupilSchools& schools = *schools_;
    for (uint32_t k = schools.begin[key.school]; k < schools.begin[key.school + 1]; ++k) {
        const uint32_t q = schools.pupils[k];
        for (const BookingEntry& b : data.bookings_of(q))
            if (auto other = cap_key(b); other && same_meeting(*other, key))
                at_meeting.emplace_back(b.index, q);
    }
    const auto count = static_cast<uint32_t>(at_meeting.size());
    for (const auto& [booking, pupil] : at_meeting) {
        uint32_t& n = booking_facts_[booking].school_bookings_at_meeting;
        if (n == count) continue;
        n = count;
        if (recounted && !std::binary_search(changed.begin(), changed.end(), pupil))
            recounted->push_back(pupil);
    }
}

}  // namespace core::rules_detail

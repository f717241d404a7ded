// Choices offered by the triage actions (see triage_options.hpp).
#include "core/triage_options.hpp"

#include <algorithm>
#include <tuple>

#include "core/calendar.hpp"

namespace core {
namespace {

// Districts and groups are typed by people: compare them ASCII case-insensitively,
// as the rules do.
bool same_text(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
        return fold(x) == fold(y);
    });
}

// The school's group for the term holding `date` (lift_groups), else its default.
std::string_view group_on(const Dataset& data, const TermCalendar& calendar, const School& school,
                          Date date) {
    if (const Term* term = calendar.term_at(date)) {
        for (const LiftGroupAssignment& a : data.lift_groups)
            if (a.urn == school.urn && a.term == term->term &&
                a.academic_year == term->academic_year)
                return a.group;
    }
    return school.lift_group;
}

Date deadline_of(const LiftMeeting& m) {
    return m.paperwork_deadline == Date{} ? m.meeting_date - 7 : m.paperwork_deadline;
}

bool booked(BookingRange bookings, BookingKind kind, Date date) {
    return std::any_of(bookings.begin(), bookings.end(), [&](const BookingEntry& b) {
        return b.kind == kind && b.meeting_date == date;
    });
}

std::string places_left(int used, int cap) {
    const int left = cap - used;
    return std::to_string(left) + (left == 1 ? " place left" : " places left");
}

// "27 Nov": the weekday of a deadline matters less than the room on the line.
std::string day_month(Date d) {
    const std::string text = to_short_display(d);  // "Thu 27 Nov"
    return text.size() > 4 ? text.substr(4) : text;
}

}  // namespace

Booking MeetingOption::booking(const std::string& pupil_ref) const {
    return Booking{pupil_ref, kind, date, district, group, std::nullopt};
}

std::vector<TeacherOption> teacher_options(const Dataset& data, size_t pupil_index) {
    std::string_view district;
    if (pupil_index < data.pupils.size())
        if (const School* school = data.school(data.pupils[pupil_index].school_urn))
            district = school->district;
    std::vector<const Staff*> teachers;
    for (const Staff& s : data.staff)
        if (s.role == Role::specialist_teacher) teachers.push_back(&s);
    std::sort(teachers.begin(), teachers.end(), [&](const Staff* a, const Staff* b) {
        const bool home_a = same_text(a->district, district),
                   home_b = same_text(b->district, district);
        return std::tie(home_b, a->name, a->staff_id) < std::tie(home_a, b->name, b->staff_id);
    });
    std::vector<TeacherOption> options;
    options.reserve(teachers.size() + 1);
    for (const Staff* s : teachers)
        options.push_back(
            {s->staff_id, s->district.empty() ? s->name : s->name + " (" + s->district + ")"});
    options.push_back({"", "Unassigned"});
    return options;
}

std::vector<MeetingOption> meeting_options(const Dataset& data, size_t pupil_index, Date today,
                                           int referral_cap, size_t max_each) {
    std::vector<MeetingOption> options;
    if (pupil_index >= data.pupils.size()) return options;
    const PupilEntry& pupil = data.pupils[pupil_index];
    const School* school = data.school(pupil.school_urn);
    if (!school) return options;
    const auto own = data.bookings_of(pupil_index);
    const TermCalendar calendar(data.terms);

    std::vector<const LiftMeeting*> lift;
    for (const LiftMeeting& m : data.meetings) {
        if (deadline_of(m) < today || m.meeting_date < today) continue;
        if (!same_text(m.district, school->district)) continue;
        if (!same_text(m.group, group_on(data, calendar, *school, m.meeting_date))) continue;
        if (booked(own, BookingKind::lift, m.meeting_date)) continue;
        lift.push_back(&m);
    }
    std::sort(lift.begin(), lift.end(), [](const LiftMeeting* a, const LiftMeeting* b) {
        return a->meeting_date < b->meeting_date;
    });

    // The school's bookings at each candidate: one pass over the bookings, checking the
    // date first because it is cheap and rarely matches.
    std::vector<int> used(lift.size(), 0);
    for (const BookingEntry& b : data.bookings) {
        if (b.kind != BookingKind::lift) continue;
        for (size_t i = 0; i < lift.size(); ++i) {
            const LiftMeeting& m = *lift[i];
            if (b.meeting_date != m.meeting_date) continue;
            // A booking that names no district or group is for the school's own.
            if (!b.district.empty() && !same_text(b.district, m.district)) continue;
            if (!b.group.empty() && !same_text(b.group, m.group)) continue;
            if (data.pupils[b.pupil].school_urn == school->urn) ++used[i];
        }
    }
    for (size_t i = 0; i < lift.size() && options.size() < max_each; ++i) {
        if (used[i] >= referral_cap) continue;
        const LiftMeeting& m = *lift[i];
        MeetingOption o;
        o.kind = BookingKind::lift;
        o.date = m.meeting_date;
        o.district = m.district;
        o.group = m.group;
        o.venue = m.venue;
        o.deadline = deadline_of(m);
        o.school_bookings = used[i];
        o.label = "LIFT " + to_short_display(m.meeting_date) + ", group " + m.group +
                  ", deadline " + day_month(*o.deadline) + ", " +
                  places_left(used[i], referral_cap);
        options.push_back(std::move(o));
    }

    std::vector<const Surgery*> surgeries;
    for (const Surgery& s : data.surgeries)
        if (s.surgery_date >= today && same_text(s.district, school->district) &&
            !booked(own, BookingKind::surgery, s.surgery_date))
            surgeries.push_back(&s);
    std::sort(surgeries.begin(), surgeries.end(), [](const Surgery* a, const Surgery* b) {
        return std::tie(a->surgery_date, a->venue) < std::tie(b->surgery_date, b->venue);
    });
    size_t surgery_count = 0;
    for (size_t i = 0; i < surgeries.size() && surgery_count < max_each; ++i) {
        const Surgery& s = *surgeries[i];
        if (i > 0 && surgeries[i - 1]->surgery_date == s.surgery_date) continue;  // one per date
        MeetingOption o;
        o.kind = BookingKind::surgery;
        o.date = s.surgery_date;
        o.district = s.district;
        o.venue = s.venue;
        o.label =
            "Surgery " + to_short_display(s.surgery_date) + (s.venue.empty() ? "" : ", " + s.venue);
        options.push_back(std::move(o));
        ++surgery_count;
    }
    return options;
}

std::optional<Date> paperwork_booking(const Dataset& data, size_t pupil_index, Date today) {
    if (pupil_index >= data.pupils.size()) return std::nullopt;
    std::optional<Date> latest_past;
    for (const BookingEntry& b : data.bookings_of(pupil_index)) {  // by meeting date
        if (b.kind != BookingKind::lift || b.paperwork_received) continue;
        if (b.meeting_date >= today) return b.meeting_date;
        latest_past = b.meeting_date;
    }
    return latest_past;
}

}  // namespace core

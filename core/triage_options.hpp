// What a triage action can offer for one pupil: the specialist teachers to assign, the
// meetings the pupil can still be booked into (the next LIFT meetings of the school's
// group whose paperwork deadline has not passed and whose referral cap the school has
// not reached, and the coming Surgeries of the school's district), and which LIFT
// booking "paperwork received" is for. Pure: computed when an action form opens.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace core {

struct TeacherOption {
    std::string staff_id;  // "" = unassign
    std::string label;     // "Sam Teacher (Maidstone)", "Unassigned"
};

// Specialist teachers, those of the pupil's school district first, each part by name;
// "Unassigned" last.
std::vector<TeacherOption> teacher_options(const Dataset& data, size_t pupil_index);

struct MeetingOption {
    BookingKind kind = BookingKind::lift;
    Date date;
    std::string district, group, venue;
    std::optional<Date> deadline;  // LIFT: paperwork deadline
    int school_bookings = 0;       // LIFT: the school's bookings at it so far
    std::string label;             // "LIFT Thu 4 Dec, group B, deadline 27 Nov, 2 places left"

    // The booking this option makes for `pupil_ref`.
    Booking booking(const std::string& pupil_ref) const;
};

// At most `max_each` LIFT meetings then at most `max_each` Surgeries, each by date, that
// `pupil_index` is not booked into yet:
// - LIFT: of the school's district and of its group for the meeting's term (lift_groups,
//   else schools.lift_group), paperwork deadline (schedule, else meeting - 7) on or after
//   `today`, fewer than `referral_cap` LIFT bookings of the school at it;
// - Surgery: of the school's district, on or after `today` (one option per date).
// Empty when the pupil's school is unknown.
std::vector<MeetingOption> meeting_options(const Dataset& data, size_t pupil_index, Date today,
                                           int referral_cap, size_t max_each = 4);

// The LIFT booking "paperwork received" records against: the pupil's next LIFT booking
// (on or after today) without paperwork, else the latest earlier one without; nullopt
// when every LIFT booking has its paperwork (or there is none).
std::optional<Date> paperwork_booking(const Dataset& data, size_t pupil_index, Date today);

}  // namespace core

// What `liftboard pack` and `liftboard outcome-sheets` share: the LIFT meeting(s) a
// --meeting date (with --district and --group, when given) names in the schedule, and
// the one-line error naming what was asked for when there is none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"

namespace app {

struct MeetingQuery {
    core::Date date;
    std::string district;  // "" any
    std::string group;     // "" any
};

// The schedule's LIFT meetings on the date (of the district and group when given, in
// any case), by district then group.
std::vector<const core::LiftMeeting*> find_lift_meetings(const core::Dataset& data,
                                                         const MeetingQuery& query);
// "no LIFT meeting on 2025-11-21 in Maidstone for group B".
std::string no_meeting_message(const MeetingQuery& query);
// "Maidstone group A" for listing meetings in a message.
std::string meeting_name(const core::LiftMeeting& meeting);

}  // namespace app

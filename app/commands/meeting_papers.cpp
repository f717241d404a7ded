#include "app/commands/meeting_papers.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace app {
namespace {

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::vector<const core::LiftMeeting*> find_lift_meetings(const core::Dataset& data,
                                                         const MeetingQuery& query) {
    std::vector<const core::LiftMeeting*> found;
    for (const core::LiftMeeting& m : data.meetings)
        if (m.meeting_date == query.date &&
            (query.district.empty() || same_text(m.district, query.district)) &&
            (query.group.empty() || same_text(m.group, query.group)))
            found.push_back(&m);
    std::sort(found.begin(), found.end(),
              [](const core::LiftMeeting* a, const core::LiftMeeting* b) {
                  return std::tie(a->district, a->group) < std::tie(b->district, b->group);
              });
    return found;
}

std::string no_meeting_message(const MeetingQuery& query) {
    std::string text = "no LIFT meeting on " + core::to_iso(query.date);
    if (!query.district.empty()) text += " in " + query.district;
    if (!query.group.empty()) text += " for group " + query.group;
    return text;
}

std::string meeting_name(const core::LiftMeeting& meeting) {
    return meeting.district + " group " + meeting.group;
}

}  // namespace app

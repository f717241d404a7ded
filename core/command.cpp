#include "core/command.hpp"

namespace core {
namespace {

struct Describe {
    std::string operator()(const AssignTeacher& c) const {
        return c.staff_id.empty() ? "unassign " + c.pupil_ref
                                  : "assign " + c.pupil_ref + " to " + c.staff_id;
    }
    std::string operator()(const SetPriority& c) const {
        return "set priority of " + c.pupil_ref + " to " + std::to_string(c.priority);
    }
    std::string operator()(const BookMeeting& c) const {
        return "book " + c.booking.pupil_ref + " into " + std::string(to_string(c.booking.kind)) +
               " on " + to_iso(c.booking.meeting_date);
    }
    std::string operator()(const RecordEvent& c) const {
        return "record " + std::string(to_string(c.event.kind)) + " for " + c.event.pupil_ref +
               " on " + to_iso(c.event.date);
    }
    std::string operator()(const RecordPaperwork& c) const {
        return "record LIFT paperwork for " + c.pupil_ref + " (meeting " + to_iso(c.meeting_date) +
               ") received " + to_iso(c.received);
    }
    std::string operator()(const OpenCaselist& c) const {
        return "open caselist for " + c.event.pupil_ref + " on " + to_iso(c.event.date) + " with " +
               c.event.staff_id;
    }
    std::string operator()(const NewReferral& c) const {
        return "new referral " + c.pupil.pupil_ref + " at school " + c.pupil.school_urn;
    }
    std::string operator()(const ResolveConflict& c) const {
        return "resolve sync conflict " + std::to_string(c.conflict_id) +
               (c.keep_mine ? ": keep mine" : ": take theirs");
    }
};

}  // namespace

std::string describe(const Command& command) {
    return std::visit(Describe{}, command);
}

}  // namespace core

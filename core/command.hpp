// Triage edits from the UI, as typed commands. The UI never writes the database: it
// submits a command to a CommandSink (the writer thread), which applies it in a
// transaction, audits it and publishes a new snapshot. The future carries the outcome
// so a form can show an inline message.
#pragma once

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <variant>

#include "core/domain.hpp"

namespace core {

struct AssignTeacher {
    std::string pupil_ref;
    std::string staff_id;  // "" unassigns
};
struct SetPriority {
    std::string pupil_ref;
    int priority = 0;  // 0 none, 1 high .. 3 low
};
struct BookMeeting {
    Booking booking;  // lift or surgery; district and group of the meeting
};
struct RecordEvent {
    Event event;
};
struct RecordPaperwork {
    std::string pupil_ref;
    Date meeting_date;  // the LIFT booking
    Date received;
};
// Taken onto the STLS caselist at LIFT: the caselist_opened event (detail: the agreed
// outcome, staff_id: the teacher) and the case assigned to that teacher, in one edit.
struct OpenCaselist {
    Event event;
};
struct NewReferral {
    Pupil pupil;
    Date consent_date;
};

// A hub sync conflict (core::SyncConflict) settled: keep mine re-applies this board's
// edit against the hub's current row (checked again when pushed), take theirs drops it
// and keeps the hub's row. Either way it is audited here and on the hub.
struct ResolveConflict {
    int64_t conflict_id = 0;
    bool keep_mine = false;
};

using Command = std::variant<AssignTeacher, SetPriority, BookMeeting, RecordEvent, RecordPaperwork,
                             NewReferral, OpenCaselist, ResolveConflict>;

// One line for the audit trail and logs: "assign P000123 to ST02".
std::string describe(const Command& command);

struct CommandResult {
    bool ok = false;
    std::string message;  // why it was refused, or what was done
    bool disk_full = false;  // not saved because the store's disk is full: retry later
};

class CommandSink {
  public:
    virtual ~CommandSink() = default;
    virtual std::future<CommandResult> submit(Command command, std::string who) = 0;
};

}  // namespace core

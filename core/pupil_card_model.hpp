// What a pupil card shows, formatted once when the card opens (or the snapshot under
// it changes): who (initials, ref, and the name kept apart so privacy can drop it),
// the school and case facts, the current stage, the next step with its earliest date,
// the EHC clock and the HNF evidence checklist, the findings with their reasons, and
// the whole pathway timeline - every event and every booking - in date order. Pure:
// no ImGui, unit-tested without a window. In core because the lookup's card, the LIFT
// session board and the meeting pack all show it (lift_session.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/after_lift_view.hpp"
#include "core/snapshot.hpp"

namespace core {

struct CardFinding {
    Status status = Status::ok;
    std::string status_word;  // "Overdue"
    std::string rule;         // "paperwork-deadline"
    std::string due;          // "due 4 Dec 2025", "" when none
    std::string reason;
};

struct CardEntry {
    std::string date;       // "Thu 13 Mar 2025"
    std::string what;       // "Discussed at LIFT", "LIFT booked"
    std::string detail;     // "Speech and language therapy", "paperwork received 3 Nov"
    std::string owner;      // "owner: school"; free text, shown only with privacy off
    std::string note;       // what was agreed; free text, shown only with privacy off
    bool upcoming = false;  // after today: booked, not yet happened
    // What the entry is, for views that pick some out (the session's Surgery advice).
    Date day{};
    std::optional<EventKind> event{};      // set for an event
    std::optional<BookingKind> booking{};  // set for a booking
};

struct PupilCardModel {
    uint32_t pupil = 0;     // index into the snapshot's pupils
    std::string ref;        // "P000123"
    std::string label;      // privacy-safe: "K.T.  P000123"
    std::string full_name;  // "" when the data has none; drawn only with privacy off
    std::string school;     // "Larkspur Primary School, Maidstone"
    std::string facts;      // "Year 4  ·  C&L  ·  Teacher: <name>  ·  High priority"
    std::string stage;      // "SEN Support"
    std::string next_step;  // "Discuss at an STLS Surgery"
    std::string next_when;  // "earliest Mon 12 Jan 2026  ·  by ...", "" when undated
    Status worst = Status::ok;
    std::vector<CardFinding> findings;  // most severe first
    std::vector<CardEntry> timeline;    // oldest first, bookings among the events
    // After LIFT (core/after_lift_view.hpp): from SEN Support on, and while a request runs.
    std::optional<HnfChecklist> hnf;
    std::optional<EhcClock> ehc;
};

// The card of snapshot.data->pupils[pupil]; the snapshot must hold that pupil.
PupilCardModel build_pupil_card(const Snapshot& snapshot, uint32_t pupil);
// The same from the Dataset and the pupil's assessment (RulesEngine::assess), for a
// caller without a snapshot (the meeting pack); `due_window_days` as RulesConfig's.
PupilCardModel build_pupil_card(const Dataset& data, const PupilAssessment& assessment,
                                uint32_t pupil, Date today, int due_window_days);

// "A.B.  P000123": the label every lookup line and card leads with.
// "Year 4", "Reception", "" when unknown.
std::string year_label(int year_group);
// "Discussed at LIFT" for lift_discussed, and so on.
std::string_view event_label(EventKind kind);
// A contract detail code in words ("salt" -> "Speech and language therapy"); free
// text is returned as it is. (triage_forms' detail_label is the short form a choice
// list shows.)
std::string detail_words(std::string_view detail);

}  // namespace core

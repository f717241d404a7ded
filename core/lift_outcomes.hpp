// Validation of the outcomes the LIFT session records while the case is discussed: what
// the chair typed becomes a typed command for the writer, or a message per field saying
// what to fix. The six LIFT recommendation types (with owner, review date and note),
// "STLS consultation offered", "taken onto the caselist" (agreed outcome and teacher),
// "SODLIS issued" and "discussed". Pure functions of the input, the dataset, the
// meeting's date and "today", so every message is unit-tested and no form submits bad
// input. Events are dated the meeting's day: that is when LIFT decided them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/command.hpp"
#include "core/dataset.hpp"

namespace core {

// In the order the board lists them; the first six are keys 1-6.
enum class SessionOutcome : uint8_t {
    advice,
    training,
    school_support,
    specialist_intervention,
    early_help,
    health,
    consultation,
    caselist,
    sodlis,
    discussed,
};
inline constexpr int kSessionOutcomeCount = 10;
inline constexpr int kRecommendationTypes = 6;

// "Advice, support and ideas", ..., "STLS consultation offered", "Taken onto the
// caselist", "SODLIS issued", "Discussed at LIFT".
std::string_view outcome_label(SessionOutcome outcome);
// A LIFT recommendation (the first six): takes owner and review date.
bool is_recommendation(SessionOutcome outcome);
// The contract's `detail` of a recommendation ("specialist_intervention"); "" otherwise.
std::string_view recommendation_detail(SessionOutcome outcome);

struct OutcomeInput {
    SessionOutcome outcome = SessionOutcome::advice;
    // As typed. owner and review_date: recommendations; agreed_outcome and teacher_id
    // (a staff_id): the caselist; note: any.
    std::string owner{}, review_date{}, note{}, agreed_outcome{}, teacher_id{};
};

struct OutcomeCheck {
    std::optional<Command> command;
    // Inline messages, "" when good. `meeting_message` is for the form as a whole.
    std::string meeting_message{}, owner_message{}, review_message{}, note_message{},
        agreed_message{}, teacher_message{};
    bool ok() const { return command.has_value(); }
};

inline constexpr size_t kMaxOutcomeOwner = 60, kMaxOutcomeNote = 500;  // bytes, as typed

// Refused: a meeting after today (outcomes are recorded on the day or after), a pupil
// the data does not hold; a recommendation without an owner, or without a review date
// on or after the meeting; a caselist without an agreed outcome or a specialist
// teacher; text over the limits.
OutcomeCheck check_outcome(const OutcomeInput& input, const Dataset& data,
                           std::string_view pupil_ref, Date meeting_date, Date today);

}  // namespace core

// The outcome form of the LIFT session board: one outcome of the case under discussion
// (a recommendation with owner, review date and note; consultation, caselist with the
// agreed outcome and a teacher, SODLIS, discussed), checked by core/lift_outcomes and
// sent to the writer as one command. Shows "Saving…" until the writer answers, then
// "Saved" (the form closes) or the refusal; the case summary updates from the next
// snapshot. Nothing is written here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/lift_outcomes.hpp"
#include "widgets/board.hpp"
#include "widgets/form_fields.hpp"
#include "widgets/pending_command.hpp"

namespace widgets {

class SessionOutcomeForm {
  public:
    enum class Field : uint8_t { owner, review, agreed, teacher, note };

    // Opens the form for `outcome` of pupil `pupil_ref` at the meeting on `meeting`;
    // `default_review` prefills a recommendation's review date.
    void open(core::SessionOutcome outcome, std::string pupil_ref, core::Date meeting,
              std::optional<core::Date> default_review, const core::Dataset& data);
    void close() { open_ = false; }
    bool is_open() const { return open_; }
    core::SessionOutcome outcome() const { return input_.outcome; }
    const std::string& pupil_ref() const { return pupil_ref_; }
    bool waiting() const { return pending_.waiting(); }
    // The fields the open outcome has, in Tab order.
    std::vector<Field> fields() const;
    Field focused() const;
    // What the last Save found (messages per field), for the form and for tests.
    const core::OutcomeCheck& check() const { return check_; }
    // The last result line ("Saving…", "Saved: …", "Not saved: …"), "" before any.
    const std::string& result() const { return result_; }
    bool result_ok() const { return result_ok_; }

    // A key while the form is open (Esc closes, Enter saves, Tab moves, arrows and
    // digits choose the teacher); characters reach text fields through ImGui.
    void handle(const KeyInput& key, const core::Dataset& data, const BoardContext& context,
                core::Date today);
    // Collects the writer's answer; call once a frame, open or not.
    void poll();
    // Draws the open form across the current window's width.
    void draw(const core::Dataset& data, const BoardContext& context, core::Date today);

    // Typed values, for tests that fill the form without a keyboard.
    core::OutcomeInput& input() { return input_; }

  private:
    void submit(const core::Dataset& data, const BoardContext& context, core::Date today);

    bool open_ = false;
    std::string pupil_ref_;
    core::Date meeting_;
    core::OutcomeInput input_;
    std::vector<std::string> teacher_ids_, teacher_names_;
    int teacher_ = -1;
    FormFocus focus_;
    core::OutcomeCheck check_;
    PendingCommand pending_;
    std::string result_;
    bool result_ok_ = false;
};

}  // namespace widgets

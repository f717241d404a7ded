// The new referral form of the triage board: pupil ref, school (URN or name), initials,
// need area and the date parental consent was given. Checked by core::check_referral;
// each field shows its message inline once a save was tried, and nothing is submitted
// until every field is good. A valid form becomes one NewReferral command for the
// writer; the form then clears for the next referral.
#pragma once

#include <string>

#include "core/triage_forms.hpp"
#include "widgets/board.hpp"
#include "widgets/form_fields.hpp"
#include "widgets/pending_command.hpp"

namespace widgets {

class ReferralForm {
  public:
    enum FieldIndex : int { ref, school, initials, need, consent, kFieldCount };

    void open();
    void close() { open_ = false; }
    bool is_open() const { return open_; }
    bool waiting() const { return pending_.waiting(); }
    const core::ReferralInput& input() const { return input_; }
    int focused() const { return focus_.field; }

    // One key press, in order, while drawing (see TriageActions::handle).
    void handle(const KeyInput& key, const core::Snapshot& snapshot, const BoardContext& context);
    void draw(const core::Snapshot& snapshot, const BoardContext& context);

  private:
    void submit(const core::Snapshot& snapshot, const BoardContext& context);
    void text_row(const char* label, const char* id, std::string& value, const char* hint,
                  int index, const std::string& message, const BoardContext& context);

    bool open_ = false;
    core::ReferralInput input_;
    FormFocus focus_{0, kFieldCount, true};
    bool tried_ = false;  // messages show once a save was tried, then follow the typing
    core::ReferralCheck check_;
    PendingCommand pending_;
    std::string result_;
    bool result_ok_ = false;
};

}  // namespace widgets

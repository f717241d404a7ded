// The LIFT session board (--board session, F5): runs one LIFT meeting for the chair and
// the room. Left, the agenda: booked pupils in their time slots with each one's
// readiness from the rules; right, the case under discussion: the one-screen summary
// (school, year, need, stage, findings with reasons, Surgery advice so far, earlier
// recommendations and their reviews, HNF evidence, the pathway timeline), a case timer
// (amber with five minutes left, red when over; it never blocks anything), and the
// outcome buttons: 1-6 the LIFT recommendation types, C consultation, L caselist,
// S SODLIS, D discussed; N and P move between cases. Every outcome is a command to the
// writer (session_outcome_form.hpp). The model is core/lift_session, rebuilt once per
// snapshot; the wall (kiosk) and screenshots are read-only and show the agenda a page
// at a time beside the current case.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/lift_session.hpp"
#include "core/lift_session_timer.hpp"
#include "widgets/board.hpp"
#include "widgets/session_outcome_form.hpp"

namespace widgets {

// What the app passes from --meeting and [session].
struct SessionBoardSettings {
    std::string meeting;  // as typed (YYYY-MM-DD); "" = today's LIFT, else the next
    core::SessionSettings session;
    bool read_only = false;  // screenshots: the board shows, never records
};

class SessionBoard final : public Board {
  public:
    std::string_view name() const override { return "session"; }
    std::string_view title() const override { return "LIFT session"; }
    void configure(SessionBoardSettings settings);
    // A config reload's [session]: the agenda's slots are laid out again at the next
    // draw; the meeting, the case under discussion and its timer stay.
    void set_session_settings(core::SessionSettings session);
    void draw(const core::Snapshot& snapshot, const BoardContext& context) override;
    bool key(const KeyInput& key) override;
    void scroll(Scroll request) override { pending_scroll_ = request; }
    size_t pages() const override { return page_count_; }
    bool waiting() const override { return form_.waiting(); }

    // What the last draw showed (tests read them).
    const core::LiftSession* session() const { return session_ ? &*session_ : nullptr; }
    const std::string& error() const { return error_; }  // why there is no session
    size_t current() const { return current_; }
    const core::TimerState& timer() const { return timer_; }
    const SessionOutcomeForm& form() const { return form_; }
    SessionOutcomeForm& form() { return form_; }

  private:
    void refresh(const core::Snapshot& snapshot);
    void apply_keys(const core::Snapshot& snapshot, const BoardContext& context);
    void select(size_t index, std::chrono::steady_clock::time_point now);
    void open_form(core::SessionOutcome outcome, const core::Snapshot& snapshot);
    bool editable(const BoardContext& context) const {
        return !context.kiosk && context.commands != nullptr && !settings_.read_only;
    }
    void update_timer(const BoardContext& context);

    // Drawing (session_board_draw.cpp).
    void draw_heading(const BoardContext& context);
    void draw_agenda(const BoardContext& context, bool wall);
    void draw_case(const core::Snapshot& snapshot, const BoardContext& context, bool wall);
    void draw_case_details(const BoardContext& context, bool wall);
    void draw_outcome_buttons(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_kiosk(const core::Snapshot& snapshot, const BoardContext& context);

    SessionBoardSettings settings_;
    std::optional<core::Date> pinned_;  // the meeting once found: later snapshots keep it
    std::optional<core::LiftSession> session_;
    std::string error_;
    // What the model was built for.
    const core::Snapshot* cached_for_ = nullptr;
    uint64_t cached_generation_ = 0;
    std::chrono::system_clock::time_point cached_built_at_;

    size_t current_ = 0;
    std::string current_ref_;  // follows the case into a rebuilt agenda
    std::optional<std::chrono::steady_clock::time_point> started_;  // the case's timer
    core::TimerState timer_;
    std::vector<KeyInput> keys_;
    SessionOutcomeForm form_;
    std::string saved_;  // the last result line, kept after the form closes
    bool saved_ok_ = true;
    std::optional<Scroll> pending_scroll_;
    bool reveal_current_ = true;  // scroll the agenda to the current case next draw
    size_t page_count_ = 1;
    bool kiosk_ = false;         // the last draw's mode: the wall takes no keys
    std::string home_district_;  // the last draw's context.home_district
    std::string kiosk_label_;    // the wall's case line: "Now: " in its slot, else "First: "
};

}  // namespace widgets

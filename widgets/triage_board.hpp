// The triage board: pupils whose findings need action, most severe first, filtered by
// rule, school and teacher; sync conflicts from the hub at the top. In the office a row
// opens the pupil's action panel (assign, priority, book, record) and N opens the new
// referral form; every edit is a command to the writer thread, and the list updates
// from the next snapshot. On the wall (kiosk) or without a writer it is read-only.
//
// Keyboard: ↑/↓ (or Tab) move the focused row, PgUp/PgDn/Home/End jump, Enter opens the
// pupil, 1-4 pick an action, Tab moves between a form's fields, ↑/↓ or 1-9 choose in a
// list, Enter saves, Esc goes back; R/S/T cycle the rule/school/teacher filter (Shift:
// backwards), X clears them; C opens the sync conflicts (widgets/conflict_panel: 1 keep
// mine, 2 take theirs). Keys are queued between frames and applied while drawing.
#pragma once

#include <imgui.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/triage.hpp"
#include "widgets/board.hpp"
#include "widgets/conflict_panel.hpp"
#include "widgets/kiosk_table.hpp"
#include "widgets/referral_form.hpp"
#include "widgets/triage_actions.hpp"

namespace widgets {

class TriageBoard final : public Board {
  public:
    std::string_view name() const override { return "triage"; }
    std::string_view title() const override { return "Triage"; }
    void draw(const core::Snapshot& snapshot, const BoardContext& context) override;
    void scroll(Scroll request) override { pending_scroll_ = request; }
    bool key(const KeyInput& key) override;
    bool waiting() const override {
        return actions_.waiting() || referral_.waiting() || conflicts_.waiting();
    }
    size_t pages() const override { return pages_; }

    // What the last draw showed (tests look at them).
    const std::vector<uint32_t>& visible() const { return visible_; }  // into triage.rows
    std::optional<size_t> focused() const { return focus_; }           // into visible()
    const core::TriageFilter& filter() const { return filter_; }
    const TriageActions& actions() const { return actions_; }
    const ReferralForm& referral() const { return referral_; }
    const ConflictPanel& conflicts() const { return conflicts_; }

  private:
    void refresh(const core::Snapshot& snapshot, const BoardContext& context);
    void refilter(const core::Snapshot& snapshot);
    void apply_keys(const core::Snapshot& snapshot, const BoardContext& context);
    void list_key(const KeyInput& key, const core::Snapshot& snapshot);
    void cycle_filter(char which, int step, const core::TriageList& list);
    void move_focus(long long to, const core::Snapshot& snapshot);
    void open_row(size_t visible_index, const core::Snapshot& snapshot);

    void draw_summary(const BoardContext& context);
    void draw_filters(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_conflicts(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_table(const core::Snapshot& snapshot, const BoardContext& context, ImVec2 size,
                    bool narrow);
    void draw_row(const core::TriageRow& row, size_t visible_index, const core::Snapshot& snapshot,
                  const BoardContext& context, bool narrow, float row_height);
    void reveal_focus(float row_height, float header_height);
    void draw_help(const BoardContext& context);
    void apply_scroll(float row_height);
    // The wall: the list a page at a time, nothing cut off (triage_kiosk.cpp).
    void draw_kiosk(const core::Snapshot& snapshot, const BoardContext& context, ImVec2 size);

    core::TriageFilter filter_;
    std::vector<uint32_t> visible_;
    std::optional<size_t> focus_;
    std::string focus_ref_;  // the focused pupil, followed across snapshots and filters
    bool reveal_focus_ = false;
    std::optional<Scroll> pending_scroll_;
    std::vector<KeyInput> keys_;
    int rows_per_page_ = 10;
    bool interactive_ = false;  // not the wall: focus, filters, the panel
    bool editable_ = false;     // and a writer to send edits to
    TriageActions actions_;
    ReferralForm referral_;
    ConflictPanel conflicts_;

    // Identity of the snapshot the cached values belong to.
    const core::Snapshot* cached_for_ = nullptr;
    uint64_t cached_generation_ = 0;
    std::chrono::system_clock::time_point cached_built_at_;
    bool privacy_measured_ = true;
    std::string count_text_, today_;
    KioskTable kiosk_table_;
    const core::Snapshot* kiosk_for_ = nullptr;  // what the table was laid out for
    uint64_t kiosk_generation_ = 0;
    std::chrono::system_clock::time_point kiosk_built_at_;
    ImVec2 kiosk_size_{-1.0f, -1.0f};
    bool kiosk_privacy_ = true;
    size_t pages_ = 1;
    float pupil_width_ = 0.0f, status_width_ = 0.0f, due_width_ = 0.0f, priority_width_ = 0.0f;
};

}  // namespace widgets

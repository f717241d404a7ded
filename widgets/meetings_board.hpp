// The LIFT meeting board: this week's and next week's LIFT meetings and Surgeries of the
// home district, one card per meeting side by side (this week first, under a band naming
// each week), each listing its bookings with what is blocked or overdue marked in words
// and in red. A week without meetings says so. Read-only; the arrow and page keys scroll
// every card's booking list together.
#pragma once

#include <imgui.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "widgets/board.hpp"
#include "widgets/meetings_layout.hpp"

namespace widgets {

class MeetingsBoard final : public Board {
  public:
    std::string_view name() const override { return "meetings"; }
    std::string_view title() const override { return "LIFT meetings"; }
    void draw(const core::Snapshot& snapshot, const BoardContext& context) override;
    void scroll(Scroll request) override { pending_scroll_ = request; }

    // The columns of the last snapshot drawn (tests look at them).
    const std::vector<MeetingColumn>& columns() const { return columns_; }

  private:
    // Texts of a new snapshot; then what depends on the card size too.
    void refresh(const core::Snapshot& snapshot, const BoardContext& context);
    void layout(const core::Snapshot& snapshot, const BoardContext& context, ImVec2 card);
    void draw_summary(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_week_bands(const core::MeetingBoardModel& model, float x0, float width,
                         const BoardContext& context);

    std::optional<Scroll> pending_scroll_;

    // What the cached texts were made for: a new snapshot or a new width remakes them.
    const core::Snapshot* cached_for_ = nullptr;
    uint64_t cached_generation_ = 0;
    std::chrono::system_clock::time_point cached_built_at_;
    ImVec2 laid_out_for_{-1.0f, -1.0f};  // the card size school_lines_ were made for
    std::vector<MeetingColumn> columns_;
    std::vector<std::vector<std::string>> school_lines_;  // parallel to model.cards
    std::string summary_;  // "Maidstone  ·  3 meetings  ·  96 pupils booked"
    std::string alarm_;    // "4 blocked  ·  3 overdue", or "nothing blocked or overdue"
    bool any_alarm_ = false;
    std::string attention_;  // "2 due soon  ·  6 to check", or ""
    std::string today_;      // "Today 20 Nov 2025"
    std::string empty_[2];   // per week, for a week without meetings
};

}  // namespace widgets

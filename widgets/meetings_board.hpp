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
#include "widgets/kiosk_table.hpp"
#include "widgets/meetings_layout.hpp"

namespace widgets {

class MeetingsBoard final : public Board {
  public:
    std::string_view name() const override { return "meetings"; }
    std::string_view title() const override { return "LIFT meetings"; }
    void draw(const core::Snapshot& snapshot, const BoardContext& context) override;
    void scroll(Scroll request) override { pending_scroll_ = request; }
    size_t pages() const override { return kiosk_page_count_; }

    // The columns of the last snapshot drawn (tests look at them).
    const std::vector<MeetingColumn>& columns() const { return columns_; }

  private:
    // Texts of a new snapshot; then what depends on the card size too.
    void refresh(const core::Snapshot& snapshot, const BoardContext& context);
    void layout(const core::Snapshot& snapshot, const BoardContext& context, ImVec2 card);
    void draw_summary(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_week_bands(const core::MeetingBoardModel& model, float x0, float width,
                         const BoardContext& context);

    // The wall: one meeting at a time across the whole width, its bookings paged
    // (meetings_kiosk.cpp).
    void draw_kiosk(const core::Snapshot& snapshot, const BoardContext& context);
    void layout_kiosk(const core::Snapshot& snapshot, const BoardContext& context, ImVec2 size);

    std::optional<Scroll> pending_scroll_;
    struct KioskPage {
        size_t column = 0;      // into columns_
        size_t page = 0;        // of that column's table
        bool overview = false;  // the meeting's header and schools, no bookings
        bool compact = false;   // the header without the schools (shown on the overview)
    };
    std::vector<KioskTable> kiosk_tables_;  // parallel to columns_
    std::vector<KioskPage> kiosk_pages_;
    ImVec2 kiosk_size_{-1.0f, -1.0f};
    bool kiosk_privacy_ = true;
    size_t kiosk_page_count_ = 1;

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

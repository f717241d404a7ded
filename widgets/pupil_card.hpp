// The pupil card of the quick lookup: one pupil's place on the pathway at a glance -
// who, which school, the current stage, the next step and its earliest date, the EHC
// clock of an open request and the HNF evidence checklist, the findings with their
// reasons - and the whole timeline below, scrolling. With privacy off the card leads
// with the pupil's name, but only for BoardContext::card_revert after it was opened:
// then it reverts to initials, so a name does not stay on a screen someone walked
// away from. Owners and notes in the timeline are free text that may name people:
// drawn only with privacy off.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "widgets/board.hpp"
#include "core/pupil_card_model.hpp"

namespace widgets {

using core::CardEntry;
using core::CardFinding;
using core::PupilCardModel;

class PupilCard {
  public:
    // Opens the card of snapshot.data->pupils[pupil]; the name clock starts at `now`.
    void open(const core::Snapshot& snapshot, uint32_t pupil,
              std::chrono::steady_clock::time_point now);
    void close() { model_.reset(); }
    bool is_open() const { return model_.has_value(); }
    const PupilCardModel* model() const { return model_ ? &*model_ : nullptr; }

    // Follows the pupil (by ref) into a newer snapshot; closes when the pupil is gone.
    void follow(const core::Snapshot& snapshot);
    // Whether the card shows the pupil's name at context.now.
    bool shows_name(const BoardContext& context) const;
    // Applied on the next draw.
    void scroll(Scroll request) { pending_scroll_ = request; }

    // Draws into the current window, filling it; true when its Close button was pressed.
    bool draw(const BoardContext& context);

  private:
    void draw_header(const BoardContext& context, bool& close_pressed);
    void draw_stage(const BoardContext& context);
    void draw_ehc_clock(const BoardContext& context);
    void draw_hnf_checklist(const BoardContext& context);
    void draw_findings(const BoardContext& context);
    void draw_timeline(const BoardContext& context);
    void apply_scroll();

    std::optional<PupilCardModel> model_;
    std::chrono::steady_clock::time_point opened_at_;
    // Identity of the snapshot the model was built from.
    const core::Snapshot* built_for_ = nullptr;
    uint64_t built_generation_ = 0;
    std::chrono::system_clock::time_point built_at_;
    std::optional<Scroll> pending_scroll_;
};

}  // namespace widgets

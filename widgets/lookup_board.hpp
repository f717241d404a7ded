// The quick lookup board: a search box over the snapshot's SearchIndex, filtering
// pupils (by ref and initials; by name only with privacy off) and schools as you type,
// and a pupil card beside the results. For status questions in meetings: "where is
// K.T. from Larkspur on the pathway, and what is next?"
//
// Keyboard: / (or any letter or digit) starts typing in the search box; ↑/↓ choose a
// result, PgUp/PgDn page through them (or the open card); Enter opens a pupil's card,
// or lists a school's pupils; Esc closes the card, then clears the search, then leaves
// the school; Tab moves between the search box and the results. Every row and button
// is a touch target. Keys arrive through key() from the app's lossless queue and are
// applied while drawing; typed characters come through ImGui's character queue.
#pragma once

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/search_index.hpp"
#include "widgets/board.hpp"
#include "widgets/lookup_lines.hpp"
#include "widgets/pupil_card.hpp"

namespace widgets {

class LookupBoard final : public Board {
  public:
    std::string_view name() const override { return "lookup"; }
    std::string_view title() const override { return "Quick lookup"; }
    void draw(const core::Snapshot& snapshot, const BoardContext& context) override;
    void scroll(Scroll request) override;
    bool key(const KeyInput& key) override;
    // While a card shows a name, frames keep coming so it reverts on time.
    bool waiting() const override { return name_on_screen_; }

    // Sets the search text as if typed (tests, benchmarks, screenshots).
    void set_query(std::string query);
    const std::string& query() const { return query_; }
    // Opens the card of the pupil with this ref on the next draw; false if unknown
    // in the last snapshot drawn.
    void open_pupil(std::string_view pupil_ref);
    // Lists the pupils of the school with this URN (as Enter on a school line does).
    void enter_school(std::string_view urn);

    // What the last draw showed (tests look at them).
    const std::vector<LookupLine>& lines() const { return lines_; }
    std::optional<size_t> selected() const { return selected_; }
    const PupilCard& card() const { return card_; }
    const core::SearchResults& results() const { return results_; }
    bool search_focused() const { return search_active_; }
    // Height of a result row (a touch target) in pixels, as last drawn.
    float row_height() const { return row_height_; }

  private:
    struct Identity {
        const core::Snapshot* snapshot = nullptr;
        uint64_t generation = 0;
        std::chrono::system_clock::time_point built_at;
        bool operator==(const Identity&) const = default;
    };

    void refresh(const core::Snapshot& snapshot, const BoardContext& context);
    void take_typed_characters();
    void apply_keys(const core::Snapshot& snapshot, const BoardContext& context);
    void move_selection(long long to);
    void activate(size_t line, const core::Snapshot& snapshot, const BoardContext& context);
    void remember(const std::string& pupil_ref);
    void escape();

    void draw_layout(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_title(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_search(const BoardContext& context);
    void draw_scope(const BoardContext& context);
    void draw_results(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_line(const LookupLine& line, size_t index, const core::Snapshot& snapshot,
                   const BoardContext& context, float row_height);
    void draw_help(const BoardContext& context);

    std::string query_;
    std::string scope_urn_;  // a school whose pupils the list is narrowed to, "" none
    std::optional<uint32_t> scope_;
    std::string scope_name_;
    std::vector<KeyInput> keys_;
    std::optional<Scroll> pending_scroll_;
    std::string pending_open_;  // ref to open on the next draw

    // Focus of the search box: requests for the next draw, and what the last draw saw.
    bool focus_search_ = false;
    bool blur_search_ = false;
    bool caret_to_end_ = false;
    bool reset_search_ = false;  // the query changed under an active box: restart it
    bool search_active_ = false;
    bool search_focus_pending_ = false;  // asked for last frame, active from the next

    // The results of (query, scope, privacy) on one snapshot, kept until one changes.
    Identity results_for_;
    std::string results_query_, results_scope_;
    bool results_privacy_ = true;
    core::SearchResults results_;
    std::vector<LookupLine> lines_;
    bool showing_recent_ = false;  // empty search: the lines are the recent cards
    std::string summary_, totals_, today_;
    std::optional<size_t> selected_;
    bool reveal_selected_ = false;
    int rows_per_page_ = 8;
    float row_height_ = 0.0f;

    std::deque<std::string> recent_;  // refs of the cards opened, newest first
    PupilCard card_;
    bool name_on_screen_ = false;
};

}  // namespace widgets

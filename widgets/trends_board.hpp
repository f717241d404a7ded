// The trends board: how the service is doing, for the wall. The snapshot's per-term
// figures (core/trends.hpp) as bar charts of the last six terms, values written on the
// bars and this term highlighted, the EHC plan chart against the national figure, and
// each teacher's load. Counts only: no pupil appears on this board at all.
#pragma once

#include <imgui.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "widgets/board.hpp"

namespace widgets {

class TrendsBoard final : public Board {
  public:
    std::string_view name() const override { return "trends"; }
    std::string_view title() const override { return "Trends"; }
    void draw(const core::Snapshot& snapshot, const BoardContext& context) override;
    // On the wall the charts are shown a page at a time, as many as fit legibly.
    size_t pages() const override { return pages_; }

    // One chart as drawn: a bar per term, formatted once per snapshot.
    struct Chart {
        std::string title;                          // "Paperwork on time %"
        std::vector<std::optional<double>> values;  // per term, oldest first
        std::vector<std::string> labels;            // value text per term; "–" without one
        double top = 1.0;                           // the value a full-height bar shows
        std::optional<double> reference;            // a national comparison line
        std::string reference_label;
    };
    // The charts of the last snapshot drawn (tests look at them).
    const std::vector<Chart>& charts() const { return charts_; }

  private:
    // How the charts share the grid: columns and rows per page, and whether a term's
    // label needs two lines ("Au" over "24") to fit under its bar.
    struct Layout {
        int columns = 1, rows = 1;
        ImVec2 cell;
        bool term_on_two_lines = false;
    };
    void refresh(const core::Snapshot& snapshot);
    Layout layout(ImVec2 grid, float gap, const BoardContext& context) const;
    float chart_height_needed(const Chart& chart, float width, bool term_on_two_lines,
                              const BoardContext& context) const;
    void draw_chart(const Chart& chart, ImVec2 origin, ImVec2 size, bool term_on_two_lines,
                    const BoardContext& context);
    void draw_teachers(const core::Snapshot& snapshot, ImVec2 origin, ImVec2 size,
                       const BoardContext& context);

    const core::Snapshot* cached_for_ = nullptr;
    uint64_t cached_generation_ = 0;
    std::chrono::system_clock::time_point cached_built_at_;
    std::vector<Chart> charts_;
    std::vector<std::string> term_labels_;  // "Au 24"
    int current_ = -1;                      // index of this term, -1 when none
    std::string subtitle_, today_;
    std::vector<std::string> teacher_counts_, teacher_late_;
    int teacher_top_ = 1;  // the most open cases of any teacher
    size_t pages_ = 1;
};

}  // namespace widgets

// The caseload board: the STLS caselist as a wall table (pupil, school, need area,
// stage, last and next visit, next action), grouped by specialist teacher with each
// teacher's load on the group row, late visits highlighted. Draws only the visible
// rows (ImGuiListClipper), so 100k open cases cost the same per frame as 100. On the
// wall the list is paged instead (a teacher or a screenful at a time, nothing cut off).
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "widgets/board.hpp"
#include "widgets/caseload_lines.hpp"
#include "widgets/kiosk_table.hpp"

namespace widgets {

class CaseloadBoard final : public Board {
  public:
    // `grouped`: a header row per teacher (the wall default); otherwise one flat,
    // sortable list with a Teacher column.
    explicit CaseloadBoard(bool grouped = true) : grouped_(grouped) {}

    std::string_view name() const override { return "caseload"; }
    std::string_view title() const override { return "Caseload"; }
    void draw(const core::Snapshot& snapshot, const BoardContext& context) override;
    void scroll(Scroll request) override { pending_scroll_ = request; }
    size_t pages() const override { return pages_; }

    // The lines of the last snapshot drawn (tests and benchmarks look at them).
    const std::vector<CaseloadLine>& lines() const { return lines_; }

  private:
    void refresh(const core::Snapshot& snapshot, const BoardContext& context);
    void measure_columns(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_summary(const core::Snapshot& snapshot, const BoardContext& context);
    void draw_table(const core::Snapshot& snapshot, const BoardContext& context, float height);
    void draw_teacher_line(const core::TeacherLoad& load, const BoardContext& context);
    void draw_case_line(const core::CaseloadRow& row, const core::Snapshot& snapshot,
                        const BoardContext& context);
    void apply_scroll(float row_height);
    void draw_kiosk(const core::Snapshot& snapshot, const BoardContext& context);

    bool grouped_;
    CaseloadSort sort_;
    std::optional<Scroll> pending_scroll_;

    // Identity of the snapshot the cached lines belong to: a new one rebuilds them.
    const core::Snapshot* cached_for_ = nullptr;
    uint64_t cached_generation_ = 0;
    std::chrono::system_clock::time_point cached_built_at_;
    std::vector<CaseloadLine> lines_;
    std::string summary_;          // "312 open cases  ·  12 teachers"
    std::string summary_overdue_;  // "41 visits overdue", red on the title line
    bool any_overdue_ = false;
    std::string today_;  // "Today 20 Nov 2025"
    // Widths of the fixed columns, by CaseloadColumn, measured on a sample of the rows
    // once per snapshot: fixed, so the layout never shifts while the list scrolls.
    std::array<float, 8> column_width_{};
    bool privacy_measured_ = true;  // the privacy setting the widths were measured for
    // The wall's pages, laid out for this size once per snapshot.
    KioskTable kiosk_table_;
    ImVec2 kiosk_size_{-1.0f, -1.0f};
    size_t pages_ = 1;
};

}  // namespace widgets

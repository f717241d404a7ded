// Drawing of the caseload board (see caseload_board.hpp). Everything a row shows was
// formatted when the snapshot was built; a frame only picks colours and places text.
#include "widgets/caseload_board.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/after_lift_view.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/heading_line.hpp"
#include "widgets/pupil_line.hpp"
#include "widgets/theme.hpp"

namespace widgets {

namespace {

struct ColumnSpec {
    const char* label;
    CaseloadColumn id;
    float weight;  // share of the free width for stretch columns; 0 for fixed ones
};

// Short columns are as wide as their values (measured per snapshot); the free text
// columns (school, teacher, next action) share what is left.
constexpr std::array kColumns = {
    ColumnSpec{"Pupil", CaseloadColumn::pupil, 0.0f},
    ColumnSpec{"School", CaseloadColumn::school, 1.0f},
    ColumnSpec{"Need", CaseloadColumn::need, 0.0f},
    ColumnSpec{"Stage", CaseloadColumn::stage, 0.0f},
    ColumnSpec{"Teacher", CaseloadColumn::teacher, 0.7f},
    ColumnSpec{"Last visit", CaseloadColumn::last_visit, 0.0f},
    ColumnSpec{"Next visit", CaseloadColumn::next_visit, 0.0f},
    ColumnSpec{"Next action", CaseloadColumn::next_action, 1.1f},
};

// Rows measured for column widths: enough to meet the long values, few enough to be
// cheap with 100k rows.
constexpr size_t kMeasuredRows = 1000;
constexpr const char* kLateSample = "000d late";

// "11,099": counts on a wall are read at a glance.
std::string grouped_digits(size_t n) {
    std::string digits = std::to_string(n);
    for (size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

// The EHC clock badge beside the stage ("EHC wk 9/20"), for a pupil with a request open.
float ehc_badge_width(const core::CaseloadRow& row, float spacing) {
    return row.ehc_week ? spacing + text_width(core::ehc_badge(row.ehc_week)) : 0.0f;
}

}  // namespace

void CaseloadBoard::refresh(const core::Snapshot& snapshot, const BoardContext& context) {
    if (cached_for_ == &snapshot && cached_generation_ == snapshot.generation &&
        cached_built_at_ == snapshot.built_at)
        return;
    cached_for_ = &snapshot;
    cached_generation_ = snapshot.generation;
    cached_built_at_ = snapshot.built_at;
    lines_ = caseload_lines(snapshot, sort_, grouped_);
    measure_columns(snapshot, context);
    kiosk_size_ = ImVec2(-1.0f, -1.0f);

    int overdue = 0;
    for (const auto& load : snapshot.teacher_loads) overdue += load.overdue_visits;
    const size_t cases = snapshot.caseload.size();
    const size_t teachers = snapshot.teacher_loads.size();
    summary_ = grouped_digits(cases) + (cases == 1 ? " open case" : " open cases") + "  ·  " +
               grouped_digits(teachers) + (teachers == 1 ? " teacher" : " teachers");
    any_overdue_ = overdue > 0;
    summary_overdue_ = overdue == 0 ? std::string("no visits overdue")
                                    : grouped_digits(static_cast<size_t>(overdue)) +
                                          (overdue == 1 ? " visit overdue" : " visits overdue");
    today_ = "Today " + core::to_display(snapshot.today);
}

void CaseloadBoard::measure_columns(const core::Snapshot& snapshot, const BoardContext& context) {
    // Header labels are bold and leave room for the sort arrow.
    ImGui::PushFont(context.fonts->bold);
    for (const ColumnSpec& column : kColumns)
        column_width_[static_cast<size_t>(column.id)] =
            text_width(column.label) + ImGui::GetFontSize();
    ImGui::PopFont();
    auto widen = [this](CaseloadColumn column, float width) {
        float& current = column_width_[static_cast<size_t>(column)];
        current = std::max(current, width);
    };
    const auto& rows = snapshot.caseload;
    const size_t step = std::max<size_t>(1, rows.size() / kMeasuredRows);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    for (size_t i = 0; i < rows.size(); i += step) {
        const core::CaseloadRow& row = rows[i];
        widen(CaseloadColumn::pupil,
              text_width(pupil_line(snapshot, row.pupil, row.pupil_label, context.privacy)));
        widen(CaseloadColumn::need, text_width(row.need_area));
        widen(CaseloadColumn::stage, text_width(row.stage) + ehc_badge_width(row, spacing));
        widen(CaseloadColumn::last_visit, text_width(core::last_visit_text(row)));
        widen(CaseloadColumn::next_visit, text_width(core::next_visit_text(row)));
        if (row.visit_overdue) {
            ImGui::PushFont(context.fonts->bold);
            const float date = text_width(core::next_visit_text(row));
            ImGui::PopFont();
            widen(CaseloadColumn::next_visit, date + spacing + text_width(kLateSample));
        }
    }
    privacy_measured_ = context.privacy;
}

void CaseloadBoard::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    if (privacy_measured_ != context.privacy) cached_for_ = nullptr;
    refresh(snapshot, context);
    draw_summary(snapshot, context);
    pages_ = 1;
    if (context.kiosk && !snapshot.caseload.empty())
        draw_kiosk(snapshot, context);
    else
        draw_table(snapshot, context, ImGui::GetContentRegionAvail().y);
}

void CaseloadBoard::draw_kiosk(const core::Snapshot& snapshot, const BoardContext& context) {
    const ImVec2 size = ImGui::GetContentRegionAvail();
    if (size.x != kiosk_size_.x || size.y != kiosk_size_.y) {
        kiosk_size_ = size;
        const Palette& p = palette();
        ImFont* bold = context.fonts->bold;
        // Fewer columns than the desk: the last visit is implied by the next one.
        std::vector<KioskColumn> columns = {{"Pupil", 0.0f},      {"School", 1.0f},
                                            {"Need", 0.0f},       {"Stage", 0.0f},
                                            {"Next visit", 0.0f}, {"Next action", 1.3f}};
        if (!grouped_) columns.insert(columns.begin() + 2, KioskColumn{"Teacher", 0.7f});
        std::vector<KioskRow> rows;
        rows.reserve(lines_.size());
        for (const CaseloadLine& line : lines_) {
            KioskRow row;
            if (line.kind == CaseloadLine::Kind::teacher) {
                const core::TeacherLoad& load = snapshot.teacher_loads[line.index];
                row.group = true;
                std::vector<KioskRun> runs = {
                    {load.name, p.accent, bold},
                    {std::to_string(load.cases) + (load.cases == 1 ? " case" : " cases"), p.text}};
                if (load.overdue_visits > 0)
                    runs.push_back(
                        {std::to_string(load.overdue_visits) +
                             (load.overdue_visits == 1 ? " visit overdue" : " visits overdue"),
                         p.overdue, bold});
                row.cells.push_back(with_separators(std::move(runs)));
                rows.push_back(std::move(row));
                continue;
            }
            const core::CaseloadRow& c = snapshot.caseload[line.index];
            if (c.visit_overdue) row.tint = p.overdue_row;
            auto cell = [&](std::string text, const ImVec4& colour, ImFont* font = nullptr) {
                if (text.empty()) return row.cells.push_back({{"â", p.text_dim}});
                row.cells.push_back({{std::move(text), colour, font}});
            };
            cell(pupil_line(snapshot, c.pupil, c.pupil_label, context.privacy), p.text);
            cell(std::string(c.school), p.text);
            if (!grouped_) cell(std::string(c.teacher), p.text);
            cell(std::string(c.need_area), p.text);
            cell(std::string(c.stage), p.text_dim);
            if (c.visit_overdue && c.next_visit_due) {
                row.cells.push_back(
                    {{core::next_visit_text(c), p.overdue, bold},
                     {"  " + std::to_string(snapshot.today - *c.next_visit_due) + "d late",
                      p.overdue}});
            } else {
                cell(core::next_visit_text(c), p.text);
            }
            cell(std::string(c.next_action),
                 c.worst == core::Status::ok ? p.text : status_colour(c.worst));
            rows.push_back(std::move(row));
        }
        kiosk_table_.layout(std::move(columns), std::move(rows), size, grouped_, context);
    }
    pages_ = kiosk_table_.pages();
    kiosk_table_.draw(context.page, context);
}

void CaseloadBoard::draw_summary(const core::Snapshot&, const BoardContext& context) {
    const Palette& p = palette();
    HeadingLine heading(title(), context);
    heading.add(summary_, p.text_dim);
    heading.dot();
    heading.add(summary_overdue_, any_overdue_ ? p.overdue : p.ok,
                any_overdue_ ? context.fonts->bold : nullptr);
    heading.date(today_);
    ImGui::Dummy(ImVec2(0.0f, 2.0f * context.scale));
}

void CaseloadBoard::draw_table(const core::Snapshot& snapshot, const BoardContext& context,
                               float height) {
    const Palette& p = palette();
    if (snapshot.caseload.empty()) {
        text_coloured("No open caselist cases.", p.text_dim);
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Sortable |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    const int column_count = static_cast<int>(kColumns.size()) - (grouped_ ? 1 : 0);
    if (!ImGui::BeginTable("caseload", column_count, flags, ImVec2(0.0f, height))) return;

    ImGui::TableSetupScrollFreeze(0, 1);
    for (const ColumnSpec& column : kColumns) {
        if (grouped_ && column.id == CaseloadColumn::teacher) continue;
        const bool stretch = column.weight > 0.0f;
        ImGuiTableColumnFlags column_flags =
            stretch ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
        if (column.id == CaseloadColumn::next_visit)
            column_flags |= ImGuiTableColumnFlags_DefaultSort;
        const float width = stretch ? column.weight : column_width_[static_cast<size_t>(column.id)];
        ImGui::TableSetupColumn(column.label, column_flags, width, static_cast<ImGuiID>(column.id));
    }
    ImGui::PushFont(context.fonts->bold);
    ImGui::TableHeadersRow();
    ImGui::PopFont();

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            sort_.column = static_cast<CaseloadColumn>(specs->Specs[0].ColumnUserID);
            sort_.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        }
        lines_ = caseload_lines(snapshot, sort_, grouped_);
        specs->SpecsDirty = false;
    }

    // Every line is one text line high: the clipper relies on equal heights.
    const float row_height = ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().CellPadding.y;
    apply_scroll(row_height);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const CaseloadLine& line = lines_[static_cast<size_t>(i)];
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
            if (line.kind == CaseloadLine::Kind::teacher)
                draw_teacher_line(snapshot.teacher_loads[line.index], context);
            else
                draw_case_line(snapshot.caseload[line.index], snapshot, context);
        }
    }
    ImGui::EndTable();
}

void CaseloadBoard::draw_teacher_line(const core::TeacherLoad& load, const BoardContext& context) {
    const Palette& p = palette();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, to_u32(p.group_row));
    ImGui::TableSetColumnIndex(0);
    // The group label spans the whole row: widen the first cell's clip rectangle to the
    // table's right edge (tables have no column span).
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::PushClipRect(ImVec2(start.x, start.y - ImGui::GetStyle().CellPadding.y),
                        ImVec2(right, start.y + ImGui::GetTextLineHeightWithSpacing()), false);
    text_coloured(load.name, p.accent, context.fonts->bold);
    ImGui::SameLine(0.0f, 24.0f * context.scale);
    ImGui::Text("%d %s", load.cases, load.cases == 1 ? "case" : "cases");
    if (load.overdue_visits > 0) {
        ImGui::SameLine(0.0f, 24.0f * context.scale);
        ImGui::PushStyleColor(ImGuiCol_Text, p.overdue);
        ImGui::Text("%d %s overdue", load.overdue_visits,
                    load.overdue_visits == 1 ? "visit" : "visits");
        ImGui::PopStyleColor();
    }
    ImGui::PopClipRect();
}

void CaseloadBoard::draw_case_line(const core::CaseloadRow& row, const core::Snapshot& snapshot,
                                   const BoardContext& context) {
    const Palette& p = palette();
    if (row.visit_overdue) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, to_u32(p.overdue_row));

    ImGui::TableNextColumn();
    // Privacy off (office screen only): the name first, the reference after it.
    text_fitted(pupil_line(snapshot, row.pupil, row.pupil_label, context.privacy), p.text);
    ImGui::TableNextColumn();
    text_fitted(row.school, p.text);
    ImGui::TableNextColumn();
    text_fitted(row.need_area, p.text);
    ImGui::TableNextColumn();
    const float badge = ehc_badge_width(row, ImGui::GetStyle().ItemSpacing.x);
    text_fitted(row.stage.empty() ? std::string_view("–") : std::string_view(row.stage), p.text_dim,
                std::max(1.0f, ImGui::GetContentRegionAvail().x - badge));
    if (row.ehc_week) {
        ImGui::SameLine();
        text_fitted(core::ehc_badge(row.ehc_week), status_colour(row.ehc_status));
    }
    if (!grouped_) {
        ImGui::TableNextColumn();
        text_fitted(row.teacher, p.text);
    }
    ImGui::TableNextColumn();
    text_fitted(core::last_visit_text(row), row.last_visit ? p.text : p.text_dim);

    ImGui::TableNextColumn();
    if (row.visit_overdue && row.next_visit_due) {
        text_coloured(core::next_visit_text(row), p.overdue, context.fonts->bold);
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, p.overdue);
        ImGui::Text("%dd late", snapshot.today - *row.next_visit_due);
        ImGui::PopStyleColor();
    } else {
        text_fitted(core::next_visit_text(row), p.text);
    }

    ImGui::TableNextColumn();
    const ImVec4& action_colour = row.worst == core::Status::ok ? p.text : status_colour(row.worst);
    text_fitted(row.next_action.empty() ? std::string_view("–") : std::string_view(row.next_action),
                row.next_action.empty() ? p.text_dim : action_colour);
}

void CaseloadBoard::apply_scroll(float row_height) {
    if (!pending_scroll_) return;
    scroll_table(*pending_scroll_, row_height);
    pending_scroll_.reset();
}

}  // namespace widgets

// The triage board's table (see triage_board.hpp): one touch-high line per pupil, drawn
// through ImGuiListClipper so 100k rows cost what a screenful does; the focused row is
// highlighted and kept in view; the whole line is one touch target.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/snapshot.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/form_fields.hpp"
#include "widgets/pupil_line.hpp"
#include "widgets/theme.hpp"
#include "widgets/triage_board.hpp"

namespace widgets {
namespace {

enum class Column { pupil, school, teacher, priority, status, rule, due, reason };

struct ColumnSpec {
    const char* label;
    Column id;
    float weight;  // share of the free width for stretch columns; 0 for fixed ones
};

constexpr std::array kFull = {
    ColumnSpec{"Pupil", Column::pupil, 0.0f},     ColumnSpec{"School", Column::school, 0.9f},
    ColumnSpec{"Teacher", Column::teacher, 0.6f}, ColumnSpec{"Priority", Column::priority, 0.0f},
    ColumnSpec{"Status", Column::status, 0.0f},   ColumnSpec{"Rule", Column::rule, 0.8f},
    ColumnSpec{"Due", Column::due, 0.0f},         ColumnSpec{"Reason", Column::reason, 2.0f},
};
// Beside the action panel: what identifies the pupil and why it is listed.
constexpr std::array kNarrow = {
    ColumnSpec{"Pupil", Column::pupil, 0.0f},
    ColumnSpec{"Status", Column::status, 0.0f},
    ColumnSpec{"Due", Column::due, 0.0f},
    ColumnSpec{"Reason", Column::reason, 1.0f},
};

}  // namespace

void TriageBoard::draw_table(const core::Snapshot& snapshot, const BoardContext& context,
                             ImVec2 size, bool narrow) {
    const Palette& p = palette();
    if (visible_.empty()) {
        ImGui::BeginChild("##empty", size);
        text_coloured(filter_.any() ? "No pupil matches these filters (X clears them)."
                                    : "No pupil needs action: every check passes.",
                      filter_.any() ? p.text_dim : p.ok);
        ImGui::EndChild();
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    const std::span<const ColumnSpec> columns =
        narrow ? std::span<const ColumnSpec>(kNarrow) : std::span<const ColumnSpec>(kFull);
    if (!ImGui::BeginTable(narrow ? "triage_narrow" : "triage", static_cast<int>(columns.size()),
                           flags, size))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const ColumnSpec& column : columns) {
        float width = column.weight;
        switch (column.id) {
            case Column::pupil:
                width = pupil_width_;
                break;
            case Column::priority:
                width = priority_width_;
                break;
            case Column::status:
                width = status_width_;
                break;
            case Column::due:
                width = due_width_;
                break;
            default:
                break;
        }
        ImGui::TableSetupColumn(column.label,
                                column.weight > 0.0f ? ImGuiTableColumnFlags_WidthStretch
                                                     : ImGuiTableColumnFlags_WidthFixed,
                                width);
    }
    ImGui::PushFont(context.fonts->bold);
    ImGui::TableHeadersRow();
    ImGui::PopFont();

    // Every line is one touch target high: the clipper relies on equal heights.
    const float padding = ImGui::GetStyle().CellPadding.y;
    const float row_height =
        std::max(ImGui::GetTextLineHeight() + 2.0f * padding, touch_height(context));
    const float header_height = ImGui::GetTextLineHeight() + 2.0f * padding;
    rows_per_page_ =
        std::max(1, static_cast<int>((ImGui::GetWindowHeight() - header_height) / row_height));
    apply_scroll(row_height);
    reveal_focus(row_height, header_height);

    // Hover is a hint, the focused row is the choice: hover stays quieter than focus.
    ImGui::PushStyleColor(ImGuiCol_Header, p.header);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, p.group_row);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, p.header);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(visible_.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto index = static_cast<size_t>(i);
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
            draw_row(snapshot.triage.rows[visible_[index]], index, snapshot, context, narrow,
                     row_height);
        }
    }
    ImGui::PopStyleColor(3);
    ImGui::EndTable();
}

void TriageBoard::draw_row(const core::TriageRow& row, size_t visible_index,
                           const core::Snapshot& snapshot, const BoardContext& context, bool narrow,
                           float row_height) {
    const Palette& p = palette();
    const bool focused = focus_ == visible_index;
    if (focused) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, to_u32(p.header));

    // Text sits in the middle of the touch-high line.
    const float height = row_height - 2.0f * ImGui::GetStyle().CellPadding.y;
    const float offset = std::max(0.0f, (height - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TableNextColumn();
    const ImVec2 start = ImGui::GetCursorPos();
    if (interactive_) {
        // The whole line is the touch target; its text is drawn over it.
        ImGui::PushID(static_cast<int>(row.pupil));
        if (ImGui::Selectable(
                "##row", focused,
                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                ImVec2(0.0f, height)))
            open_row(visible_index, snapshot);
        ImGui::PopID();
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + offset));
    if (focused) {
        // A bar at the left edge marks the keyboard's row beyond the background tint.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bar = 6.0f * context.scale;
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImVec2(at.x - bar - 2.0f * context.scale, at.y),
            ImVec2(at.x - 2.0f * context.scale, at.y + ImGui::GetTextLineHeight()),
            to_u32(p.accent));
    }
    // The name only on office screens (privacy off).
    text_fitted(pupil_line(snapshot, row.pupil, row.pupil_label, context.privacy), p.text);

    auto cell = [&](std::string_view text, const ImVec4& colour, ImFont* font = nullptr) {
        ImGui::TableNextColumn();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + offset);
        if (font) ImGui::PushFont(font);
        text_fitted(text.empty() ? std::string_view("–") : text,
                    text.empty() ? p.text_dim : colour);
        if (font) ImGui::PopFont();
    };
    const ImVec4& status = status_colour(row.worst);
    if (!narrow) {
        cell(row.school, p.text);
        cell(row.teacher, row.teacher_id.empty() ? p.text_dim : p.text);
        cell(row.priority_text, row.priority == 1 ? p.due : p.text,
             row.priority == 1 ? context.fonts->bold : nullptr);
    }
    cell(row.status_word, status, context.fonts->bold);
    if (!narrow) cell(core::rules_text(row), p.text);
    cell(core::due_text(row), row.worst == core::Status::overdue ? p.overdue : p.text);
    cell(row.reason, p.text_dim);
}

void TriageBoard::reveal_focus(float row_height, float header_height) {
    if (!reveal_focus_ || !focus_) return;
    reveal_focus_ = false;
    // Inside a ScrollY table the current window is the table's scrolling child.
    const float top = static_cast<float>(*focus_) * row_height;
    const float view = ImGui::GetWindowHeight() - header_height;
    float y = ImGui::GetScrollY();
    if (top < y) y = top;
    if (top + row_height > y + view) y = top + row_height - view;
    ImGui::SetScrollY(std::max(0.0f, y));
}

void TriageBoard::apply_scroll(float row_height) {
    if (!pending_scroll_) return;
    scroll_table(*pending_scroll_, row_height);
    pending_scroll_.reset();
}

}  // namespace widgets

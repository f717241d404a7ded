#include "widgets/theme.hpp"

namespace widgets {

const Palette& palette() {
    static const Palette p;
    return p;
}

ImVec4 status_colour(core::Status status) {
    const Palette& p = palette();
    switch (status) {
        case core::Status::blocked:
            return p.blocked;
        case core::Status::overdue:
            return p.overdue;
        case core::Status::due:
            return p.due;
        case core::Status::warning:
            return p.warning;
        case core::Status::ok:
            break;
    }
    return p.text;
}

void apply_theme(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    const Palette& p = palette();
    style.Colors[ImGuiCol_WindowBg] = p.background;
    style.Colors[ImGuiCol_Text] = p.text;
    style.Colors[ImGuiCol_TextDisabled] = p.text_dim;
    style.Colors[ImGuiCol_TableHeaderBg] = p.header;
    style.Colors[ImGuiCol_TableRowBgAlt] = p.row_alt;
    style.Colors[ImGuiCol_TableBorderLight] = p.border;
    style.Colors[ImGuiCol_TableBorderStrong] = p.border;
    style.Colors[ImGuiCol_ScrollbarBg] = p.background;
    style.Colors[ImGuiCol_Border] = p.border;
    style.WindowRounding = 0.0f;
    style.CellPadding = ImVec2(10.0f, 6.0f);
    style.ItemSpacing = ImVec2(12.0f, 8.0f);
    style.FramePadding = ImVec2(10.0f, 8.0f);
    style.WindowPadding = ImVec2(24.0f, 16.0f);
    style.WindowBorderSize = 0.0f;
    // A wall has no mouse: a slim scrollbar shows position without taking a column.
    style.ScrollbarSize = 12.0f;
    style.ScrollbarRounding = 0.0f;
    style.ScaleAllSizes(scale);
}

}  // namespace widgets

// Shared text drawing for the boards (see draw_helpers.hpp).
#include "widgets/draw_helpers.hpp"

#include "widgets/board.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace widgets {

void text_fitted(std::string_view text, const ImVec4& colour, float max_width) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    float available = ImGui::GetContentRegionAvail().x;
    if (max_width > 0.0f) available = std::min(available, max_width);
    // A pushed wrap position (the wall, where nothing may be cut) wraps the text instead.
    const bool wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f;
    if (size.x <= available || wrap) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(begin, end);
        ImGui::PopStyleColor();
        return;
    }
    // Too wide: reserve the cell's width and let ImGui draw the ellipsis at its edge.
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + available, pos.y + size.y);
    ImGui::ItemSize(ImVec2(available, size.y));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, max, max.x, max.x, begin, end,
                              &size);
    ImGui::PopStyleColor();
}

void text_right_aligned(std::string_view text, const ImVec4& colour, float right_margin) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const float width = ImGui::CalcTextSize(begin, end).x;
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - right_margin;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - width));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(begin, end);
    ImGui::PopStyleColor();
}

void text_coloured(std::string_view text, const ImVec4& colour, ImFont* font) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

ImU32 to_u32(const ImVec4& colour) {
    return ImGui::ColorConvertFloat4ToU32(colour);
}

void scroll_window(Scroll request, float line, float page) {
    float y = ImGui::GetScrollY();
    switch (request) {
        case Scroll::line_up: y -= line; break;
        case Scroll::line_down: y += line; break;
        case Scroll::page_up: y -= page; break;
        case Scroll::page_down: y += page; break;
        case Scroll::top: y = 0.0f; break;
        case Scroll::bottom: y = ImGui::GetScrollMaxY(); break;
    }
    ImGui::SetScrollY(std::clamp(y, 0.0f, std::max(0.0f, ImGui::GetScrollMaxY())));
}

void scroll_table(Scroll request, float row_height) {
    const float visible = ImGui::GetWindowHeight() - row_height;  // less the frozen header
    const float page = std::max(row_height, (std::floor(visible / row_height) - 1.0f) * row_height);
    scroll_window(request, row_height, page);
}

}  // namespace widgets

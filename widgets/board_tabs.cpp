#include "widgets/board_tabs.hpp"

#include <imgui.h>

#include <string>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {

std::optional<size_t> draw_board_tabs(const std::vector<std::string_view>& titles, size_t active,
                                      std::string_view contact_line, const BoardContext& context) {
    const Palette& p = palette();
    std::optional<size_t> clicked;
    // 48 design pixels tall: a finger-sized target at 1080p.
    const float height = 48.0f * context.scale;
    ImGui::PushFont(context.fonts->bold);
    for (size_t i = 0; i < titles.size(); ++i) {
        if (i) ImGui::SameLine(0.0f, 8.0f * context.scale);
        const bool is_active = i == active;
        ImGui::PushStyleColor(ImGuiCol_Button, is_active ? p.header : p.row_alt);
        ImGui::PushStyleColor(ImGuiCol_Text, is_active ? p.text : p.text_dim);
        std::string label = std::string(titles[i]) + "##tab" + std::to_string(i);
        const float width = ImGui::CalcTextSize(titles[i].data(), titles[i].data() + titles[i].size()).x +
                            40.0f * context.scale;
        if (ImGui::Button(label.c_str(), ImVec2(width, height))) clicked = i;
        ImGui::PopStyleColor(2);
    }
    ImGui::PopFont();
    if (!contact_line.empty()) {
        ImGui::SameLine();
        ImGui::PushFont(context.fonts->bold);
        const float width =
            ImGui::CalcTextSize(contact_line.data(), contact_line.data() + contact_line.size()).x;
        if (context.kiosk && width > ImGui::GetContentRegionAvail().x) {
            // Large type: the contact gets a line of its own below the tabs, wrapped if
            // need be, rather than running into them or being cut.
            ImGui::NewLine();
            ImGui::PushTextWrapPos(0.0f);
            text_coloured(contact_line, p.warning);
            ImGui::PopTextWrapPos();
        } else {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                                 (height - context.fonts->bold->FontSize) * 0.5f);
            text_right_aligned(contact_line, p.warning);
        }
        ImGui::PopFont();
    }
    return clicked;
}

}  // namespace widgets

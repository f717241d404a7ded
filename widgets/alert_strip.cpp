#include "widgets/alert_strip.hpp"

#include <imgui.h>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kPadding = 12.0f;  // design pixels around the text

}  // namespace

float alert_strip_height(std::string_view message, const BoardContext& context) {
    if (message.empty()) return 0.0f;
    return context.fonts->bold->FontSize + 2.0f * kPadding * context.scale + ImGui::GetStyle().ItemSpacing.y;
}

void draw_alert_strip(std::string_view message, const BoardContext& context) {
    if (message.empty()) return;
    const Palette& p = palette();
    const float pad = kPadding * context.scale;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = context.fonts->bold->FontSize + 2.0f * pad;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                                              to_u32(p.blocked), 4.0f * context.scale);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad));
    // Near-black on the bright red: contrast well above 4.5:1.
    ImGui::PushFont(context.fonts->bold);
    text_fitted(message, ImVec4(0.05f, 0.02f, 0.02f, 1.0f), width - 2.0f * pad);
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace widgets

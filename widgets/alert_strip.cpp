#include "widgets/alert_strip.hpp"

#include <imgui.h>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kPadding = 12.0f;  // design pixels around the text

// The text's height: one line at the desk (cut with an ellipsis if need be), as many as
// it takes on the wall, where type is large and nothing may be cut.
float text_height(std::string_view message, float width, const BoardContext& context) {
    ImFont* bold = context.fonts->bold;
    if (!context.kiosk) return bold->FontSize;
    return bold
        ->CalcTextSizeA(bold->FontSize, FLT_MAX, width, message.data(),
                        message.data() + message.size())
        .y;
}

float text_width(float strip_width, const BoardContext& context) {
    return strip_width - 2.0f * kPadding * context.scale;
}

}  // namespace

float alert_strip_height(std::string_view message, const BoardContext& context) {
    if (message.empty()) return 0.0f;
    const float width = text_width(ImGui::GetContentRegionAvail().x, context);
    return text_height(message, width, context) + 2.0f * kPadding * context.scale +
           ImGui::GetStyle().ItemSpacing.y;
}

void draw_alert_strip(std::string_view message, const BoardContext& context) {
    if (message.empty()) return;
    const Palette& p = palette();
    const float pad = kPadding * context.scale;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = text_height(message, text_width(width, context), context) + 2.0f * pad;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                                              to_u32(p.blocked), 4.0f * context.scale);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad));
    // Near-black on the bright red: contrast above 7:1.
    ImGui::PushFont(context.fonts->bold);
    if (context.kiosk) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width(width, context));
        text_coloured(message, p.on_bright);
        ImGui::PopTextWrapPos();
    } else {
        text_fitted(message, p.on_bright, text_width(width, context));
    }
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace widgets

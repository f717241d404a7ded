// Drawing of the status bar (see status_bar.hpp).
#include "widgets/status_bar.hpp"

#include <imgui.h>

#include <string>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kPaddingY = 10.0f;  // design pixels above and below the clock

}  // namespace

float StatusBar::height(const BoardContext& context) const {
    return context.fonts->title->FontSize + 2.0f * kPaddingY * context.scale;
}

void StatusBar::draw(const StatusInfo& info, const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float bar_height = height(context);
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - bar_height));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, bar_height));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.status_bar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(ImGui::GetStyle().WindowPadding.x, kPaddingY * context.scale));
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##status_bar", nullptr, flags);

    // Everything on the bar sits on the clock's baseline.
    const float top = ImGui::GetCursorPosY();
    const float body_y = top + fonts.title->Ascent - fonts.body->Ascent;
    const float small_y = top + fonts.title->Ascent - fonts.small->Ascent;

    // On the wall, with type sized for the room, the bar keeps what matters most and drops
    // the rest whole, never cutting a word: the clock and the data's age always, then the
    // privacy state, then the board's name (the tabs show it too); no brand.
    const std::string_view privacy_note =
        context.privacy
            ? (context.kiosk ? "Privacy on" : "Privacy on: initials and references only")
            : "Privacy OFF: full names shown";
    bool brand = true, board = true, privacy = true;
    if (context.kiosk) {
        brand = false;
        auto width = [](ImFont* font, std::string_view text) {
            return font
                ->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(),
                                text.data() + text.size())
                .x;
        };
        const float gap = 40.0f * context.scale;
        const float right = width(fonts.title, info.clock) + 32.0f * context.scale +
                            (info.data_as_of.empty() ? 0.0f
                                                     : width(fonts.small, "Data as of ") +
                                                           width(fonts.small, info.data_as_of));
        const float room = ImGui::GetContentRegionAvail().x - right - gap;
        const float board_w = width(fonts.body, info.board_title) + gap;
        const float privacy_w = width(fonts.small, privacy_note);
        privacy = privacy_w <= room;
        board = board_w + (privacy ? privacy_w : 0.0f) <= room;
    }

    ImGui::SetCursorPosY(body_y);
    if (brand) {
        text_coloured("LIFT Board", p.accent, fonts.bold);
        ImGui::SameLine();
    }
    if (board) {
        ImGui::SetCursorPosY(body_y);
        text_coloured(info.board_title, p.text, context.kiosk ? fonts.bold : fonts.body);
        ImGui::SameLine(0.0f, 28.0f * context.scale);
    }
    if (privacy) {
        ImGui::SetCursorPosY(small_y);
        text_coloured(privacy_note, context.privacy ? p.text_dim : p.due, fonts.small);
    }

    if (!info.banner.empty()) {
        ImGui::SameLine(0.0f, 40.0f * context.scale);
        ImGui::SetCursorPosY(body_y);
        // Leave room for the as-of text and clock on the right.
        const float reserve = 560.0f * context.scale;
        ImGui::PushFont(fonts.bold);
        const float width = ImGui::GetContentRegionAvail().x - reserve;
        if (width > 0.0f) text_fitted(info.banner, p.blocked, width);
        ImGui::PopFont();
    }

    // Right: "data as of ..." then the clock, measured so the clock ends at the margin.
    ImGui::PushFont(fonts.title);
    const float clock_width =
        ImGui::CalcTextSize(info.clock.data(), info.clock.data() + info.clock.size()).x;
    ImGui::PopFont();
    if (!info.data_as_of.empty()) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(small_y);
        ImGui::PushFont(fonts.small);
        text_right_aligned("Data as of " + std::string(info.data_as_of), p.text_dim,
                           clock_width + 32.0f * context.scale);
        ImGui::PopFont();
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(top);
    ImGui::PushFont(fonts.title);
    text_right_aligned(info.clock, p.text);
    ImGui::PopFont();

    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace widgets

#include "widgets/heading_line.hpp"

#include "widgets/draw_helpers.hpp"
#include "widgets/fonts.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr const char* kDot = "  \xc2\xb7  ";
constexpr const char* kKioskDot = " \xc2\xb7 ";  // headline spaces are wide already

float width_in(ImFont* font, std::string_view text) {
    return font
        ->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size())
        .x;
}

}  // namespace

HeadingLine::HeadingLine(std::string_view title, const BoardContext& context)
    : fonts_(context.fonts), scale_(context.scale), kiosk_(context.kiosk) {
    top_ = ImGui::GetCursorPosY();
    left_ = ImGui::GetCursorPosX();
    if (kiosk_) {
        // The wall names the board in its tabs and status bar: the heading's width goes
        // to the figures, which are set in headline type.
        ImGui::Dummy(ImVec2(0.0f, fonts_->title->FontSize));
        first_gap_ = 0.0f;
        return;
    }
    text_coloured(title, palette().text, fonts_->title);
}

void HeadingLine::next_run(float gap, ImFont* font, float width) {
    ImGui::SameLine(0.0f, gap);
    if (kiosk_ && ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) {
        top_ += fonts_->title->FontSize + ImGui::GetStyle().ItemSpacing.y;
        ImGui::SetCursorPosX(left_);
        dot_ = false;
    }
    ImGui::SetCursorPosY(top_ + fonts_->title->Ascent - font->Ascent);
}

void HeadingLine::add(std::string_view text, const ImVec4& colour, ImFont* font) {
    if (kiosk_) font = fonts_->title;  // counts and status words are headline figures
    ImFont* shown = font ? font : fonts_->body;
    const float width = width_in(shown, text);
    if (kiosk_ && dot_) {
        // The dot goes only where the run follows it on the same line.
        next_run(0.0f, fonts_->title, width_in(fonts_->title, kKioskDot) + width);
        if (dot_) {
            text_coloured(kKioskDot, palette().text_dim, fonts_->title);
            next_run(0.0f, shown, width);
        } else {
            ImGui::SetCursorPosY(top_ + fonts_->title->Ascent - shown->Ascent);
        }
    } else {
        next_run(first_ ? first_gap_ * scale_ : 0.0f, shown, width);
    }
    first_ = false;
    dot_ = false;
    text_coloured(text, colour, font);
}

void HeadingLine::dot() {
    if (kiosk_) {
        dot_ = !first_;
        return;
    }
    add(kDot, palette().text_dim);
}

void HeadingLine::date(std::string_view text) {
    dot_ = false;
    next_run(-1.0f, fonts_->body,
             width_in(fonts_->body, text) + 40.0f * scale_);  // the style's item spacing
    text_right_aligned(text, palette().text);
}

}  // namespace widgets

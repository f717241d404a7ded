#include "widgets/heading_line.hpp"

#include "widgets/draw_helpers.hpp"
#include "widgets/fonts.hpp"
#include "widgets/theme.hpp"

namespace widgets {

HeadingLine::HeadingLine(std::string_view title, const BoardContext& context)
    : scale_(context.scale) {
    const Fonts& fonts = *context.fonts;
    const float top = ImGui::GetCursorPosY();
    text_coloured(title, palette().text, fonts.title);
    baseline_ = top + fonts.title->Ascent - fonts.body->Ascent;
}

void HeadingLine::next_run(float gap) {
    ImGui::SameLine(0.0f, gap);
    ImGui::SetCursorPosY(baseline_);
}

void HeadingLine::add(std::string_view text, const ImVec4& colour, ImFont* font) {
    next_run(first_ ? 40.0f * scale_ : 0.0f);
    first_ = false;
    text_coloured(text, colour, font);
}

void HeadingLine::dot() {
    add("  \xc2\xb7  ", palette().text_dim);
}

void HeadingLine::date(std::string_view text) {
    next_run(-1.0f);  // the style's item spacing
    text_right_aligned(text, palette().text);
}

}  // namespace widgets

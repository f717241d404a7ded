// Drawing of one meeting card (see meeting_card.hpp). Every string was formatted when
// the snapshot was built; booking rows go straight to the draw list (no items), and only
// the rows in view are drawn.
#include "widgets/meeting_card.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "widgets/draw_helpers.hpp"
#include "widgets/meetings_layout.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kPad = 16.0f;    // design pixels inside the card
constexpr float kRowPad = 7.0f;  // above and below a booking row's two lines
constexpr float kBar = 8.0f;     // the status bar on a booking row's left edge
constexpr const char* kDot = "  \xc2\xb7  ";
const ImVec4 kOnBright{0.04f, 0.05f, 0.07f, 1.0f};  // text on a filled badge

float width_of(ImFont* font, std::string_view text) {
    return font
        ->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size())
        .x;
}

}  // namespace

float put_text(ImDrawList* draw, ImFont* font, ImVec2 pos, float max_x, const ImVec4& colour,
               std::string_view text) {
    if (text.empty() || pos.x >= max_x) return pos.x;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const float width = width_of(font, text);
    if (pos.x + width <= max_x) {
        draw->AddText(font, font->FontSize, pos, to_u32(colour), begin, end);
        // Straight to the draw list skips ImGui's text log; feed it, as RenderText would,
        // so tests and a log capture see the words.
        if (GImGui->LogEnabled) ImGui::LogRenderedText(&pos, begin, end);
        return pos.x + width;
    }
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    const ImVec2 size(width, font->FontSize);
    ImGui::RenderTextEllipsis(draw, pos, ImVec2(max_x, pos.y + font->FontSize), max_x, max_x, begin,
                              end, &size);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    return max_x;
}

namespace {

ImVec4 word_colour(const core::MeetingBooking& b) {
    const Palette& p = palette();
    if (b.worst != core::Status::ok) return status_colour(b.worst);
    return b.word == "READY" ? p.ok : p.text_dim;
}

void draw_booking(const core::MeetingBooking& b, float word_width, float height,
                  const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    const float s = context.scale;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float right = origin.x + ImGui::GetContentRegionAvail().x;
    const bool alarm = b.worst >= core::Status::overdue;
    if (alarm)
        draw->AddRectFilled(origin, ImVec2(right, origin.y + height - 2.0f * s),
                            to_u32(p.overdue_row));
    if (b.worst != core::Status::ok)
        draw->AddRectFilled(origin, ImVec2(origin.x + kBar * s, origin.y + height - 2.0f * s),
                            to_u32(status_colour(b.worst)));

    const float x0 = origin.x + (kBar + 10.0f) * s;
    const float line = fonts.body->FontSize + 2.0f * s;
    ImVec2 pos(x0, origin.y + kRowPad * s);
    put_text(draw, fonts.bold, pos, right, word_colour(b), b.word);
    pos.x = x0 + word_width;
    const bool names = !context.privacy && !b.full_name.empty();
    if (names) pos.x = put_text(draw, fonts.bold, pos, right, p.text, b.full_name) + 12.0f * s;
    pos.x = put_text(draw, fonts.bold, pos, right, p.text, b.pupil_label) + 20.0f * s;
    put_text(draw, fonts.body, pos, right, p.text_dim, b.school);

    // The details start under the status word: the width goes to what failed.
    pos = ImVec2(x0, origin.y + kRowPad * s + line);
    // A run that would show only a letter or two before its ellipsis is left out.
    const float least = width_of(fonts.body, kDot) + width_of(fonts.body, "Abc\xe2\x80\xa6");
    bool first = true;
    for (const DetailRun& run : booking_detail(b)) {
        if (!first) {
            if (right - pos.x < least) break;
            pos.x = put_text(draw, fonts.body, pos, right, p.text_dim, kDot);
        }
        first = false;
        const bool strong = run.status >= core::Status::overdue;
        const ImVec4& colour = run.dim ? p.text_dim : status_colour(run.status);
        pos.x = put_text(draw, strong ? fonts.bold : fonts.body, pos, right, colour, run.text);
    }
    ImGui::Dummy(ImVec2(right - origin.x, height));
}

void apply_scroll(Scroll request, float row_height) {
    const float page = std::max(
        row_height, (std::floor(ImGui::GetWindowHeight() / row_height) - 1.0f) * row_height);
    scroll_window(request, row_height, page);
}

// The badge, date and "when" on the card's first line.
void draw_heading(const core::MeetingCard& card, const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    const float s = context.scale;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float right = origin.x + ImGui::GetContentRegionAvail().x;
    const float title_h = fonts.title->FontSize;
    // Badge text sits on the title's baseline.
    const float badge_pad = 8.0f * s;
    const float badge_w = width_of(fonts.bold, card.kind_label) + 2.0f * badge_pad;
    const float text_y = origin.y + fonts.title->Ascent - fonts.bold->Ascent;
    const ImVec4& badge = card.kind == core::MeetingKind::lift ? p.accent : p.text_dim;
    draw->AddRectFilled(ImVec2(origin.x, text_y - 3.0f * s),
                        ImVec2(origin.x + badge_w, text_y + fonts.bold->FontSize + 3.0f * s),
                        to_u32(badge), 4.0f * s);
    put_text(draw, fonts.bold, ImVec2(origin.x + badge_pad, text_y), right, kOnBright,
             card.kind_label);
    float x = origin.x + badge_w + 14.0f * s;
    x = put_text(draw, fonts.title, ImVec2(x, origin.y), right, p.text, card.date_text);
    const bool today = card.when == "today";
    put_text(draw, today ? fonts.bold : fonts.body, ImVec2(x + 16.0f * s, text_y), right,
             today ? p.accent : p.text_dim, card.when);
    ImGui::Dummy(ImVec2(right - origin.x, title_h));
}

void draw_header(const MeetingCardInput& in, const BoardContext& context) {
    const core::MeetingCard& card = *in.card;
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    draw_heading(card, context);

    std::string where = card.group_label;
    if (!card.venue.empty()) where += (where.empty() ? "" : kDot) + card.venue;
    text_fitted(where, card.scheduled ? p.text : p.warning);
    if (card.kind == core::MeetingKind::lift)
        text_fitted(card.deadline_text, card.deadline_passed ? p.text_dim : p.text);
    else if (!card.lead.empty())
        text_fitted(card.lead, p.text);
    if (in.school_lines && !in.school_lines->empty()) {
        ImGui::PushFont(fonts.small);
        for (const std::string& line : *in.school_lines) text_fitted(line, p.text_dim);
        ImGui::PopFont();
    }

    // Summary, then the counts that must be seen, in words as well as colour.
    ImGui::PushFont(fonts.bold);
    text_fitted(card.summary, card.bookings.empty() ? p.text_dim : p.text);
    ImGui::PopFont();
    std::string alarm;
    if (card.blocked) alarm = std::to_string(card.blocked) + " BLOCKED";
    if (card.overdue)
        alarm += (alarm.empty() ? "" : kDot) + std::to_string(card.overdue) + " OVERDUE";
    if (!alarm.empty()) {
        ImGui::PushFont(fonts.bold);
        text_fitted(alarm, p.blocked);
        ImGui::PopFont();
    }
    if (!card.cap_text.empty()) {
        // Wrapped, not cut: the school over the cap is the point of the line.
        ImGui::PushFont(fonts.bold);
        ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(card.cap_text.data(), card.cap_text.data() + card.cap_text.size());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
}

void draw_list(const MeetingCardInput& in, float height, const BoardContext& context) {
    const core::MeetingCard& card = *in.card;
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    const float row_h = booking_row_height(context);
    const float footer_h = ImGui::GetTextLineHeightWithSpacing();
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoNav;
    if (context.kiosk) flags |= ImGuiWindowFlags_NoScrollbar;  // a wall has no mouse
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    // Whole rows only: a half-cut row at the bottom reads as clutter across a room.
    const float rows_h = std::max(1.0f, std::floor((height - footer_h) / row_h)) * row_h;
    const float list_h =
        static_cast<float>(card.bookings.size()) * row_h <= height ? height : rows_h;
    ImGui::BeginChild("bookings", ImVec2(0.0f, list_h), false, flags);
    if (in.scroll) apply_scroll(*in.scroll, row_h);
    float word_width = 0.0f;
    for (const char* word : {"BLOCKED", "OVERDUE", "DUE SOON", "BOOKED", "READY", "CHECK"})
        word_width = std::max(word_width, width_of(fonts.bold, word));
    word_width += 16.0f * context.scale;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(card.bookings.size()), row_h);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            draw_booking(card.bookings[static_cast<size_t>(i)], word_width, row_h, context);
    const float first = ImGui::GetScrollY() / row_h;
    // A row whose two lines are in view counts as seen, its bottom padding cut or not.
    const float visible = (ImGui::GetWindowHeight() + kRowPad * context.scale) / row_h;
    ImGui::EndChild();
    ImGui::PopStyleVar();

    const int below = rows_below(static_cast<int>(card.bookings.size()), first, visible);
    if (below > 0) {
        std::string more = "\xe2\x86\x93 " + std::to_string(below) + " more";
        if (!context.kiosk) more += " (PgDn)";
        text_coloured(more, p.accent, fonts.bold);
    }
}

}  // namespace

float booking_row_height(const BoardContext& context) {
    return 2.0f * (context.fonts->body->FontSize + 2.0f * context.scale) +
           2.0f * kRowPad * context.scale + 2.0f * context.scale;
}

size_t school_line_budget(const core::MeetingCard& card, float height,
                          const BoardContext& context) {
    const Fonts& fonts = *context.fonts;
    const float s = context.scale;
    const float spacing = 4.0f * s;  // the card's item spacing
    const float body = fonts.body->FontSize + spacing;
    // Padding, heading, two detail lines, summary, rule, "more" line; alarm and cap lines.
    float fixed =
        2.0f * kPad * s + fonts.title->FontSize + spacing + 3.0f * body + 10.0f * s + body;
    if (card.blocked > 0 || card.overdue > 0) fixed += body;
    if (!card.cap_text.empty()) fixed += 2.0f * body;
    const size_t wanted = std::min<size_t>(card.bookings.size(), 6);
    const float free = height - fixed - static_cast<float>(wanted) * booking_row_height(context);
    const float line = fonts.small->FontSize + spacing;
    const auto lines = static_cast<long>(std::floor(free / line));
    return static_cast<size_t>(std::clamp(lines, 2L, 6L));
}

void draw_meeting_card(const MeetingCardInput& in, const BoardContext& context) {
    const Palette& p = palette();
    const float s = context.scale;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.row_alt);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8.0f * s);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(kPad * s, kPad * s));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 4.0f * s));
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar |
                                       ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav |
                                       ImGuiWindowFlags_AlwaysUseWindowPadding;
    ImGui::BeginChild("card", in.size, false, flags);
    // A thick top rule in the meeting's colour ties the card to its kind across the room.
    const ImVec2 top = ImGui::GetWindowPos();
    const ImVec4& rule = in.card->kind == core::MeetingKind::lift ? p.accent : p.text_dim;
    ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + in.size.x, top.y + 6.0f * s),
                                              to_u32(rule), 8.0f * s, ImDrawFlags_RoundCornersTop);
    draw_header(in, context);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float rule_w = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y + 4.0f * s),
                                        ImVec2(at.x + rule_w, at.y + 4.0f * s), to_u32(p.border),
                                        2.0f * s);
    ImGui::Dummy(ImVec2(rule_w, 10.0f * s));
    if (in.card->bookings.empty()) {
        text_coloured("No pupils booked yet.", p.text_dim);
    } else {
        draw_list(in, ImGui::GetContentRegionAvail().y, context);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
}

void draw_empty_week(std::string_view text, ImVec2 size, const BoardContext& context) {
    const Palette& p = palette();
    const float s = context.scale;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.row_alt);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8.0f * s);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(kPad * s, kPad * s));
    ImGui::BeginChild("empty", size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav |
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
    ImGui::PushFont(context.fonts->bold);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace widgets

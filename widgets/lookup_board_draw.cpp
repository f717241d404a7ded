// Drawing of the quick lookup board (see lookup_board.hpp): the title line, the search
// column (search box, school scope, result count, the clipped result list) and the
// card pane. Every line was formatted when the results changed; a frame places text.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "widgets/draw_helpers.hpp"
#include "widgets/heading_line.hpp"
#include "widgets/lookup_board.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kTouch = 56.0f;       // design pixels: search box and buttons
constexpr float kRowPadding = 10.0f;  // design pixels above and below a result's text
constexpr float kLeftShare = 0.40f;   // of the width: the search column

// Puts the caret after the text when the box was focused from code (typing on the
// board, Tab): ImGui would otherwise start at the beginning or select everything.
int search_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion) return 0;  // Tab: see below
    bool* caret_to_end = static_cast<bool*>(data->UserData);
    if (*caret_to_end) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        *caret_to_end = false;
    }
    return 0;
}

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

}  // namespace

void LookupBoard::draw_layout(const core::Snapshot& snapshot, const BoardContext& context) {
    const Palette& p = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    draw_title(snapshot, context);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = std::floor(avail.x * kLeftShare);

    constexpr ImGuiWindowFlags column_flags =
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::BeginChild("##lookup_search", ImVec2(left, avail.y), false, column_flags);
    draw_search(context);
    draw_scope(context);
    draw_results(snapshot, context);
    ImGui::EndChild();

    ImGui::SameLine(0.0f, 2.0f * style.ItemSpacing.x);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.row_alt);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(20.0f * context.scale, 16.0f * context.scale));
    ImGui::BeginChild("##lookup_card", ImVec2(0.0f, avail.y), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (card_.is_open()) {
        if (card_.draw(context)) card_.close();
    } else {
        draw_help(context);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void LookupBoard::draw_title(const core::Snapshot&, const BoardContext& context) {
    HeadingLine heading(title(), context);
    heading.add(totals_, palette().text_dim);
    heading.date(today_);
    ImGui::Dummy(ImVec2(0.0f, 2.0f * context.scale));
}

void LookupBoard::draw_search(const BoardContext& context) {
    const Palette& p = palette();
    if (reset_search_) {
        // The query changed under the box: an active box keeps its own copy of the
        // text, so restart it with the new one.
        if (search_active_) {
            ImGui::ClearActiveID();
            focus_search_ = caret_to_end_ = true;
        }
        reset_search_ = false;
    }
    if (blur_search_) {
        if (search_active_) ImGui::ClearActiveID();
        blur_search_ = false;
        focus_search_ = false;
    }
    const bool focus_requested = focus_search_;
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    const float pad = std::max(ImGui::GetStyle().FramePadding.y,
                               (kTouch * context.scale - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f * context.scale);
    ImGui::PushStyleColor(ImGuiCol_Border, search_active_ ? p.accent : p.border);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, p.row_alt);
    ImGui::SetNextItemWidth(-1.0f);
    const char* hint = context.privacy ? "Ref, initials or school   ( / )"
                                       : "Ref, initials, name or school   ( / )";
    // With a completion callback the box is no tab stop for ImGui, whose own Tab would
    // move the keyboard straight back into it (the window has no other stop): Tab is
    // the board's, from the app's key queue.
    constexpr ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_CallbackCompletion;
    ImGui::InputTextWithHint("##search", hint, &query_, flags, search_callback, &caret_to_end_);
    search_active_ = ImGui::IsItemActive();
    // ImGui gives the box the keyboard on the next frame.
    search_focus_pending_ = focus_requested && !search_active_;
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
}

void LookupBoard::draw_scope(const BoardContext& context) {
    const Palette& p = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    if (scope_) {
        const char* leave = "Leave";
        const float button =
            text_width(leave) + 2.0f * style.FramePadding.x + 16.0f * context.scale;
        const float row_top = ImGui::GetCursorPosY();
        const float text_y = row_top + (kTouch * context.scale - ImGui::GetTextLineHeight()) * 0.5f;
        ImGui::SetCursorPosY(text_y);
        text_coloured("In", p.text_dim);
        ImGui::SameLine();
        ImGui::SetCursorPosY(text_y);
        ImGui::PushFont(context.fonts->bold);
        text_fitted(scope_name_, p.accent,
                    ImGui::GetContentRegionAvail().x - button - style.ItemSpacing.x);
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetContentRegionMax().x - button);
        ImGui::SetCursorPosY(row_top);
        if (ImGui::Button(leave, ImVec2(button, kTouch * context.scale))) {
            scope_urn_.clear();
            reset_search_ = true;
        }
    }
    if (!summary_.empty()) {
        ImGui::PushFont(context.fonts->small);
        text_fitted(summary_, showing_recent_ ? p.text_dim : p.text);
        ImGui::PopFont();
    }
}

void LookupBoard::draw_results(const core::Snapshot& snapshot, const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    if (lines_.empty()) {
        if (query_.empty() && !scope_) {
            ImGui::PushTextWrapPos(0.0f);
            text_coloured("Start typing to search " + totals_ + ".", p.text_dim);
            ImGui::PopTextWrapPos();
        } else if (!query_.empty()) {
            text_fitted("Nothing matches \xe2\x80\x9c" + query_ + "\xe2\x80\x9d.", p.text_dim);
        }
        return;
    }
    const float row_height = fonts.bold->FontSize + fonts.small->FontSize +
                             2.0f * kRowPadding * context.scale + ImGui::GetStyle().ItemSpacing.y;
    row_height_ = row_height - ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##results", ImVec2(0.0f, 0.0f), false);
    rows_per_page_ =
        std::max(1, static_cast<int>(std::floor(ImGui::GetWindowHeight() / row_height)) - 1);
    if (reveal_selected_ && selected_) {
        const float y = static_cast<float>(*selected_) * row_height;
        if (y < ImGui::GetScrollY())
            ImGui::SetScrollY(y);
        else if (y + row_height > ImGui::GetScrollY() + ImGui::GetWindowHeight())
            ImGui::SetScrollY(y + row_height - ImGui::GetWindowHeight());
        reveal_selected_ = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const size_t index = static_cast<size_t>(i);
            // A touch on a line may change the query: lines_ itself changes only in the
            // next frame's refresh, so the loop stays valid.
            draw_line(lines_[index], index, snapshot, context, row_height);
        }
    }
    ImGui::EndChild();
}

void LookupBoard::draw_line(const LookupLine& line, size_t index, const core::Snapshot& snapshot,
                            const BoardContext& context, float row_height) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad = kRowPadding * context.scale;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;

    ImGui::PushID(static_cast<int>(index));
    ImGui::PushStyleColor(ImGuiCol_Header, p.header);
    const bool clicked = ImGui::Selectable("##line", selected_ == index, ImGuiSelectableFlags_None,
                                           ImVec2(width, row_height - style.ItemSpacing.y));
    ImGui::PopStyleColor();
    ImGui::PopID();

    const bool school = line.kind == LookupLine::Kind::school;
    // Right-hand tag: the pupil's stage in the colour of their worst finding.
    std::string_view tag = school ? std::string_view("School") : std::string_view(line.stage);
    const ImVec4 tag_colour =
        school ? p.text_dim
               : (line.worst == core::Status::ok ? p.text_dim : status_colour(line.worst));
    const float tag_width = tag.empty() ? 0.0f : text_width(tag) + style.ItemSpacing.x;

    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad));
    ImGui::PushFont(fonts.bold);
    const float label_width = width - 2.0f * pad - tag_width;
    if (!school && !context.privacy && !line.name.empty())
        text_fitted(line.name + "  " + line.label, p.text, label_width);
    else
        text_fitted(line.label, school ? p.accent : p.text, label_width);
    ImGui::PopFont();
    if (!tag.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - pad - text_width(tag), origin.y + pad));
        text_coloured(tag, tag_colour);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad + fonts.bold->FontSize));
    ImGui::PushFont(fonts.small);
    text_fitted(line.detail, p.text_dim, width - 2.0f * pad);
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + row_height));

    if (clicked) {
        selected_ = index;
        activate(index, snapshot, context);
    }
}

void LookupBoard::draw_help(const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    text_coloured("Find a pupil", p.text, fonts.title);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    text_coloured(
        context.privacy
            ? "Type a pupil ref (P012345), initials (K.T.) or part of a school name."
            : "Type a pupil ref (P012345), initials (K.T.), a name or part of a school name.",
        p.text);
    text_coloured(
        "A pupil's card shows the stage, the next step and its earliest date, the findings "
        "with their reasons, and every event on the pathway.",
        p.text_dim);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0.0f, 12.0f * context.scale));

    if (context.kiosk) {
        ImGui::PushTextWrapPos(0.0f);
        text_coloured("Touch the search box to type; touch a result to open it.", p.text_dim);
        ImGui::PopTextWrapPos();
    } else {
        constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit;
        if (ImGui::BeginTable("##keys", 2, flags)) {
            constexpr std::pair<const char*, const char*> kKeys[] = {
                {"/", "Search (or just start typing)"},
                {"\xe2\x86\x91  \xe2\x86\x93", "Choose a result"},
                {"Enter", "Open the pupil's card, or list a school's pupils"},
                {"Esc", "Close the card, then clear the search"},
                {"Tab", "Between the search box and the results"},
                {"PgUp  PgDn", "Page through the results, or the open card"},
            };
            for (const auto& [keys, what] : kKeys) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                text_coloured(keys, p.accent, fonts.bold);
                ImGui::TableNextColumn();
                text_coloured(what, p.text);
            }
            ImGui::EndTable();
        }
    }
    ImGui::Dummy(ImVec2(0.0f, 12.0f * context.scale));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(fonts.small);
    if (context.privacy) {
        text_coloured("Privacy is on: names are neither shown nor searched.", p.text_dim);
    } else {
        const std::string note =
            "Privacy is off: names are searched and shown; an open card hides the name after " +
            std::to_string(context.card_revert.count()) + " s.";
        text_coloured(note, p.due);
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
}

}  // namespace widgets

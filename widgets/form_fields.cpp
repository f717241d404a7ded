// Form pieces of the triage board (see form_fields.hpp).
#include "widgets/form_fields.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {

void FormFocus::move(int step) {
    if (count <= 0) return;
    field = ((field + step) % count + count) % count;
    request = true;
}

void FormFocus::set(int to) {
    field = std::clamp(to, 0, std::max(0, count - 1));
    request = true;
}

std::optional<int> choose_by_key(int selected, int count, const KeyInput& key) {
    if (count <= 0) return std::nullopt;
    using Key = KeyInput::Key;
    switch (key.key) {
        case Key::up:
            return std::max(0, selected - 1);
        case Key::down:
            return std::min(count - 1, selected + 1);
        case Key::home:
            return 0;
        case Key::end:
            return count - 1;
        case Key::character:
            if (key.character >= '1' && key.character <= '9' && key.character - '1' < count)
                return key.character - '1';
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

float touch_height(const BoardContext& context) {
    return 48.0f * context.scale;
}

bool touch_button(const char* label, const BoardContext& context, float width) {
    return ImGui::Button(label, ImVec2(width, touch_height(context)));
}

void field_label(std::string_view label, bool focused, const BoardContext& context) {
    const Palette& p = palette();
    text_coloured(label, focused ? p.accent : p.text_dim, focused ? context.fonts->bold : nullptr);
}

void text_field(const char* id, std::string& value, const char* hint, int index, FormFocus& focus,
                const BoardContext& context) {
    const bool focused = focus.field == index;
    if (focused && focus.request) {
        ImGui::SetKeyboardFocusHere();
        focus.request = false;
    }
    // The frame is as high as a touch target: pad the text vertically to get there.
    const float pad = std::max(ImGui::GetStyle().FramePadding.y,
                               (touch_height(context) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad));
    ImGui::PushStyleColor(ImGuiCol_Border, focused ? palette().accent : palette().border);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, focused ? 2.0f * context.scale : 1.0f);
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint(id, hint, &value);
    // Clicked or touched: the keyboard follows the pointer. Only then: a field asked for
    // by an earlier Tab takes ImGui's keyboard a frame late, and if a second Tab has moved
    // on meanwhile, following that late activation would undo it (one Tab a frame on a
    // loaded machine typed the note into the review date).
    if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
        focus.field != index) {
        focus.field = index;
        focus.request = false;
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

int choice_list(const char* id, std::span<const std::string> options, int selected, bool focused,
                const BoardContext& context, int marked, bool reveal) {
    const Palette& p = palette();
    int clicked = -1;
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Header, focused ? p.header : p.group_row);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, p.group_row);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, p.header);
    const float height = touch_height(context) - ImGui::GetStyle().ItemSpacing.y;
    for (size_t i = 0; i < options.size(); ++i) {
        const int n = static_cast<int>(i);
        std::string label =
            (n < 9 ? std::to_string(n + 1) + "   " : std::string("    ")) + options[i];
        if (n == marked) label += "   (current)";
        ImGui::PushID(n);
        const ImVec2 start = ImGui::GetCursorPos();
        if (ImGui::Selectable("##option", n == selected, ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0.0f, height)))
            clicked = n;
        // The keyboard's choice comes into view in a long list.
        if (n == selected && reveal && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
        // The label over the row, ending in "..." rather than cut when it is too long.
        const ImVec2 end = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(start.x + ImGui::GetStyle().FramePadding.x * 0.5f,
                                   start.y + (height - ImGui::GetTextLineHeight()) * 0.5f));
        text_fitted(label, p.text);
        ImGui::SetCursorPos(end);
        ImGui::PopID();
    }
    ImGui::PopStyleColor(3);
    ImGui::PopID();
    return clicked;
}

int choice_row(const char* id, std::span<const std::string> options, int selected, bool focused,
               const BoardContext& context) {
    const Palette& p = palette();
    int clicked = -1;
    ImGui::PushID(id);
    for (size_t i = 0; i < options.size(); ++i) {
        const int n = static_cast<int>(i);
        if (i > 0) ImGui::SameLine();
        const bool on = n == selected;
        // The chosen one is lit; the keyboard's field is outlined.
        ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent : p.header);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? p.background : p.text);
        ImGui::PushStyleColor(ImGuiCol_Border, p.accent);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, focused ? 2.0f * context.scale : 0.0f);
        const std::string label = std::to_string(n + 1) + "  " + options[i];
        ImGui::PushID(n);
        if (touch_button(label.c_str(), context)) clicked = n;
        ImGui::PopID();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(3);
    }
    ImGui::PopID();
    return clicked;
}

void inline_message(std::string_view message, const ImVec4& colour) {
    if (message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(message.data(), message.data() + message.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace widgets

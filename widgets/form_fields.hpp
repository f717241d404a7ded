// The pieces the triage forms are made of: keyboard focus among fields (Tab and
// Shift+Tab), choice lists (arrows, digits, touch), text fields that take ImGui's
// keyboard focus when the keyboard moves to them, inline messages and touch-sized
// buttons. FormFocus and choose_by_key are ImGui-free and tested without a window.
#pragma once

#include <imgui.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "widgets/board.hpp"

namespace widgets {

struct FormFocus {
    int field = 0;
    int count = 1;
    bool request = true;  // the focused text field takes ImGui's keyboard focus next draw

    void move(int step);  // Tab (+1) and Shift+Tab (-1), round the fields
    void set(int to);
};

// The selection after `key` in a list of `count` options: up/down move (clamped),
// '1'..'9' pick that option; nullopt when the key is not one for a list.
std::optional<int> choose_by_key(int selected, int count, const KeyInput& key);

// --- drawing (ImGui) ---

// Height of a touch target at the context's scale: 48 px at 1080p.
float touch_height(const BoardContext& context);
// A button at least a touch target high (and `width` wide when given).
bool touch_button(const char* label, const BoardContext& context, float width = 0.0f);
// The field's label, in the accent colour while the field has the keyboard.
void field_label(std::string_view label, bool focused, const BoardContext& context);
// A one-line text field across the available width. Takes ImGui's keyboard focus when
// it is `index` in `focus` and focus.request is set; a click moves `focus` to it.
void text_field(const char* id, std::string& value, const char* hint, int index, FormFocus& focus,
                const BoardContext& context);
// Options as touch-sized rows, numbered 1-9 for the keyboard; `marked` gets a
// "(current)" note; `reveal` scrolls the selected one into view (after a key moved it).
// Returns the option clicked, or -1.
int choice_list(const char* id, std::span<const std::string> options, int selected, bool focused,
                const BoardContext& context, int marked = -1, bool reveal = false);
// Options side by side as buttons (short lists: need areas). Returns the one clicked, or -1.
int choice_row(const char* id, std::span<const std::string> options, int selected, bool focused,
               const BoardContext& context);
// A message under a field or form, wrapped to the width: red for refusals and errors.
void inline_message(std::string_view message, const ImVec4& colour);

}  // namespace widgets

// Small drawing helpers shared by the boards: text that ends in an ellipsis instead of
// being cut mid-letter, text aligned to the right edge, a text run in a given colour
// and font. Kept in one place so every board truncates and aligns the same way.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace widgets {

// Draws `text` in `colour`, ending in "..." when it is wider than the space left on
// the line, or than `max_width` when that is positive (table cells, status bar slots).
// Inside PushTextWrapPos (the wall, where nothing may be cut) it wraps there instead.
void text_fitted(std::string_view text, const ImVec4& colour, float max_width = 0.0f);

// Draws `text` so that it ends `right_margin` pixels before the content region's
// right edge, on the current line.
void text_right_aligned(std::string_view text, const ImVec4& colour, float right_margin = 0.0f);

// Draws `text` in `colour` with `font` (null keeps the current font).
void text_coloured(std::string_view text, const ImVec4& colour, ImFont* font = nullptr);

ImU32 to_u32(const ImVec4& colour);

enum class Scroll;
// Applies a keyboard scroll request to the current window: a line or a page (both in
// pixels) up or down, or the top or bottom, clamped to the window's scroll range.
void scroll_window(Scroll request, float line, float page);

// The same inside a ScrollY table whose header row is frozen (the current window is
// the table's scrolling child): a page is the visible rows less one, so the last row of
// a page stays in view.
void scroll_table(Scroll request, float row_height);

}  // namespace widgets

// Colours of the boards: a high-contrast dark theme legible across a room, and the
// colour of each finding status (blocked/overdue red, due amber, warning yellow).
#pragma once

#include <imgui.h>

#include "core/rules.hpp"

namespace widgets {

// Every text colour here reaches 7:1 (WCAG AAA) against every surface it is drawn on,
// the red tint of a late row included (contrast.hpp; widgets_legibility_test checks the
// boards as drawn). Status is never shown by colour alone: the words go with it.
struct Palette {
    ImVec4 background{0.05f, 0.06f, 0.08f, 1.0f};
    ImVec4 text{0.96f, 0.96f, 0.96f, 1.0f};
    ImVec4 text_dim{0.78f, 0.80f, 0.85f, 1.0f};
    ImVec4 header{0.11f, 0.17f, 0.28f, 1.0f};
    ImVec4 row_alt{0.10f, 0.11f, 0.14f, 1.0f};
    ImVec4 accent{0.50f, 0.80f, 1.00f, 1.0f};
    ImVec4 blocked{1.00f, 0.64f, 0.64f, 1.0f};
    ImVec4 overdue{1.00f, 0.64f, 0.64f, 1.0f};
    ImVec4 due{1.00f, 0.72f, 0.30f, 1.0f};
    ImVec4 warning{0.98f, 0.90f, 0.45f, 1.0f};
    ImVec4 ok{0.55f, 0.90f, 0.55f, 1.0f};
    // Surfaces of the boards and the status bar.
    ImVec4 group_row{0.09f, 0.14f, 0.23f, 1.0f};     // teacher group header rows
    ImVec4 overdue_row{0.50f, 0.10f, 0.10f, 0.32f};  // tint over a row with a late visit
    ImVec4 status_bar{0.11f, 0.15f, 0.23f, 1.0f};
    ImVec4 border{0.24f, 0.28f, 0.34f, 1.0f};
    ImVec4 error_banner{0.60f, 0.12f, 0.12f, 1.0f};
    ImVec4 on_bright{0.04f, 0.05f, 0.07f, 1.0f};  // text on a filled badge or red strip
};

const Palette& palette();
ImVec4 status_colour(core::Status status);
// Applies the palette and sizes to ImGui's style, scaled by `scale` (1.0 at 1080p).
void apply_theme(float scale);

}  // namespace widgets

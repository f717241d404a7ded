// Colours of the boards: a high-contrast dark theme legible across a room, and the
// colour of each finding status (blocked/overdue red, due amber, warning yellow).
#pragma once

#include <imgui.h>

#include "core/rules.hpp"

namespace widgets {

struct Palette {
    ImVec4 background{0.05f, 0.06f, 0.08f, 1.0f};
    ImVec4 text{0.96f, 0.96f, 0.96f, 1.0f};
    ImVec4 text_dim{0.72f, 0.75f, 0.80f, 1.0f};
    ImVec4 header{0.16f, 0.24f, 0.38f, 1.0f};
    ImVec4 row_alt{0.10f, 0.11f, 0.14f, 1.0f};
    ImVec4 accent{0.40f, 0.75f, 1.00f, 1.0f};
    ImVec4 blocked{1.00f, 0.42f, 0.42f, 1.0f};
    ImVec4 overdue{1.00f, 0.42f, 0.42f, 1.0f};
    ImVec4 due{1.00f, 0.72f, 0.30f, 1.0f};
    ImVec4 warning{0.98f, 0.90f, 0.45f, 1.0f};
    ImVec4 ok{0.55f, 0.90f, 0.55f, 1.0f};
    // Surfaces of the boards and the status bar.
    ImVec4 group_row{0.13f, 0.20f, 0.32f, 1.0f};     // teacher group header rows
    ImVec4 overdue_row{0.50f, 0.10f, 0.10f, 0.32f};  // tint over a row with a late visit
    ImVec4 status_bar{0.11f, 0.15f, 0.23f, 1.0f};
    ImVec4 border{0.24f, 0.28f, 0.34f, 1.0f};
    ImVec4 error_banner{0.60f, 0.12f, 0.12f, 1.0f};
};

const Palette& palette();
ImVec4 status_colour(core::Status status);
// Applies the palette and sizes to ImGui's style, scaled by `scale` (1.0 at 1080p).
void apply_theme(float scale);

}  // namespace widgets

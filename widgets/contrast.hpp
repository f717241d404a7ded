// Contrast of text against what it is drawn on, as WCAG 2 measures it: relative
// luminance of sRGB colours and their ratio, 1:1 to 21:1. The wall needs 7:1 (1.4.6,
// AAA) for every text colour on every surface it is drawn on, the desk 4.5:1 (1.4.3,
// AA). Colours are ImGui's, which are sRGB values, composited by plain alpha blending.
#pragma once

#include <imgui.h>

namespace widgets {

inline constexpr float kKioskContrast = 7.0f;
inline constexpr float kDeskContrast = 4.5f;

// WCAG relative luminance of an opaque sRGB colour (alpha ignored).
float relative_luminance(const ImVec4& colour);
// (lighter + 0.05) / (darker + 0.05).
float contrast_ratio(const ImVec4& a, const ImVec4& b);
// `top` drawn over opaque `bottom` with its alpha: the colour the eye gets.
ImVec4 blend_over(const ImVec4& top, const ImVec4& bottom);

}  // namespace widgets

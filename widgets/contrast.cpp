// WCAG contrast arithmetic (see contrast.hpp).
#include "widgets/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

float linear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

float relative_luminance(const ImVec4& colour) {
    return 0.2126f * linear(colour.x) + 0.7152f * linear(colour.y) + 0.0722f * linear(colour.z);
}

float contrast_ratio(const ImVec4& a, const ImVec4& b) {
    const float la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ImVec4 blend_over(const ImVec4& top, const ImVec4& bottom) {
    const float a = std::clamp(top.w, 0.0f, 1.0f);
    return ImVec4(top.x * a + bottom.x * (1.0f - a), top.y * a + bottom.y * (1.0f - a),
                  top.z * a + bottom.z * (1.0f - a), 1.0f);
}

}  // namespace widgets

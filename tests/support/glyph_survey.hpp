// Every glyph a frame draws, as the screen shows it: which character, in which font and
// at what pixel size, in what colour, and the colour of the fills beneath it. Read from
// the frame's draw lists after ImGui::Render(), so it sees text however a widget drew
// it (items, tables, straight into a draw list), the way the privacy test's glyph decoder
// does (support/headless_imgui.hpp):
//   - a glyph quad is recognised by its texture coordinates, which are exactly those of
//     a glyph in the font atlas; its height against the glyph's gives the size drawn;
//   - the fill beneath a glyph is every solid triangle (the atlas's white pixel) drawn
//     before it whose clip rectangle and area cover the glyph's centre, composited in
//     draw order with its alpha over the colour the window is cleared to.
// Header-only so any test can include it without a CMake change.
#pragma once

#include <imgui.h>

#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/headless_imgui.hpp"
#include "widgets/contrast.hpp"

namespace test_support {

struct SurveyedGlyph {
    unsigned codepoint = 0;
    const ImFont* font = nullptr;
    float pixels = 0.0f;  // the font size it was drawn at
    ImVec2 min, max;      // the quad on screen
    ImVec4 clip;          // the draw command's clip rectangle (x1, y1, x2, y2)
    ImVec4 colour;        // the text colour, as given (alpha included)
    ImVec4 beneath;       // the opaque colour under the glyph's centre
    size_t run = 0;       // glyphs of one line of text share a run number

    // The text as the eye gets it against what is beneath it.
    float contrast() const {
        return widgets::contrast_ratio(widgets::blend_over(colour, beneath), beneath);
    }
    // Wholly inside its clip rectangle: nothing of it is cut off.
    bool unclipped() const {
        return min.x >= clip.x - 0.5f && min.y >= clip.y - 0.5f && max.x <= clip.z + 0.5f &&
               max.y <= clip.w + 0.5f;
    }
};

struct GlyphSurvey {
    std::vector<SurveyedGlyph> glyphs;
    // Quads whose texture coordinates lie inside a glyph's but are not its corners: a
    // glyph ImGui cut at a clip rectangle on the CPU (part of a letter on screen).
    int cut_glyphs = 0;

    // The text of each run, without spaces (a space has no quad), newline-separated.
    std::string text() const {
        std::string out;
        for (size_t i = 0; i < glyphs.size(); ++i) {
            if (i && glyphs[i].run != glyphs[i - 1].run) out += '\n';
            append_utf8(out, glyphs[i].codepoint);
        }
        return out;
    }
};

namespace survey_detail {

struct Fill {
    ImVec2 p[3];
    ImVec4 c[3];
    ImVec4 clip;
    size_t order;
};

inline ImVec4 to_vec4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

// Barycentric weights of `q` in the triangle, or false when it lies outside.
inline bool weights(const Fill& f, ImVec2 q, float w[3]) {
    const float d = (f.p[1].y - f.p[2].y) * (f.p[0].x - f.p[2].x) +
                    (f.p[2].x - f.p[1].x) * (f.p[0].y - f.p[2].y);
    if (std::fabs(d) < 1e-6f) return false;
    w[0] =
        ((f.p[1].y - f.p[2].y) * (q.x - f.p[2].x) + (f.p[2].x - f.p[1].x) * (q.y - f.p[2].y)) / d;
    w[1] =
        ((f.p[2].y - f.p[0].y) * (q.x - f.p[2].x) + (f.p[0].x - f.p[2].x) * (q.y - f.p[2].y)) / d;
    w[2] = 1.0f - w[0] - w[1];
    constexpr float e = -1e-4f;
    return w[0] >= e && w[1] >= e && w[2] >= e;
}

}  // namespace survey_detail

// Surveys the current frame's draw data; `clear` is the colour the window is cleared to.
inline GlyphSurvey survey_glyphs(const ImVec4& clear) {
    using survey_detail::Fill;
    struct GlyphRef {
        const ImFont* font;
        const ImFontGlyph* glyph;
    };
    std::map<std::pair<float, float>, GlyphRef> by_uv;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) by_uv[{g.U0, g.V0}] = {font, &g};
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;

    GlyphSurvey survey;
    std::vector<Fill> fills;
    std::vector<std::pair<SurveyedGlyph, size_t>> placed;  // glyph, draw order
    size_t order = 0, run = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return survey;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        float last_top = -1e9f, last_right = -1e9f;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                for (unsigned k = 0; k < 3; ++k)
                    v[k] = &list->VtxBuffer[static_cast<int>(
                        cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
                ++order;
                const bool solid = v[0]->uv.x == white.x && v[0]->uv.y == white.y &&
                                   v[1]->uv.x == white.x && v[2]->uv.x == white.x;
                if (solid) {
                    Fill f{{v[0]->pos, v[1]->pos, v[2]->pos},
                           {survey_detail::to_vec4(v[0]->col), survey_detail::to_vec4(v[1]->col),
                            survey_detail::to_vec4(v[2]->col)},
                           cmd.ClipRect,
                           order};
                    fills.push_back(f);
                    continue;
                }
                auto it = by_uv.find({v[0]->uv.x, v[0]->uv.y});
                if (it == by_uv.end()) {
                    // Inside some glyph's texture box without being its corner: cut.
                    for (const auto& [uv, ref] : by_uv) {
                        const ImFontGlyph& g = *ref.glyph;
                        if (v[0]->uv.x >= g.U0 && v[0]->uv.x <= g.U1 && v[0]->uv.y >= g.V0 &&
                            v[0]->uv.y <= g.V1) {
                            ++survey.cut_glyphs;
                            i += 3;  // the quad's second triangle
                            break;
                        }
                    }
                    continue;
                }
                const ImFontGlyph& g = *it->second.glyph;
                if (v[2]->uv.x != g.U1 || v[2]->uv.y != g.V1) {
                    // The quad's second triangle starts at the same corner: skip it; a quad
                    // cut at the bottom or right keeps (U0, V0) but not (U1, V1).
                    if (v[1]->uv.x != g.U1 || v[1]->uv.y != g.V1) ++survey.cut_glyphs;
                    continue;
                }
                SurveyedGlyph s;
                s.codepoint = g.Codepoint;
                s.font = it->second.font;
                s.min = v[0]->pos;
                s.max = v[2]->pos;
                const float box = g.Y1 - g.Y0;
                s.pixels =
                    box > 0.0f ? s.font->FontSize * (s.max.y - s.min.y) / box : s.font->FontSize;
                s.clip = cmd.ClipRect;
                s.colour = survey_detail::to_vec4(v[0]->col);
                const float height = s.max.y - s.min.y;
                if (std::fabs(s.min.y - last_top) > height * 0.75f + 4.0f ||
                    s.min.x < last_right - 2.0f)
                    ++run;
                last_top = s.min.y;
                last_right = s.max.x;
                s.run = run;
                placed.push_back({s, order});
            }
        }
        ++run;
    }
    for (auto& [glyph, at] : placed) {
        const ImVec2 centre((glyph.min.x + glyph.max.x) * 0.5f, (glyph.min.y + glyph.max.y) * 0.5f);
        ImVec4 colour = clear;
        colour.w = 1.0f;
        for (const Fill& f : fills) {
            if (f.order > at) break;
            if (centre.x < f.clip.x || centre.y < f.clip.y || centre.x >= f.clip.z ||
                centre.y >= f.clip.w)
                continue;
            float w[3];
            if (!survey_detail::weights(f, centre, w)) continue;
            ImVec4 c(0, 0, 0, 0);
            for (int k = 0; k < 3; ++k) {
                c.x += w[k] * f.c[k].x;
                c.y += w[k] * f.c[k].y;
                c.z += w[k] * f.c[k].z;
                c.w += w[k] * f.c[k].w;
            }
            colour = widgets::blend_over(c, colour);
        }
        glyph.beneath = colour;
        survey.glyphs.push_back(glyph);
    }
    return survey;
}

}  // namespace test_support

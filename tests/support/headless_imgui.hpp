// A real Dear ImGui context with the board fonts but no window or GL, for drawing boards
// in unit tests, and a record of all the text a frame sends to the screen, taken two
// independent ways so a privacy check does not depend on how a board draws its text:
//   - logged: ImGui's log of every text item, in full (an ellipsised cell logs its whole
//     text; logging also turns list clippers off, so every row of a list is drawn);
//   - glyphs: the characters actually in the frame's vertex buffers, decoded by matching
//     each quad's texture coordinates to the font atlas's glyphs. This also catches text
//     drawn straight into a draw list (ImDrawList::AddText, text fields), which the log
//     never sees. Glyph runs carry no spaces (a space has no quad): compare without them.
// Header-only so any test can include it without a CMake change.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "widgets/board.hpp"
#include "widgets/fonts.hpp"
#include "widgets/theme.hpp"

namespace test_support {

struct DrawnText {
    std::string logged;  // every text item, in full, newline-separated
    std::string glyphs;  // every drawn glyph run, without spaces, newline-separated

    // Whether `text` was logged, or drawn (compared without spaces).
    bool contains(std::string_view text) const {
        if (logged.find(text) != std::string::npos) return true;
        std::string packed;
        for (char c : text)
            if (c != ' ') packed += c;
        return !packed.empty() && glyphs.find(packed) != std::string::npos;
    }
};

// Appends code point `c` as UTF-8.
inline void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The text of the current frame's draw data (after ImGui::Render()), glyph by glyph.
inline std::string decode_glyphs() {
    // A glyph quad's first vertex carries the glyph's (U0, V0) and its third (U1, V1),
    // exactly as stored in the atlas: ImFont::RenderText copies them unchanged unless it
    // clips the glyph, and a clipped glyph is only partly on screen anyway.
    std::map<std::pair<float, float>, std::pair<std::pair<float, float>, unsigned>> by_uv;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) by_uv[{g.U0, g.V0}] = {{g.U1, g.V1}, g.Codepoint};
    std::string out;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return out;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
        float last_top = -1e9f, last_right = -1e9f;
        bool in_run = false;
        for (int i = 0; i + 3 < v.Size;) {
            auto it = by_uv.find({v[i].uv.x, v[i].uv.y});
            if (it != by_uv.end() && v[i + 2].uv.x == it->second.first.first &&
                v[i + 2].uv.y == it->second.first.second) {
                // A new run when the pen moved to another line or back to the left.
                const float height = v[i + 2].pos.y - v[i].pos.y;
                if (in_run && (std::fabs(v[i].pos.y - last_top) > height * 0.75f + 4.0f ||
                               v[i].pos.x < last_right - 2.0f))
                    out += '\n';
                append_utf8(out, it->second.second);
                last_top = v[i].pos.y;
                last_right = v[i + 2].pos.x;
                in_run = true;
                i += 4;
            } else {
                if (in_run) out += '\n';
                in_run = false;
                ++i;
            }
        }
        if (in_run) out += '\n';
    }
    return out;
}

// One ImGui context with the board fonts at 1920x1080, destroyed with the object.
class HeadlessImGui {
  public:
    explicit HeadlessImGui(ImVec2 display = ImVec2(1920, 1080)) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        fonts_ = widgets::load_fonts(*io.Fonts, display.y / 1080.0f);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        widgets::apply_theme(fonts_.scale);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(context_); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // A context as the app gives it: fonts, scale, the snapshot's date, privacy on.
    widgets::BoardContext context(const core::Snapshot& snapshot, bool privacy = true) const {
        widgets::BoardContext ctx;
        ctx.privacy = privacy;
        ctx.scale = fonts_.scale;
        ctx.fonts = &fonts_;
        ctx.today = snapshot.today;
        ctx.now = now;
        return ctx;
    }

    // Draws one frame of `board` in a full-screen window, as the app does. With
    // `capture`, returns its text (and turns list clippers off for the frame).
    DrawnText frame(widgets::Board& board, const core::Snapshot& snapshot,
                    const widgets::BoardContext& ctx, bool capture = true) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##board", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoNav);
        if (capture) ImGui::LogToBuffer();
        board.draw(snapshot, ctx);
        DrawnText text;
        if (capture) {
            text.logged = GImGui->LogBuffer.c_str();
            ImGui::LogFinish();
        }
        ImGui::End();
        ImGui::Render();
        vertices = ImGui::GetDrawData()->TotalVtxCount;
        if (capture) text.glyphs = decode_glyphs();
        return text;
    }
    DrawnText frame(widgets::Board& board, const core::Snapshot& snapshot, bool privacy = true,
                    bool capture = true) {
        return frame(board, snapshot, context(snapshot, privacy), capture);
    }

    // Characters as the platform backend queues them (typed text).
    static void type(std::string_view text) {
        for (char c : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
    }

    const widgets::Fonts& fonts() const { return fonts_; }
    std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now();
    int vertices = 0;

  private:
    ImGuiContext* context_ = nullptr;
    widgets::Fonts fonts_;
};

}  // namespace test_support

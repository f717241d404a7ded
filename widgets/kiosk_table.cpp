// The wall's paged table and the flow of wrapped runs (see kiosk_table.hpp).
#include "widgets/kiosk_table.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <numeric>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

float width_of(ImFont* font, const char* begin, const char* end) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin, end).x;
}

float width_of(ImFont* font, std::string_view text) {
    return width_of(font, text.data(), text.data() + text.size());
}

float line_height(const BoardContext& context) {
    return context.fonts->body->FontSize + 4.0f * context.scale;
}

ImFont* font_of(const KioskRun& run, const BoardContext& context) {
    return run.font ? run.font : context.fonts->body;
}

void put(ImFont* font, ImVec2 pos, const ImVec4& colour, const char* begin, const char* end) {
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, to_u32(colour), begin, end);
    // Straight to the draw list skips ImGui's text log: feed it, so logs and tests see it.
    if (GImGui->LogEnabled) ImGui::LogRenderedText(&pos, begin, end);
}

// Bytes of the UTF-8 character starting at `s`.
size_t char_length(const char* s) {
    const auto c = static_cast<unsigned char>(*s);
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

}  // namespace

float flow_runs(const std::vector<KioskRun>& runs, ImVec2 origin, float width, bool draw,
                const BoardContext& context) {
    // Runs of one flow share a size (body, or all headline): the tallest sets the line.
    float line = line_height(context);
    for (const KioskRun& run : runs)
        line = std::max(line, font_of(run, context)->FontSize + 4.0f * context.scale);
    float x = 0.0f, y = 0.0f;
    for (size_t i = 0; i < runs.size(); ++i) {
        const KioskRun& run = runs[i];
        ImFont* font = font_of(run, context);
        const char* begin = run.text.data();
        const char* end = begin + run.text.size();
        const float w = width_of(font, begin, end);
        if (run.separator) {
            if (x == 0.0f) continue;  // never at the start of a line
            // Nor at its end: when the next run does not fit after it, break here.
            float next = 0.0f;
            if (i + 1 < runs.size()) {
                const KioskRun& n = runs[i + 1];
                next = std::min(width_of(font_of(n, context), n.text), width);
            }
            if (x + w + next > width) {
                x = 0.0f;
                y += line;
                continue;
            }
            if (draw) put(font, ImVec2(origin.x + x, origin.y + y), run.colour, begin, end);
            x += w;
            continue;
        }
        if (x > 0.0f && x + w > width && w <= width) {
            x = 0.0f;
            y += line;
        }
        if (x + w <= width) {
            if (draw) put(font, ImVec2(origin.x + x, origin.y + y), run.colour, begin, end);
            x += w;
            continue;
        }
        // Longer than what is left of the line: wrap between words.
        const char* s = begin;
        while (s < end) {
            const char* brk = font->CalcWordWrapPositionA(1.0f, s, end, width - x);
            if (brk <= s) {
                if (x > 0.0f) {
                    x = 0.0f;
                    y += line;
                    continue;
                }
                brk = std::min(end, s + char_length(s));  // one character wider than a line
            }
            const float part = width_of(font, s, brk);
            if (draw) put(font, ImVec2(origin.x + x, origin.y + y), run.colour, s, brk);
            x += part;
            s = brk;
            while (s < end && *s == ' ') ++s;
            if (s < end) {
                x = 0.0f;
                y += line;
            }
        }
    }
    return y + line;
}

std::vector<KioskRun> with_separators(std::vector<KioskRun> runs) {
    std::vector<KioskRun> out;
    for (KioskRun& run : runs) {
        if (run.text.empty()) continue;
        if (!out.empty()) out.push_back({"  \xc2\xb7  ", palette().text_dim, nullptr, true});
        out.push_back(std::move(run));
    }
    return out;
}

float KioskTable::footer_height(const BoardContext& context) {
    return line_height(context) + ImGui::GetStyle().CellPadding.y;
}

float KioskTable::row_height(const KioskRow& row, const BoardContext& context) const {
    const float pad_x = ImGui::GetStyle().CellPadding.x;
    float tallest = line_height(context);
    if (row.group) {
        if (!row.cells.empty())
            tallest = flow_runs(row.cells[0], ImVec2(), width_ - 2.0f * pad_x, false, context);
    } else {
        for (size_t c = 0; c < row.cells.size() && c < widths_.size(); ++c)
            tallest = std::max(tallest, flow_runs(row.cells[c], ImVec2(), widths_[c] - 2.0f * pad_x,
                                                  false, context));
    }
    return tallest + 2.0f * ImGui::GetStyle().CellPadding.y;
}

void KioskTable::layout(std::vector<KioskColumn> columns, std::vector<KioskRow> rows, ImVec2 size,
                        bool group_pages, const BoardContext& context) {
    columns_ = std::move(columns);
    rows_ = std::move(rows);
    width_ = size.x;
    const float pad_x = ImGui::GetStyle().CellPadding.x;

    // Short columns: as wide as the widest value (or the bold label); never wrapped.
    widths_.assign(columns_.size(), 0.0f);
    float fixed = 0.0f, weights = 0.0f;
    for (size_t c = 0; c < columns_.size(); ++c) {
        if (columns_[c].weight > 0.0f) {
            weights += columns_[c].weight;
            continue;
        }
        float widest = width_of(context.fonts->bold, columns_[c].label);
        for (const KioskRow& row : rows_) {
            if (row.group || c >= row.cells.size()) continue;
            float w = 0.0f;
            for (const KioskRun& run : row.cells[c]) w += width_of(font_of(run, context), run.text);
            widest = std::max(widest, w);
        }
        widths_[c] = widest + 2.0f * pad_x;
        fixed += widths_[c];
    }
    // The wrapping columns share the rest, each at least a few words wide.
    const float least = 6.0f * context.fonts->body->FontSize;
    const float free = std::max(size.x - fixed, least * weights);
    for (size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c].weight > 0.0f) widths_[c] = free * columns_[c].weight / weights;

    heights_.clear();
    heights_.reserve(rows_.size());
    for (const KioskRow& row : rows_) heights_.push_back(row_height(row, context));

    const float header = line_height(context) + 2.0f * ImGui::GetStyle().CellPadding.y;
    const float room = size.y - header - footer_height(context);
    pages_.clear();
    Page page;
    float used = 0.0f;
    int group = -1;
    auto close = [&](size_t at) {
        page.end = at;
        pages_.push_back(page);
        page = Page{};
        page.first = at;
        used = 0.0f;
    };
    for (size_t i = 0; i < rows_.size(); ++i) {
        const bool started = i > page.first;
        if (rows_[i].group) {
            const float with_next = heights_[i] + (i + 1 < rows_.size() ? heights_[i + 1] : 0.0f);
            if (started && (group_pages || used + with_next > room)) close(i);
            group = static_cast<int>(i);
        } else if (started && used + heights_[i] > room) {
            close(i);
            if (group >= 0) {
                page.group = group;
                used = heights_[static_cast<size_t>(group)];
            }
        }
        used += heights_[i];
    }
    if (!rows_.empty()) close(rows_.size());
}

void KioskTable::draw_row(const KioskRow& row, ImVec2 origin, float height, bool alternate,
                          const BoardContext& context) const {
    const Palette& p = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + width_, origin.y + height);
    if (row.group)
        draw->AddRectFilled(origin, end, to_u32(p.group_row));
    else if (alternate)
        draw->AddRectFilled(origin, end, to_u32(p.row_alt));
    if (row.tint.w > 0.0f) draw->AddRectFilled(origin, end, to_u32(row.tint));
    if (row.group) {
        if (!row.cells.empty())
            flow_runs(row.cells[0],
                      ImVec2(origin.x + style.CellPadding.x, origin.y + style.CellPadding.y),
                      width_ - 2.0f * style.CellPadding.x, true, context);
        return;
    }
    float x = origin.x;
    for (size_t c = 0; c < row.cells.size() && c < widths_.size(); ++c) {
        flow_runs(row.cells[c], ImVec2(x + style.CellPadding.x, origin.y + style.CellPadding.y),
                  widths_[c] - 2.0f * style.CellPadding.x, true, context);
        x += widths_[c];
    }
}

void KioskTable::draw(size_t page_index, const BoardContext& context,
                      std::optional<std::string_view> footer) const {
    const Palette& p = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;

    const float header = line_height(context) + 2.0f * style.CellPadding.y;
    draw->AddRectFilled(origin, ImVec2(origin.x + width_, y + header), to_u32(p.header));
    float x = origin.x;
    for (size_t c = 0; c < columns_.size(); ++c) {
        const std::string& label = columns_[c].label;
        put(context.fonts->bold, ImVec2(x + style.CellPadding.x, y + style.CellPadding.y), p.text,
            label.data(), label.data() + label.size());
        x += widths_[c];
    }
    y += header;

    if (!pages_.empty()) {
        const Page& page = pages_[std::min(page_index, pages_.size() - 1)];
        if (page.group >= 0) {
            const auto g = static_cast<size_t>(page.group);
            draw_row(rows_[g], ImVec2(origin.x, y), heights_[g], false, context);
            y += heights_[g];
        }
        size_t shown = 0;
        for (size_t i = page.first; i < page.end; ++i) {
            draw_row(rows_[i], ImVec2(origin.x, y), heights_[i],
                     !rows_[i].group && (shown++ % 2 == 1), context);
            if (rows_[i].group) shown = 0;
            y += heights_[i];
        }
        std::string text(footer.value_or(""));
        if (!footer && pages_.size() > 1)
            text = "Page " + std::to_string(std::min(page_index, pages_.size() - 1) + 1) + " of " +
                   std::to_string(pages_.size());
        if (!text.empty()) {
            ImFont* bold = context.fonts->bold;
            const float w = width_of(bold, text);
            put(bold, ImVec2(origin.x + width_ - w - style.CellPadding.x, y + style.CellPadding.y),
                p.accent, text.data(), text.data() + text.size());
            y += footer_height(context);
        }
    }
    ImGui::Dummy(ImVec2(width_, y - origin.y));
}

}  // namespace widgets

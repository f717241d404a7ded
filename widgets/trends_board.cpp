// Drawing of the trends board (see trends_board.hpp). Every text a chart shows is
// formatted when a new snapshot arrives; a frame only lays out the grid, wraps titles
// to their panel, and places bars and text with the window's draw list, in the theme's
// fonts. On the wall the type is sized for the room, so the grid takes as many charts
// as fit with nothing cut and the rest go to further pages.
#include "widgets/trends_board.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

#include "core/trends.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/heading_line.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

// The per-term figures charted, in reading order (at the desk three across, four down:
// six bars with their term labels need a third of the width). The split of closures by
// outcome is in the reports.
constexpr std::array<std::string_view, 12> kCharted = {
    "lift_bookings",
    "lift_discussions",
    "surgery_discussions",
    "schools_reached",
    "cases_opened",
    "cases_closed",
    "paperwork_on_time_pct",
    "visits_on_time_pct",
    "median_days_surgery_to_lift",
    "median_days_lift_to_first_visit",
    "ehcna_decisions_in_6_weeks_pct",
    "ehcp_in_20_weeks_pct",
};
constexpr int kColumns = 3;
constexpr float kTeacherShare = 0.22f;  // of the width, for the teacher load column

// "Au 24", "Sp 25": the term and the year it falls in, short enough for a bar's width.
std::string short_term(const core::Term& term) {
    static constexpr const char* names[] = {"Au", "Sp", "Su"};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s %02d", names[static_cast<int>(term.term)],
                  term.start.year() % 100);
    return buffer;
}

// A bar's value: whole numbers read across a room (the reports carry the decimals).
std::string bar_label(std::optional<double> value) {
    if (!value) return "\xe2\x80\x93";  // en dash: nothing to count
    return std::to_string(static_cast<long>(std::lround(*value)));
}

std::string chart_title(const core::FigureSpec& spec) {
    switch (spec.kind) {
        case core::FigureKind::percent:
            return std::string(spec.label) + " %";
        case core::FigureKind::days:
        case core::FigureKind::count:
            break;
    }
    return std::string(spec.label);
}

ImVec2 text_size(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.data(), text.data() + text.size());
}

void add_text(ImDrawList* list, ImFont* font, ImVec2 pos, const ImVec4& colour,
              std::string_view text) {
    list->AddText(font, font->FontSize, pos, to_u32(colour), text.data(),
                  text.data() + text.size());
}

// `text` in lines no wider than `width`, broken between words where it can be (ImGui's
// own word wrap, so the lines are the ones ImGui would draw).
std::vector<std::string_view> wrap(ImFont* font, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const char* at = text.data();
    const char* const end = at + text.size();
    while (at < end) {
        const char* cut = font->CalcWordWrapPositionA(1.0f, at, end, std::max(width, 1.0f));
        if (cut == at) ++cut;  // not even one character fits: still make progress
        std::string_view line(at, static_cast<size_t>(cut - at));
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        lines.push_back(line);
        at = cut;
        while (at < end && *at == ' ') ++at;
    }
    return lines;
}

// "Au 24" as "Au" and "24", for a bar too narrow for the label on one line.
std::pair<std::string_view, std::string_view> split_term(std::string_view term) {
    const size_t space = term.find(' ');
    if (space == std::string_view::npos) return {term, {}};
    return {term.substr(0, space), term.substr(space + 1)};
}

// Room on each side of a bar's texts, as a share of the widest, so neighbours never touch.
constexpr float kLabelRoom = 1.2f;

}  // namespace

void TrendsBoard::refresh(const core::Snapshot& snapshot) {
    if (cached_for_ == &snapshot && cached_generation_ == snapshot.generation &&
        cached_built_at_ == snapshot.built_at)
        return;
    cached_for_ = &snapshot;
    cached_generation_ = snapshot.generation;
    cached_built_at_ = snapshot.built_at;

    const auto& terms = snapshot.trends.terms;
    current_ = snapshot.trends.current;
    term_labels_.clear();
    for (const core::TermFigures& t : terms) term_labels_.push_back(short_term(t.term));

    charts_.clear();
    for (std::string_view name : kCharted) {
        const auto specs = core::term_figure_specs();
        auto spec = std::find_if(specs.begin(), specs.end(),
                                 [&](const core::FigureSpec& s) { return s.name == name; });
        if (spec == specs.end()) continue;
        Chart chart;
        chart.title = chart_title(*spec);
        double top = spec->kind == core::FigureKind::percent ? 100.0 : 1.0;
        for (const core::TermFigures& t : terms) {
            auto value = spec->value(t);
            chart.values.push_back(value);
            chart.labels.push_back(bar_label(value));
            if (value) top = std::max(top, *value);
        }
        chart.top = top;
        if (name == "ehcp_in_20_weeks_pct") {
            chart.reference = core::kNationalEhcpIn20WeeksPct;
            chart.reference_label = "England 50.3%";
        }
        charts_.push_back(std::move(chart));
    }

    teacher_counts_.clear();
    teacher_late_.clear();
    teacher_top_ = 1;
    for (const core::TeacherLoad& load : snapshot.teacher_loads) {
        teacher_top_ = std::max(teacher_top_, load.cases);
        teacher_counts_.push_back(std::to_string(load.cases));
        teacher_late_.push_back(load.overdue_visits ? std::to_string(load.overdue_visits) + " late"
                                                    : std::string());
    }
    subtitle_ = terms.empty() ? std::string("the term calendar does not cover today")
                              : "last " + std::to_string(terms.size()) + " terms";
    today_ = "Today " + core::to_display(snapshot.today);
}

void TrendsBoard::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    refresh(snapshot);
    const Palette& p = palette();
    HeadingLine heading(title(), context);
    heading.add(subtitle_, p.text_dim);
    if (current_ >= 0) {
        heading.dot();
        heading.add("this term highlighted", p.accent);
    }
    heading.date(today_);
    ImGui::Dummy(ImVec2(0.0f, 4.0f * context.scale));

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 12.0f * context.scale;
    const float teachers_width = std::floor(avail.x * kTeacherShare);
    const float grid_width = avail.x - teachers_width - gap;
    const Layout grid = layout(ImVec2(grid_width, avail.y), gap, context);
    const size_t per_page = static_cast<size_t>(grid.columns * grid.rows);
    pages_ = std::max<size_t>(1, (charts_.size() + per_page - 1) / per_page);
    const size_t page = std::min(context.page, pages_ - 1);
    const size_t first = page * per_page;
    const size_t last = std::min(charts_.size(), first + per_page);
    for (size_t i = first; i < last; ++i) {
        const float col = static_cast<float>((i - first) % static_cast<size_t>(grid.columns));
        const float row = static_cast<float>((i - first) / static_cast<size_t>(grid.columns));
        draw_chart(
            charts_[i],
            ImVec2(origin.x + col * (grid.cell.x + gap), origin.y + row * (grid.cell.y + gap)),
            grid.cell, grid.term_on_two_lines, context);
    }
    draw_teachers(snapshot, ImVec2(origin.x + grid_width + gap, origin.y),
                  ImVec2(teachers_width, avail.y), context);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(avail);  // the charts are drawn, not laid out: claim their space
}

// The height a chart needs at `width` with a plot still tall enough to compare bars:
// its wrapped title, the reference legend, a value above the tallest bar, the term labels.
float TrendsBoard::chart_height_needed(const Chart& chart, float width, bool term_on_two_lines,
                                       const BoardContext& context) const {
    const Fonts& fonts = *context.fonts;
    const float pad = 10.0f * context.scale;
    const float title_h =
        static_cast<float>(wrap(fonts.bold, chart.title, width - 2.0f * pad).size()) *
        fonts.bold->FontSize;
    const float legend_h = chart.reference ? fonts.small->FontSize : 0.0f;
    const float value_h = fonts.body->FontSize;
    const float label_h = fonts.small->FontSize * (term_on_two_lines ? 2.0f : 1.0f);
    const float min_plot = std::max(value_h * 1.5f, 40.0f * context.scale);
    // The same spacing draw_chart uses.
    return pad * 0.6f + title_h + legend_h + pad * 0.4f + value_h + min_plot + pad * 0.4f +
           label_h + pad * 0.6f;
}

TrendsBoard::Layout TrendsBoard::layout(ImVec2 grid, float gap, const BoardContext& context) const {
    const Fonts& fonts = *context.fonts;
    const float pad = 10.0f * context.scale;
    const size_t n = term_labels_.size();
    // The widest text under (term) and on (value, bold for this term) any bar.
    float term_w = 0.0f, term_part_w = 0.0f, value_w = 0.0f;
    for (const std::string& term : term_labels_) {
        term_w = std::max(term_w, text_size(fonts.small, term).x);
        const auto [name, year] = split_term(term);
        term_part_w =
            std::max({term_part_w, text_size(fonts.small, name).x, text_size(fonts.small, year).x});
    }
    for (const Chart& chart : charts_)
        for (const std::string& label : chart.labels)
            value_w = std::max(value_w, text_size(fonts.bold, label).x);

    Layout result;
    const auto cell_width = [&](int columns) {
        return (grid.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    };
    const auto fits = [&](int columns, bool two_lines) {
        if (n == 0) return true;
        const float slot = (cell_width(columns) - 2.0f * pad) / static_cast<float>(n);
        return slot >= std::max(value_w, two_lines ? term_part_w : term_w) * kLabelRoom;
    };
    // The desk keeps its three across; the wall takes the most columns whose bars have
    // room for their labels, on one line if it can.
    result.columns = kColumns;
    if (context.kiosk) {
        while (result.columns > 1 && !fits(result.columns, false) && !fits(result.columns, true))
            --result.columns;
    }
    result.term_on_two_lines = !fits(result.columns, false) && fits(result.columns, true);
    result.cell.x = cell_width(result.columns);

    const int all_rows =
        static_cast<int>((charts_.size() + static_cast<size_t>(result.columns) - 1) /
                         static_cast<size_t>(result.columns));
    result.rows = std::max(1, all_rows);
    if (context.kiosk) {
        // As many rows as the tallest chart allows; the rest go to further pages.
        float need = 0.0f;
        for (const Chart& chart : charts_)
            need = std::max(
                need, chart_height_needed(chart, result.cell.x, result.term_on_two_lines, context));
        const int fit = static_cast<int>(std::floor((grid.y + gap) / (need + gap)));
        result.rows = std::clamp(fit, 1, result.rows);
    }
    result.cell.y =
        (grid.y - gap * static_cast<float>(result.rows - 1)) / static_cast<float>(result.rows);
    return result;
}

void TrendsBoard::draw_chart(const Chart& chart, ImVec2 origin, ImVec2 size, bool term_on_two_lines,
                             const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float pad = 10.0f * context.scale;
    const ImVec2 end{origin.x + size.x, origin.y + size.y};
    list->AddRectFilled(origin, end, to_u32(p.row_alt), 6.0f * context.scale);
    // A long title wraps inside its panel: on the wall a cut word cannot be read.
    float y_title = origin.y + pad * 0.6f;
    for (std::string_view line : wrap(fonts.bold, chart.title, size.x - 2.0f * pad)) {
        add_text(list, fonts.bold, ImVec2(origin.x + pad, y_title), p.text, line);
        y_title += fonts.bold->FontSize;
    }
    // The reference line's legend sits under the title, where no bar's value can cover it.
    if (chart.reference) {
        const float swatch = fonts.small->FontSize;
        const float mid = y_title + fonts.small->FontSize * 0.5f;
        list->AddLine(ImVec2(origin.x + pad, mid), ImVec2(origin.x + pad + swatch, mid),
                      to_u32(p.warning), 3.0f * context.scale);
        add_text(list, fonts.small, ImVec2(origin.x + pad + swatch + pad * 0.5f, y_title),
                 p.warning, chart.reference_label);
        y_title += fonts.small->FontSize;
    }

    const float label_h = fonts.small->FontSize * (term_on_two_lines ? 2.0f : 1.0f);
    const float value_h = fonts.body->FontSize;
    const float plot_top = y_title + pad * 0.4f + value_h;
    const float plot_bottom = end.y - pad * 0.6f - label_h - pad * 0.4f;
    const float plot_h = std::max(1.0f, plot_bottom - plot_top);
    const size_t n = chart.values.size();
    if (n == 0) return;
    const float slot = (size.x - 2.0f * pad) / static_cast<float>(n);
    const float bar_w = slot * 0.72f;
    list->AddLine(ImVec2(origin.x + pad, plot_bottom), ImVec2(end.x - pad, plot_bottom),
                  to_u32(p.border), 2.0f * context.scale);

    // The reference line goes under the bars and their values, so a value stays readable.
    if (chart.reference) {
        const float y = plot_bottom - static_cast<float>(*chart.reference / chart.top) * plot_h;
        list->AddLine(ImVec2(origin.x + pad, y), ImVec2(end.x - pad, y), to_u32(p.warning),
                      3.0f * context.scale);
    }

    for (size_t i = 0; i < n; ++i) {
        const bool now = static_cast<int>(i) == current_;
        const float centre = origin.x + pad + slot * (static_cast<float>(i) + 0.5f);
        float bar_top = plot_bottom;
        if (chart.values[i] && *chart.values[i] > 0.0) {
            const float h = static_cast<float>(*chart.values[i] / chart.top) * plot_h;
            bar_top = plot_bottom - std::max(h, 2.0f * context.scale);
            list->AddRectFilled(ImVec2(centre - bar_w / 2, bar_top),
                                ImVec2(centre + bar_w / 2, plot_bottom),
                                to_u32(now ? p.accent : p.header), 3.0f * context.scale);
        }
        // The value on the bar: inside its top when the bar is tall enough, else above it.
        const std::string& label = chart.labels[i];
        ImFont* value_font = now ? fonts.bold : fonts.body;
        const ImVec2 ts = text_size(value_font, label);
        const bool inside = plot_bottom - bar_top >= ts.y + pad * 0.5f;
        const float y = inside ? bar_top + pad * 0.2f : bar_top - ts.y;
        const ImVec4& colour =
            !chart.values[i] ? p.text_dim : (inside && now ? p.background : p.text);
        add_text(list, value_font, ImVec2(centre - ts.x / 2, y), colour, label);

        const std::string& term = term_labels_[i];
        ImFont* term_font = fonts.small;
        const ImVec4& term_colour = now ? p.accent : p.text_dim;
        const float term_y = plot_bottom + pad * 0.3f;
        if (term_on_two_lines) {
            const auto [name, year] = split_term(term);
            add_text(list, term_font, ImVec2(centre - text_size(term_font, name).x / 2, term_y),
                     term_colour, name);
            add_text(
                list, term_font,
                ImVec2(centre - text_size(term_font, year).x / 2, term_y + term_font->FontSize),
                term_colour, year);
        } else {
            const ImVec2 tl = text_size(term_font, term);
            add_text(list, term_font, ImVec2(centre - tl.x / 2, term_y), term_colour, term);
        }
    }
}

void TrendsBoard::draw_teachers(const core::Snapshot& snapshot, ImVec2 origin, ImVec2 size,
                                const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float pad = 10.0f * context.scale;
    const ImVec2 end{origin.x + size.x, origin.y + size.y};
    list->AddRectFilled(origin, end, to_u32(p.row_alt), 6.0f * context.scale);
    add_text(list, fonts.bold, ImVec2(origin.x + pad, origin.y + pad * 0.6f), p.text,
             "Teacher load");
    const auto& loads = snapshot.teacher_loads;
    if (loads.empty()) {
        add_text(list, fonts.body,
                 ImVec2(origin.x + pad, origin.y + pad + fonts.bold->FontSize * 1.4f), p.text_dim,
                 "No open cases.");
        return;
    }
    // Each teacher: the name, then a bar of open cases with the count and late visits.
    const float line = fonts.body->FontSize * 1.1f;
    const float row_h = line * 2.0f + pad * 0.4f;
    float y = origin.y + pad + fonts.bold->FontSize * 1.4f;
    const float bottom = end.y - pad;
    const float bar_left = origin.x + pad;
    const float bar_room = size.x - 2.0f * pad;
    size_t shown = 0;
    for (; shown < loads.size(); ++shown) {
        // Leave a line for "+N more" unless this is the last teacher.
        const float need = row_h + (shown + 1 < loads.size() ? line : 0.0f);
        if (y + need > bottom) break;
        const core::TeacherLoad& load = loads[shown];
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, y));
        ImGui::PushFont(fonts.body);
        text_fitted(load.name, p.text, bar_room);
        ImGui::PopFont();
        const float bar_y = y + line;
        const std::string& late = teacher_late_[shown];
        const float late_w = late.empty() ? 0.0f : text_size(fonts.bold, late).x + pad;
        const float count_w = text_size(fonts.body, "0000").x;
        const float full = std::max(1.0f, bar_room - late_w - count_w);
        const float w = full * static_cast<float>(load.cases) / static_cast<float>(teacher_top_);
        list->AddRectFilled(
            ImVec2(bar_left, bar_y + line * 0.15f),
            ImVec2(bar_left + std::max(w, 2.0f * context.scale), bar_y + line * 0.85f),
            to_u32(p.header), 3.0f * context.scale);
        add_text(list, fonts.body, ImVec2(bar_left + w + pad * 0.5f, bar_y), p.text,
                 teacher_counts_[shown]);
        if (!late.empty())
            add_text(list, fonts.bold, ImVec2(end.x - pad - text_size(fonts.bold, late).x, bar_y),
                     p.overdue, late);
        y += row_h;
    }
    if (shown < loads.size()) {
        const std::string more = "+" + std::to_string(loads.size() - shown) + " more";
        add_text(list, fonts.small, ImVec2(origin.x + pad, y), p.text_dim, more);
    }
}

}  // namespace widgets

// Drawing of the trends board (see trends_board.hpp). Every text a chart shows is
// formatted when a new snapshot arrives; a frame only places bars and text with the
// window's draw list, in the theme's fonts.
#include "widgets/trends_board.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/trends.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/heading_line.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

// The per-term figures charted, in reading order (three across, four down: six bars with
// their term labels need a third of the width). The split of closures by outcome is in
// the reports.
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
    const int rows = static_cast<int>((charts_.size() + kColumns - 1) / kColumns);
    const ImVec2 cell{
        (grid_width - gap * (kColumns - 1)) / kColumns,
        rows > 0 ? (avail.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows)
                 : 0.0f};
    for (size_t i = 0; i < charts_.size(); ++i) {
        const float col = static_cast<float>(i % kColumns), row = static_cast<float>(i / kColumns);
        draw_chart(charts_[i],
                   ImVec2(origin.x + col * (cell.x + gap), origin.y + row * (cell.y + gap)), cell,
                   context);
    }
    draw_teachers(snapshot, ImVec2(origin.x + grid_width + gap, origin.y),
                  ImVec2(teachers_width, avail.y), context);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(avail);  // the charts are drawn, not laid out: claim their space
}

void TrendsBoard::draw_chart(const Chart& chart, ImVec2 origin, ImVec2 size,
                             const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float pad = 10.0f * context.scale;
    const ImVec2 end{origin.x + size.x, origin.y + size.y};
    list->AddRectFilled(origin, end, to_u32(p.row_alt), 6.0f * context.scale);
    list->PushClipRect(origin, end, true);  // a long title stops at the panel's edge
    add_text(list, fonts.bold, ImVec2(origin.x + pad, origin.y + pad * 0.6f), p.text, chart.title);
    list->PopClipRect();

    const float label_h = fonts.small->FontSize;
    const float value_h = fonts.body->FontSize;
    const float plot_top = origin.y + pad + fonts.bold->FontSize + value_h;
    const float plot_bottom = end.y - pad * 0.6f - label_h - pad * 0.4f;
    const float plot_h = std::max(1.0f, plot_bottom - plot_top);
    const size_t n = chart.values.size();
    if (n == 0) return;
    const float slot = (size.x - 2.0f * pad) / static_cast<float>(n);
    const float bar_w = slot * 0.72f;
    list->AddLine(ImVec2(origin.x + pad, plot_bottom), ImVec2(end.x - pad, plot_bottom),
                  to_u32(p.border), 2.0f * context.scale);

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
        const ImVec2 tl = text_size(term_font, term);
        add_text(list, term_font, ImVec2(centre - tl.x / 2, plot_bottom + pad * 0.3f),
                 now ? p.accent : p.text_dim, term);
    }

    if (chart.reference) {
        const float y = plot_bottom - static_cast<float>(*chart.reference / chart.top) * plot_h;
        list->AddLine(ImVec2(origin.x + pad, y), ImVec2(end.x - pad, y), to_u32(p.warning),
                      3.0f * context.scale);
        const ImVec2 ts = text_size(fonts.small, chart.reference_label);
        add_text(list, fonts.small, ImVec2(end.x - pad - ts.x, y - ts.y - 2.0f * context.scale),
                 p.warning, chart.reference_label);
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

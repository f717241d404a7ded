// Layout of the meeting board (see meetings_board.hpp): the title line, a band per week,
// and the cards in columns. Texts that depend on the width (the schools wrapped into
// lines) are made once per snapshot and width, never per frame.
#include "widgets/meetings_board.hpp"

#include <imgui.h>

#include <algorithm>

#include "widgets/draw_helpers.hpp"
#include "widgets/heading_line.hpp"
#include "widgets/meeting_card.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kGap = 16.0f;         // design pixels between columns
constexpr float kMinColumn = 440.0f;  // narrower columns scroll sideways instead
constexpr float kCardPad = 16.0f;     // as meeting_card.cpp's padding
constexpr const char* kDot = "  \xc2\xb7  ";

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

float column_width(size_t columns, float available, float scale) {
    const float n = static_cast<float>(std::max<size_t>(columns, 1));
    const float width = (available - kGap * scale * (n - 1.0f)) / n;
    return std::max(width, kMinColumn * scale);
}

}  // namespace

void MeetingsBoard::refresh(const core::Snapshot& snapshot, const BoardContext&) {
    if (cached_for_ == &snapshot && cached_generation_ == snapshot.generation &&
        cached_built_at_ == snapshot.built_at)
        return;
    cached_for_ = &snapshot;
    cached_generation_ = snapshot.generation;
    cached_built_at_ = snapshot.built_at;
    laid_out_for_ = ImVec2(-1.0f, -1.0f);
    kiosk_size_ = ImVec2(-1.0f, -1.0f);

    const core::MeetingBoardModel& model = snapshot.meetings;
    columns_ = meeting_columns(model);
    const int meetings = static_cast<int>(model.cards.size());
    summary_ = (model.district.empty() ? std::string() : model.district + kDot) +
               plural(meetings, "meeting", "meetings") + kDot +
               plural(model.booked, "pupil booked", "pupils booked");
    any_alarm_ = model.blocked > 0 || model.overdue > 0;
    alarm_.clear();
    if (model.blocked > 0) alarm_ = std::to_string(model.blocked) + " blocked";
    if (model.overdue > 0)
        alarm_ += (alarm_.empty() ? "" : kDot) + std::to_string(model.overdue) + " overdue";
    if (!any_alarm_) alarm_ = "nothing blocked or overdue";
    attention_.clear();
    if (model.due > 0) attention_ = std::to_string(model.due) + " due soon";
    if (model.warnings > 0)
        attention_ +=
            (attention_.empty() ? "" : kDot) + std::to_string(model.warnings) + " to check";
    today_ = "Today " + core::to_display(snapshot.today);
    for (int week = 0; week < 2; ++week) empty_[week] = empty_week_text(model, week);
}

void MeetingsBoard::layout(const core::Snapshot& snapshot, const BoardContext& context,
                           ImVec2 card) {
    if (laid_out_for_.x == card.x && laid_out_for_.y == card.y) return;
    laid_out_for_ = card;
    const float text_width = card.x - 2.0f * kCardPad * context.scale;
    ImFont* small = context.fonts->small;
    const MeasureText measure = [small](std::string_view text) {
        return small
            ->CalcTextSizeA(small->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size())
            .x;
    };
    school_lines_.clear();
    for (const core::MeetingCard& c : snapshot.meetings.cards)
        school_lines_.push_back(
            school_lines(c.schools, text_width, school_line_budget(c, card.y, context), measure));
}

void MeetingsBoard::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    const float s = context.scale;
    const float available = ImGui::GetContentRegionAvail().x;
    refresh(snapshot, context);
    draw_summary(snapshot, context);
    kiosk_page_count_ = 1;
    if (context.kiosk) {
        draw_kiosk(snapshot, context);
        return;
    }

    const core::MeetingBoardModel& model = snapshot.meetings;
    const float width = column_width(columns_.size(), available, s);
    const float total = width * static_cast<float>(columns_.size()) +
                        kGap * s * static_cast<float>(columns_.size() - 1);
    // Only when the columns do not fit (many meetings in two weeks) does the row scroll
    // sideways; the usual two or three meetings fill the width.
    const bool overflow = total > available + 0.5f;
    if (overflow)
        ImGui::BeginChild("meeting_columns", ImVec2(0.0f, ImGui::GetContentRegionAvail().y), false,
                          ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoNav);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw_week_bands(model, origin.x, width, context);
    const float top = ImGui::GetCursorScreenPos().y;
    const ImVec2 card_size(width, ImGui::GetContentRegionAvail().y);
    layout(snapshot, context, card_size);
    for (size_t i = 0; i < columns_.size(); ++i) {
        const MeetingColumn& column = columns_[i];
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + static_cast<float>(i) * (width + kGap * s), top));
        ImGui::PushID(static_cast<int>(i));
        if (column.card < 0) {
            draw_empty_week(empty_[column.week], card_size, context);
        } else {
            const auto index = static_cast<size_t>(column.card);
            MeetingCardInput input{&model.cards[index], &school_lines_[index], card_size,
                                   pending_scroll_};
            draw_meeting_card(input, context);
        }
        ImGui::PopID();
    }
    if (overflow) ImGui::EndChild();
    pending_scroll_.reset();
}

void MeetingsBoard::draw_summary(const core::Snapshot&, const BoardContext& context) {
    const Palette& p = palette();
    HeadingLine heading(title(), context);
    heading.add(summary_, p.text_dim);
    heading.dot();
    heading.add(alarm_, any_alarm_ ? p.blocked : p.ok, any_alarm_ ? context.fonts->bold : nullptr);
    if (!attention_.empty()) {
        heading.dot();
        heading.add(attention_, p.due);
    }
    heading.date(today_);
    ImGui::Dummy(ImVec2(0.0f, 2.0f * context.scale));
}

void MeetingsBoard::draw_week_bands(const core::MeetingBoardModel& model, float x0, float width,
                                    const BoardContext& context) {
    const Palette& p = palette();
    const float s = context.scale;
    ImFont* bold = context.fonts->bold;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float y = ImGui::GetCursorScreenPos().y;
    const float rule_y = y + bold->FontSize + 6.0f * s;
    for (int week = 0; week < 2; ++week) {
        size_t first = columns_.size(), last = 0;
        for (size_t i = 0; i < columns_.size(); ++i)
            if (columns_[i].week == week) first = std::min(first, i), last = std::max(last, i);
        if (first == columns_.size()) continue;
        const float left = x0 + static_cast<float>(first) * (width + kGap * s);
        const float right = x0 + static_cast<float>(last) * (width + kGap * s) + width;
        const ImVec4& colour = week == 0 ? p.accent : p.text_dim;
        const std::string& label = model.weeks[week].label;
        put_text(draw, bold, ImVec2(left, y), right, colour, label);
        draw->AddRectFilled(ImVec2(left, rule_y), ImVec2(right, rule_y + 3.0f * s), to_u32(colour));
    }
    ImGui::Dummy(ImVec2(0.0f, rule_y + 3.0f * s + 10.0f * s - y - ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace widgets

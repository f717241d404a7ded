// The meeting board on the wall (see meetings_board.hpp): one meeting at a time across
// the whole width, as part of the rotation. Its header wraps instead of cutting (the
// group's schools all shown, the counts of what is blocked or overdue in headline type),
// and its bookings are a paged table whose status word, pupil and dates are never cut.
// A week without meetings takes a page saying so.
#include <imgui.h>

#include "widgets/draw_helpers.hpp"
#include "widgets/meeting_card.hpp"
#include "widgets/meetings_board.hpp"
#include "widgets/meetings_layout.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kNoLimit = 1e9f;

float band_height(const BoardContext& context) {
    return context.fonts->bold->FontSize + 19.0f * context.scale;
}

// The week's band: its label and a rule in the week's colour, and which page of the
// board this is at its right end.
void draw_band(const std::string& label, int week, std::string_view page,
               const BoardContext& context) {
    const Palette& p = palette();
    const float s = context.scale;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec4& colour = week == 0 ? p.accent : p.text_dim;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    put_text(draw, context.fonts->bold, at, kNoLimit, colour, label);
    if (!page.empty()) {
        ImFont* bold = context.fonts->bold;
        const float w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, page.data(),
                                            page.data() + page.size())
                            .x;
        put_text(draw, bold, ImVec2(at.x + width - w, at.y), kNoLimit, p.accent, page);
    }
    const float rule_y = at.y + context.fonts->bold->FontSize + 6.0f * s;
    draw->AddRectFilled(ImVec2(at.x, rule_y), ImVec2(at.x + width, rule_y + 3.0f * s),
                        to_u32(colour));
    ImGui::Dummy(ImVec2(width, band_height(context) - ImGui::GetStyle().ItemSpacing.y));
}

// The meeting's header from `origin`, `width` wide, with the group's schools or without:
// drawn when `draw`; returns its height.
float card_header(const core::MeetingCard& card, ImVec2 origin, float width, bool draw,
                  bool with_schools, const BoardContext& context) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    const float s = context.scale;
    float y = origin.y;

    // The kind's badge and the date, in headline type.
    if (draw) {
        ImDrawList* list = ImGui::GetWindowDrawList();
        const float pad = 10.0f * s;
        const float text_y = y + fonts.title->Ascent - fonts.bold->Ascent;
        const float badge_w =
            fonts.bold->CalcTextSizeA(fonts.bold->FontSize, FLT_MAX, 0.0f, card.kind_label.c_str())
                .x +
            2.0f * pad;
        const ImVec4& badge = card.kind == core::MeetingKind::lift ? p.accent : p.text_dim;
        list->AddRectFilled(ImVec2(origin.x, text_y - 4.0f * s),
                            ImVec2(origin.x + badge_w, text_y + fonts.bold->FontSize + 4.0f * s),
                            to_u32(badge), 4.0f * s);
        put_text(list, fonts.bold, ImVec2(origin.x + pad, text_y), kNoLimit, p.on_bright,
                 card.kind_label);
        put_text(list, fonts.title, ImVec2(origin.x + badge_w + 18.0f * s, y), kNoLimit, p.text,
                 card.date_text);
    }
    y += fonts.title->FontSize + 6.0f * s;

    const bool today = card.when == "today";
    std::vector<KioskRun> where = {
        {card.when, today ? p.accent : p.text, today ? fonts.bold : nullptr},
        {card.group_label, card.scheduled ? p.text : p.warning},
        {card.venue, card.scheduled ? p.text : p.warning},
        {card.kind == core::MeetingKind::lift ? card.deadline_text : card.lead,
         card.deadline_passed ? p.text_dim : p.text}};
    y += flow_runs(with_separators(std::move(where)), ImVec2(origin.x, y), width, draw, context);

    // Every school of the group: they wrap, none is left out.
    std::vector<KioskRun> schools;
    for (const core::MeetingSchool& school : card.schools)
        schools.push_back(
            {school.booked > 0 ? school.name + " " + std::to_string(school.booked) : school.name,
             school.over_cap ? p.warning : p.text_dim});
    if (with_schools && !schools.empty())
        y += flow_runs(with_separators(std::move(schools)), ImVec2(origin.x, y), width, draw,
                       context);

    y += flow_runs({{card.summary, card.bookings.empty() ? p.text_dim : p.text, fonts.bold}},
                   ImVec2(origin.x, y), width, draw, context);
    // What is blocked or overdue: headline status words.
    std::vector<KioskRun> alarm;
    if (card.blocked)
        alarm.push_back({std::to_string(card.blocked) + " BLOCKED", p.blocked, fonts.title});
    if (card.overdue)
        alarm.push_back({std::to_string(card.overdue) + " OVERDUE", p.overdue, fonts.title});
    if (!alarm.empty())
        y +=
            flow_runs(with_separators(std::move(alarm)), ImVec2(origin.x, y), width, draw, context);
    if (!card.cap_text.empty())
        y += flow_runs({{card.cap_text, p.warning, fonts.bold}}, ImVec2(origin.x, y), width, draw,
                       context);
    return y + 8.0f * s - origin.y;
}

ImVec4 word_colour(const core::MeetingBooking& b) {
    const Palette& p = palette();
    if (b.worst != core::Status::ok) return status_colour(b.worst);
    return b.word == "READY" ? p.ok : p.text_dim;
}

std::vector<KioskRow> booking_rows(const core::MeetingCard& card, const BoardContext& context) {
    const Palette& p = palette();
    ImFont* bold = context.fonts->bold;
    std::vector<KioskRow> rows;
    for (const core::MeetingBooking& b : card.bookings) {
        KioskRow row;
        if (b.worst >= core::Status::overdue) row.tint = p.overdue_row;
        row.cells.push_back({{b.word, word_colour(b), bold}});
        std::vector<KioskRun> pupil;
        if (!context.privacy && !b.full_name.empty())
            pupil.push_back({b.full_name + "  ", p.text, bold});
        pupil.push_back({b.pupil_label, p.text, bold});
        row.cells.push_back(std::move(pupil));
        row.cells.push_back({{b.school, p.text}});
        std::vector<KioskRun> details;
        for (const DetailRun& run : booking_detail(b))
            details.push_back({std::string(run.text),
                               run.dim ? p.text_dim : status_colour(run.status),
                               run.status >= core::Status::overdue ? bold : nullptr});
        row.cells.push_back(with_separators(std::move(details)));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

void MeetingsBoard::layout_kiosk(const core::Snapshot& snapshot, const BoardContext& context,
                                 ImVec2 size) {
    kiosk_size_ = size;
    kiosk_privacy_ = context.privacy;
    kiosk_tables_.assign(columns_.size(), KioskTable{});
    kiosk_pages_.clear();
    for (size_t i = 0; i < columns_.size(); ++i) {
        const MeetingColumn& column = columns_[i];
        if (column.card < 0) {
            kiosk_pages_.push_back({i, 0});
            continue;
        }
        const core::MeetingCard& card = snapshot.meetings.cards[static_cast<size_t>(column.card)];
        const float band = band_height(context);
        const float full = band + card_header(card, ImVec2(), size.x, false, true, context);
        // A group with many schools: they get the meeting's first page to themselves,
        // and its bookings follow under a header without them.
        const float least =
            KioskTable::footer_height(context) + 4.0f * context.fonts->body->FontSize;
        const bool overview = !card.schools.empty() && size.y - full < least + 2.0f * least;
        const float header =
            overview ? band + card_header(card, ImVec2(), size.x, false, false, context) : full;
        if (overview) kiosk_pages_.push_back({i, 0, true});
        std::vector<KioskColumn> columns = {
            {"Status", 0.0f}, {"Pupil", 0.0f}, {"School", 0.8f}, {"Paperwork and checks", 1.4f}};
        kiosk_tables_[i].layout(std::move(columns), booking_rows(card, context),
                                ImVec2(size.x, size.y - header), false, context);
        if (overview && card.bookings.empty()) continue;
        for (size_t page = 0; page < kiosk_tables_[i].pages(); ++page)
            kiosk_pages_.push_back({i, page, false, overview});
    }
}

void MeetingsBoard::draw_kiosk(const core::Snapshot& snapshot, const BoardContext& context) {
    const Palette& p = palette();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    if (size.x != kiosk_size_.x || size.y != kiosk_size_.y || kiosk_privacy_ != context.privacy)
        layout_kiosk(snapshot, context, size);
    kiosk_page_count_ = std::max<size_t>(kiosk_pages_.size(), 1);
    if (kiosk_pages_.empty()) return;
    const size_t index = std::min(context.page, kiosk_pages_.size() - 1);
    const KioskPage& page = kiosk_pages_[index];
    const MeetingColumn& column = columns_[page.column];
    const std::string footer =
        kiosk_pages_.size() > 1
            ? "Page " + std::to_string(index + 1) + " of " + std::to_string(kiosk_pages_.size())
            : std::string();

    draw_band(snapshot.meetings.weeks[column.week].label, column.week, footer, context);
    const bool table = column.card >= 0 && !page.overview &&
                       !snapshot.meetings.cards[static_cast<size_t>(column.card)].bookings.empty();
    if (column.card < 0) {
        ImGui::PushTextWrapPos(0.0f);
        text_coloured(empty_[column.week], p.text_dim, context.fonts->bold);
        ImGui::PopTextWrapPos();
    } else {
        const core::MeetingCard& card = snapshot.meetings.cards[static_cast<size_t>(column.card)];
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float height = card_header(card, at, size.x, true, !page.compact, context);
        ImGui::Dummy(ImVec2(size.x, height - ImGui::GetStyle().ItemSpacing.y));
        if (table)
            kiosk_tables_[page.column].draw(page.page, context, "");
        else if (card.bookings.empty())
            text_coloured("No pupils booked yet.", p.text_dim);
    }
}

}  // namespace widgets

// Drawing of the LIFT session board (see session_board.hpp). The desk: the agenda in a
// scrolling list of touch-sized rows, the case in a scrolling pane above the outcome
// buttons or the open form. The wall: the same in wall type, every text wrapped, the
// agenda a page at a time and the case's blocks while they fit, so nothing is cut.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <iterator>

#include "core/snapshot.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/form_fields.hpp"
#include "widgets/heading_line.hpp"
#include "widgets/meeting_card.hpp"
#include "widgets/session_board.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr const char* kDot = "  \xc2\xb7  ";

struct OutcomeButton {
    const char* label;
    char key;
    core::SessionOutcome outcome;
};
constexpr OutcomeButton kButtons[] = {
    {"1  Advice", '1', core::SessionOutcome::advice},
    {"2  Training", '2', core::SessionOutcome::training},
    {"3  Other school", '3', core::SessionOutcome::school_support},
    {"4  Specialist", '4', core::SessionOutcome::specialist_intervention},
    {"5  Early Help", '5', core::SessionOutcome::early_help},
    {"6  Health", '6', core::SessionOutcome::health},
    {"C  Consultation", 'c', core::SessionOutcome::consultation},
    {"L  Caselist", 'l', core::SessionOutcome::caselist},
    {"S  SODLIS", 's', core::SessionOutcome::sodlis},
    {"D  Discussed", 'd', core::SessionOutcome::discussed},
};

ImVec4 timer_colour(core::TimerColour colour) {
    const Palette& p = palette();
    switch (colour) {
        case core::TimerColour::amber:
            return p.due;
        case core::TimerColour::red:
            return p.overdue;
        case core::TimerColour::normal:
            break;
    }
    return p.text;
}

// The word, then what is not ready: paperwork, consent, Surgery, group, cap.
std::string readiness_text(const core::AgendaItem& item) {
    std::string text = item.booking.word;
    if (item.booking.paperwork_status != core::Status::ok) text += kDot + item.booking.paperwork;
    for (const core::BookingMark& m : item.booking.marks)
        if (m.status != core::Status::ok) text += kDot + m.text;
    return text;
}

std::string who(const core::AgendaItem& item, bool privacy) {
    std::string text = item.booking.pupil_label;
    if (!privacy && !item.booking.full_name.empty()) text += "  " + item.booking.full_name;
    return text;
}

// Text set top-down in a column on the wall: each block wrapped to the column and drawn
// only while it fits above `bottom`, so no glyph is ever cut at an edge.
class WallColumn {
  public:
    WallColumn(float left, float right, float bottom)
        : left_(left), right_(right), bottom_(bottom) {}
    float height_of(std::string_view text, ImFont* font) const {
        return font
            ->CalcTextSizeA(font->FontSize, FLT_MAX, right_ - left_, text.data(),
                            text.data() + text.size())
            .y;
    }
    bool fits(float height) const { return ImGui::GetCursorScreenPos().y + height <= bottom_; }
    // Draws `text` when it fits; false (and nothing more is drawn after) when not.
    bool put(std::string_view text, const ImVec4& colour, ImFont* font) {
        if (full_ || text.empty()) return !full_;
        if (!fits(height_of(text, font))) {
            full_ = true;
            return false;
        }
        ImGui::SetCursorScreenPos(ImVec2(left_, ImGui::GetCursorScreenPos().y));
        ImGui::PushFont(font);
        ImGui::PushTextWrapPos(right_ - ImGui::GetWindowPos().x);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        return true;
    }
    void gap(float pixels) {
        if (!full_) ImGui::Dummy(ImVec2(0.0f, pixels));
    }
    bool full() const { return full_; }

  private:
    float left_, right_, bottom_;
    bool full_ = false;
};

void section(std::string_view title, const BoardContext& context) {
    ImGui::Spacing();
    text_coloured(title, palette().accent, context.fonts->bold);
}

void wrapped(std::string_view text, const ImVec4& colour) {
    inline_message(text, colour);
}

}  // namespace

void SessionBoard::draw_heading(const BoardContext& context) {
    const Palette& p = palette();
    HeadingLine heading(title(), context);
    if (!session_) {
        heading.add(error_.empty() ? std::string("No LIFT meeting") : error_, p.overdue);
        ImGui::Dummy(ImVec2(0.0f, 4.0f * context.scale));
        if (!context.kiosk)
            wrapped("Choose another meeting with --meeting YYYY-MM-DD (the LIFT schedule's dates).",
                    p.text_dim);
        return;
    }
    const core::SessionCover& c = session_->cover;
    heading.add(c.district + kDot + c.group_label + kDot + c.date_text, p.text);
    if (!c.times.empty()) {
        heading.dot();
        heading.add(c.times.substr(0, c.times.find(kDot)), p.text);
    }
    // The meeting's other facts on a line of their own: venues have long names.
    std::string facts = c.summary;
    if (!c.venue.empty()) facts = c.venue + kDot + facts;
    facts += std::string(kDot) + c.deadline_text;
    if (session_->meeting.meeting_date > context.today) facts += kDot + c.when;
    // The wall has no small type: everything there is read across the room.
    ImGui::PushFont(context.kiosk ? context.fonts->body : context.fonts->small);
    wrapped(facts, p.text_dim);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0.0f, 2.0f * context.scale));
}

void SessionBoard::draw_agenda(const BoardContext& context, bool) {
    const Palette& p = palette();
    const core::LiftSession& s = *session_;
    text_coloured("Agenda", p.accent, context.fonts->bold);
    if (s.agenda.empty()) {
        wrapped("No pupils are booked for this meeting.", p.text_dim);
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const float pad = 6.0f * context.scale;
    const float row_height = std::max(touch_height(context), 3.0f * line + 4.0f * pad);
    for (size_t i = 0; i < s.agenda.size(); ++i) {
        const core::AgendaItem& item = s.agenda[i];
        const bool current = i == current_;
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        if (ImGui::InvisibleButton("##case", ImVec2(width, row_height))) select(i, context.now);
        if (current && reveal_current_) {
            ImGui::SetScrollHereY(0.3f);
            reveal_current_ = false;
        }
        if (current)
            draw->AddRectFilled(top, ImVec2(top.x + width, top.y + row_height), to_u32(p.header),
                                4.0f * context.scale);
        const float right = top.x + width - pad;
        ImFont* bold = context.fonts->bold;
        float x = put_text(draw, bold, ImVec2(top.x + pad, top.y + pad), right,
                           current ? p.accent : p.text, item.slot);
        put_text(draw, ImGui::GetFont(), ImVec2(x + 2.0f * pad, top.y + pad), right, p.text,
                 who(item, context.privacy));
        const float y2 = top.y + pad * 2.0f + line;
        x = top.x + pad;
        if (item.summary.discussed)
            x = put_text(draw, bold, ImVec2(x, y2), right, p.ok, "DISCUSSED") + 2.0f * pad;
        const core::Status worst = item.booking.worst;
        put_text(draw, ImGui::GetFont(), ImVec2(x, y2), right,
                 worst == core::Status::ok ? p.text : status_colour(worst), readiness_text(item));
        put_text(draw, ImGui::GetFont(), ImVec2(top.x + pad, y2 + pad + line), right, p.text_dim,
                 item.booking.school);
        ImGui::PopID();
    }
}

void SessionBoard::draw_case(const core::Snapshot& snapshot, const BoardContext& context, bool) {
    const Palette& p = palette();
    const core::LiftSession& s = *session_;
    if (s.agenda.empty()) {
        text_coloured("No case to discuss", p.text_dim, context.fonts->title);
        wrapped("Bookings made for this meeting appear here, in agenda order.", p.text_dim);
        return;
    }
    const core::AgendaItem& item = s.agenda[current_];
    // The case line: who, which case of how many, and the timer at the right edge.
    text_coloured(who(item, context.privacy), p.text, context.fonts->title);
    const float timer_width = ImGui::CalcTextSize(timer_.text.c_str()).x;
    ImGui::SameLine();
    ImGui::PushFont(context.fonts->title);
    text_right_aligned(timer_.text, timer_colour(timer_.colour));
    ImGui::PopFont();
    (void)timer_width;
    const std::string position = "Case " + std::to_string(current_ + 1) + " of " +
                                 std::to_string(s.agenda.size()) + kDot + item.slot;
    text_coloured(position, p.text_dim);
    ImGui::SameLine();
    ImGui::BeginDisabled(current_ == 0);
    const float nav_width = 200.0f * context.scale;
    ImGui::SetCursorPosX(std::max(
        ImGui::GetCursorPosX(),
        ImGui::GetWindowContentRegionMax().x - 2.0f * nav_width - ImGui::GetStyle().ItemSpacing.x));
    if (touch_button("P  Previous", context, nav_width)) select(current_ - 1, context.now);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(current_ + 1 >= s.agenda.size());
    if (touch_button("N  Next", context, nav_width)) select(current_ + 1, context.now);
    ImGui::EndDisabled();

    const bool edit = editable(context);
    const float line = ImGui::GetFrameHeightWithSpacing();
    float bottom = 0.0f;
    if (form_.is_open())
        bottom = ImGui::GetContentRegionAvail().y * 0.62f;
    else if (edit)
        bottom = 2.0f * (touch_height(context) + ImGui::GetStyle().ItemSpacing.y) + 1.5f * line;
    else
        bottom = 1.5f * line;
    ImGui::BeginChild("case_details", ImVec2(0.0f, ImGui::GetContentRegionAvail().y - bottom),
                      false);
    draw_case_details(context, false);
    if (pending_scroll_) {
        const float body = ImGui::GetTextLineHeightWithSpacing();
        scroll_window(*pending_scroll_, body, ImGui::GetWindowHeight() - body);
        pending_scroll_.reset();
    }
    ImGui::EndChild();
    ImGui::Separator();
    if (form_.is_open()) {
        // An accent bar down the form's left edge: where the keys go now, seen at a glance.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bar = 6.0f * context.scale;
        ImGui::GetWindowDrawList()->AddRectFilled(
            at, ImVec2(at.x + bar, at.y + ImGui::GetContentRegionAvail().y), to_u32(p.accent));
        ImGui::SetCursorScreenPos(ImVec2(at.x + 2.5f * bar, at.y));
        ImGui::BeginChild("outcome_form", ImVec2(0.0f, 0.0f), false);
        form_.draw(*snapshot.data, context, snapshot.today);
        ImGui::EndChild();
        return;
    }
    if (edit)
        draw_outcome_buttons(snapshot, context);
    else
        wrapped("Read-only: outcomes are recorded at a desk, not on the wall or in a screenshot.",
                p.text_dim);
    if (!saved_.empty()) wrapped(saved_, saved_ok_ ? p.ok : p.overdue);
}

void SessionBoard::draw_outcome_buttons(const core::Snapshot& snapshot,
                                        const BoardContext& context) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - 4.0f * spacing) / 5.0f;
    ImGui::BeginDisabled(form_.waiting());
    for (size_t i = 0; i < std::size(kButtons); ++i) {
        if (i % 5 != 0) ImGui::SameLine();
        if (touch_button(kButtons[i].label, context, width))
            open_form(kButtons[i].outcome, snapshot);
    }
    ImGui::EndDisabled();
}

void SessionBoard::draw_case_details(const BoardContext& context, bool) {
    const Palette& p = palette();
    const core::AgendaItem& item = session_->agenda[current_];
    const core::CaseSummary& c = item.summary;
    const core::PupilCardModel& card = c.card;
    wrapped(card.school, p.text);
    wrapped(card.facts, p.text_dim);
    std::string stage = "Stage: " + card.stage;
    if (!card.next_step.empty()) stage += std::string(kDot) + "next: " + card.next_step;
    if (!card.next_when.empty()) stage += " (" + card.next_when + ")";
    wrapped(stage, p.text_dim);

    section("Readiness", context);
    wrapped(item.booking.paperwork, item.booking.paperwork_status == core::Status::ok
                                        ? p.text
                                        : status_colour(item.booking.paperwork_status));
    for (const core::BookingMark& m : item.booking.marks)
        wrapped(m.text, m.status == core::Status::ok ? p.ok : status_colour(m.status));

    section("Recorded at this meeting", context);
    if (c.outcomes.empty()) wrapped("Nothing yet.", p.text_dim);
    for (const core::RecordedOutcome& o : c.outcomes) {
        std::string text = o.what;
        if (!o.detail.empty()) text += kDot + o.detail;
        if (!o.note.empty()) text += kDot + (context.privacy ? "note kept (names hidden)" : o.note);
        wrapped(text, p.ok);
    }
    wrapped("STLS decision: " + c.decision_text, p.text_dim);

    section("Open findings", context);
    if (card.findings.empty()) wrapped("None: nothing the rules ask for now.", p.ok);
    for (const core::CardFinding& f : card.findings) {
        std::string head = f.status_word + "  " + f.rule;
        if (!f.due.empty()) head += kDot + f.due;
        wrapped(head, status_colour(f.status));
        ImGui::Indent();
        wrapped(f.reason, p.text_dim);
        ImGui::Unindent();
    }

    section("Surgery advice so far", context);
    if (c.surgery_advice.empty()) wrapped("No Surgery discussion on record.", p.overdue);
    for (const core::CardEntry& e : c.surgery_advice) {
        std::string text = e.date + "  " + e.what;
        if (!e.detail.empty()) text += kDot + e.detail;
        if (!e.note.empty() && !context.privacy) text += kDot + e.note;
        wrapped(text, p.text);
    }

    section("Earlier LIFT recommendations", context);
    if (c.past_recommendations.empty()) wrapped("None before this meeting.", p.text_dim);
    for (const core::PastRecommendation& r : c.past_recommendations) {
        std::string text = r.date_text + "  " + r.what;
        if (!context.privacy && !r.owner.empty()) text += std::string(kDot) + "owner: " + r.owner;
        wrapped(text, p.text);
        ImGui::Indent();
        wrapped(r.review, r.status == core::Status::ok ? p.text_dim : status_colour(r.status));
        if (!context.privacy && !r.note.empty()) wrapped(r.note, p.text_dim);
        ImGui::Unindent();
    }

    if (card.hnf) {
        section("HNF evidence", context);
        wrapped(card.hnf->heading, card.hnf->status == core::Status::ok
                                       ? p.text_dim
                                       : status_colour(card.hnf->status));
        for (const core::HnfCriterion& h : card.hnf->criteria) {
            std::string text = h.label + ": " + h.when;
            if (!h.detail.empty()) text += " (" + h.detail + ")";
            wrapped(text,
                    h.met ? p.ok
                          : (h.status == core::Status::ok ? p.text_dim : status_colour(h.status)));
        }
    }
    if (card.ehc) {
        section("EHC needs assessment", context);
        wrapped(card.ehc->headline + kDot + card.ehc->requested_text,
                status_colour(card.ehc->status));
        for (const core::EhcClockStep& step : card.ehc->steps)
            wrapped(step.label + ": " + step.text,
                    step.status == core::Status::ok ? p.text_dim : status_colour(step.status));
    }

    section("Pathway timeline", context);
    for (const core::CardEntry& e : card.timeline) {
        std::string text = e.date + "  " + e.what;
        if (!e.detail.empty()) text += kDot + e.detail;
        wrapped(text, e.upcoming ? p.accent : p.text_dim);
    }
}

void SessionBoard::draw_kiosk(const core::Snapshot&, const BoardContext& context) {
    const Palette& p = palette();
    draw_heading(context);
    if (!session_) return;
    const core::LiftSession& s = *session_;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float bottom = origin.y + ImGui::GetContentRegionAvail().y;
    const float gap = 32.0f * context.scale;
    const float split = origin.x + width * 0.42f;
    ImFont* body = context.fonts->body;
    ImFont* bold = context.fonts->bold;
    ImFont* title = context.fonts->title;
    const float pad = 8.0f * context.scale;

    // The agenda, paged: rows are laid out greedily into pages of the column's height.
    WallColumn agenda(origin.x, split - gap, bottom);
    std::vector<size_t> page_start{0};
    {
        float used = 0.0f;
        const float room = bottom - origin.y - bold->FontSize * 1.5f;
        for (size_t i = 0; i < s.agenda.size(); ++i) {
            const core::AgendaItem& item = s.agenda[i];
            const float h = agenda.height_of(item.slot + "  " + who(item, context.privacy), bold) +
                            agenda.height_of("DISCUSSED  \xc2\xb7  " + readiness_text(item), body) +
                            agenda.height_of(item.booking.school, body) + 3.0f * pad;
            if (used + h > room && i > page_start.back()) {
                page_start.push_back(i);
                used = 0.0f;
            }
            used += h;
        }
    }
    page_count_ = page_start.size();
    const size_t page = std::min(context.page, page_count_ - 1);
    const size_t first = page_start[page];
    const size_t last = page + 1 < page_start.size() ? page_start[page + 1] : s.agenda.size();
    ImGui::SetCursorScreenPos(origin);
    std::string heading = "Agenda";
    if (page_count_ > 1)
        heading += "  (" + std::to_string(page + 1) + " of " + std::to_string(page_count_) + ")";
    agenda.put(heading, p.accent, bold);
    if (s.agenda.empty()) agenda.put("No pupils are booked for this meeting.", p.text_dim, body);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = first; i < last; ++i) {
        const core::AgendaItem& item = s.agenda[i];
        const bool current = i == current_;
        const float top = ImGui::GetCursorScreenPos().y;
        const float h = agenda.height_of(item.slot + "  " + who(item, context.privacy), bold) +
                        agenda.height_of("DISCUSSED  \xc2\xb7  " + readiness_text(item), body) +
                        agenda.height_of(item.booking.school, body) + 2.0f * pad;
        if (current && agenda.fits(h))
            draw->AddRectFilled(ImVec2(origin.x - pad, top), ImVec2(split - gap + pad, top + h),
                                to_u32(p.header), 4.0f * context.scale);
        if (!agenda.put(item.slot + "  " + who(item, context.privacy), current ? p.accent : p.text,
                        bold))
            break;
        const core::Status worst = item.booking.worst;
        agenda.put((item.summary.discussed ? std::string("DISCUSSED") + kDot : std::string()) +
                       readiness_text(item),
                   worst == core::Status::ok ? p.text : status_colour(worst), body);
        agenda.put(item.booking.school, p.text_dim, body);
        agenda.gap(2.0f * pad);
    }

    // The case under discussion: who, the timer, and its facts while they fit.
    ImGui::SetCursorScreenPos(ImVec2(split, origin.y));
    WallColumn right(split, origin.x + width, bottom);
    if (s.agenda.empty()) {
        right.put("No case to discuss", p.text_dim, title);
        return;
    }
    const core::AgendaItem& item = s.agenda[current_];
    const core::CaseSummary& c = item.summary;
    right.put(kiosk_label_ + who(item, context.privacy), p.text, title);
    right.put(timer_.text + kDot + item.slot, timer_colour(timer_.colour), title);
    right.put(c.card.school, p.text, body);
    right.put(c.card.facts, p.text_dim, body);
    right.put("Stage: " + c.card.stage, p.text_dim, body);
    right.gap(pad);
    right.put(item.booking.paperwork,
              item.booking.paperwork_status == core::Status::ok
                  ? p.text
                  : status_colour(item.booking.paperwork_status),
              body);
    for (const core::BookingMark& m : item.booking.marks)
        right.put(m.text, m.status == core::Status::ok ? p.ok : status_colour(m.status), body);
    right.gap(pad);
    right.put(c.surgery_advice.empty() ? std::string("No Surgery discussion on record")
                                       : "Surgery: " + std::to_string(c.surgery_advice.size()) +
                                             ", last " + c.surgery_advice.back().date,
              c.surgery_advice.empty() ? p.overdue : p.text, body);
    right.put(std::to_string(c.past_recommendations.size()) + " earlier LIFT recommendations",
              p.text, body);
    if (!c.outcomes.empty())
        right.put("Recorded at this meeting: " + std::to_string(c.outcomes.size()) + kDot +
                      "STLS: " + c.decision_text,
                  p.ok, body);
    for (const core::CardFinding& f : c.card.findings)
        if (!right.put(f.status_word + ": " + f.reason, status_colour(f.status), body)) break;
}

}  // namespace widgets

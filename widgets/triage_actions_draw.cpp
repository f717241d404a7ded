// Drawing of the triage action panel (see triage_actions.hpp): the pupil's header and
// findings, the four action buttons, and the open form with its inline messages.
#include <imgui.h>

#include <algorithm>
#include <array>

#include "core/snapshot.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"
#include "widgets/triage_actions.hpp"

namespace widgets {
namespace {

constexpr std::array<const char*, TriageActions::kActionCount> kActionLabels = {
    "1  Assign teacher", "2  Set priority", "3  Book meeting", "4  Record event"};
constexpr size_t kMenuFindings = 4;

const char* form_heading(TriageActions::Form form) {
    switch (form) {
        case TriageActions::Form::assign:
            return "Assign a specialist teacher";
        case TriageActions::Form::priority:
            return "Set the priority";
        case TriageActions::Form::book:
            return "Book into a LIFT meeting or Surgery";
        case TriageActions::Form::event:
            return "Record an event";
        case TriageActions::Form::menu:
            break;
    }
    return "";
}

void draw_finding(const core::Finding& f, const BoardContext& context) {
    const Palette& p = palette();
    text_coloured(core::to_string(f.status), status_colour(f.status), context.fonts->bold);
    ImGui::SameLine();
    std::string what(core::to_string(f.rule));
    if (f.due) what += "  ·  " + core::to_short_display(*f.due);
    text_fitted(what, p.text);
    ImGui::Indent();
    inline_message(f.reason, p.text_dim);
    ImGui::Unindent();
}

}  // namespace

void TriageActions::draw_header(const BoardContext& context) {
    const Palette& p = palette();
    text_coloured(header_.label, p.text, context.fonts->bold);
    if (!context.privacy && !header_.full_name.empty()) {
        ImGui::SameLine();
        text_coloured(header_.full_name, p.text);
    }
    // Close sits on the label's line, at the right edge, for touch.
    const char* close_label = "Close  (Esc)";
    const float close_width =
        ImGui::CalcTextSize(close_label).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - close_width));
    ImGui::BeginDisabled(pending_.waiting());
    if (touch_button(close_label, context, close_width)) close();
    ImGui::EndDisabled();
    text_fitted(header_.facts, p.text_dim);
    if (!header_.stage.empty()) text_fitted(header_.stage, p.text_dim);
    if (!header_.after_lift.empty())
        text_fitted(header_.after_lift, header_.after_lift_status == core::Status::ok
                                            ? p.text_dim
                                            : status_colour(header_.after_lift_status));
    if (header_.findings.empty()) {
        text_coloured("No findings: nothing the rules ask for now.", p.ok);
    } else if (form_ == Form::menu) {
        const size_t shown = std::min(header_.findings.size(), kMenuFindings);
        for (size_t i = 0; i < shown; ++i) draw_finding(header_.findings[i], context);
        if (header_.findings.size() > shown)
            text_coloured("+" + std::to_string(header_.findings.size() - shown) + " more",
                          p.text_dim);
    } else {
        // A form needs the room: the worst finding only, on one line.
        const core::Finding& f = header_.findings.front();
        text_coloured(core::to_string(f.status), status_colour(f.status), context.fonts->bold);
        ImGui::SameLine();
        text_fitted(f.reason, p.text_dim);
    }
    ImGui::Spacing();
}

void TriageActions::draw_menu(const BoardContext& context, const core::Snapshot& snapshot,
                              size_t pupil) {
    const Palette& p = palette();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
    ImGui::BeginDisabled(pending_.waiting());
    for (int i = 0; i < kActionCount; ++i) {
        if (i % 2 == 1) ImGui::SameLine();
        const bool open = static_cast<int>(form_) == i + 1;
        const bool keyboard = form_ == Form::menu && menu_choice_ == i;
        ImGui::PushStyleColor(ImGuiCol_Button, open ? p.accent : p.header);
        ImGui::PushStyleColor(ImGuiCol_Text, open ? p.background : p.text);
        ImGui::PushStyleColor(ImGuiCol_Border, keyboard ? p.accent : p.border);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, keyboard ? 3.0f * context.scale : 0.0f);
        if (touch_button(kActionLabels[static_cast<size_t>(i)], context, width))
            open_form(static_cast<Form>(i + 1), snapshot, pupil);
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(3);
    }
    ImGui::EndDisabled();
    ImGui::Spacing();
}

void TriageActions::draw_form(const core::Snapshot& snapshot, const BoardContext& context,
                              size_t pupil) {
    const Palette& p = palette();
    ImGui::Separator();
    text_coloured(form_heading(form_), p.text, context.fonts->bold);
    const bool reveal = reveal_;
    reveal_ = false;
    if (form_ == Form::event) {
        draw_event_fields(snapshot, context, pupil);
    } else if (!choices_.empty()) {
        const int clicked =
            choice_list("choices", choices_, choice_, true, context, marked_, reveal);
        if (clicked >= 0) choice_ = clicked;
    }
    inline_message(form_message_, p.overdue);
    ImGui::Spacing();
    ImGui::BeginDisabled(pending_.waiting());
    if (touch_button("Save  (Enter)", context)) submit(snapshot, context, pupil);
    ImGui::SameLine();
    if (touch_button("Back  (Esc)", context)) form_ = Form::menu;
    ImGui::EndDisabled();
}

void TriageActions::draw_event_fields(const core::Snapshot& snapshot, const BoardContext& context,
                                      size_t pupil) {
    const Palette& p = palette();
    const auto list = fields();
    const bool reveal = focus_.request || reveal_;
    for (size_t i = 0; i < list.size(); ++i) {
        const int index = static_cast<int>(i);
        const bool focused = focus_.field == index;
        switch (list[i]) {
            case Field::choice: {
                field_label("Event", focused, context);
                const int clicked = choice_list("event", choices_, choice_, focused, context, -1,
                                                focused && reveal);
                if (clicked >= 0) {
                    if (clicked != choice_) detail_ = -1;
                    choice_ = clicked;
                    focus_.count = static_cast<int>(fields().size());
                    focus_.set(index);
                }
                if (choice_ == static_cast<int>(core::TriageEvent::paperwork_received)) {
                    auto meeting = core::paperwork_booking(*snapshot.data, pupil, snapshot.today);
                    inline_message(
                        meeting ? "For the LIFT booking on " + core::to_display(*meeting)
                                : std::string(
                                      "No LIFT booking waits for paperwork: recorded as an event"),
                        p.text_dim);
                }
                break;
            }
            case Field::detail: {
                const auto event = static_cast<core::TriageEvent>(choice_);
                field_label(core::triage_detail_name(event), focused, context);
                std::vector<std::string> labels;
                for (std::string_view d : core::triage_event_details(event))
                    labels.push_back(core::detail_label(d));
                const int clicked =
                    choice_list("detail", labels, detail_, focused, context, -1, focused && reveal);
                if (clicked >= 0) {
                    detail_ = clicked;
                    focus_.set(index);
                }
                inline_message(detail_message_, p.overdue);
                break;
            }
            case Field::date:
                field_label("Date  (YYYY-MM-DD)", focused, context);
                text_field("##date", date_, "YYYY-MM-DD", index, focus_, context);
                inline_message(date_message_, p.overdue);
                break;
            case Field::owner:
                field_label("Owner  (optional: school, SENCo, a staff id)", focused, context);
                text_field("##owner", owner_, "who carries it out", index, focus_, context);
                inline_message(owner_message_, p.overdue);
                break;
            case Field::review:
                field_label("Review impact by  (optional, YYYY-MM-DD)", focused, context);
                text_field("##review", review_, "YYYY-MM-DD", index, focus_, context);
                inline_message(review_message_, p.overdue);
                break;
            case Field::note:
                field_label("Note  (optional: what was agreed)", focused, context);
                text_field("##note", note_, "what was agreed", index, focus_, context);
                inline_message(note_message_, p.overdue);
                break;
        }
    }
}

}  // namespace widgets

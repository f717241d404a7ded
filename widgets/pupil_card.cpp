// Drawing of the pupil card (see pupil_card.hpp). The content was formatted when the
// card opened (pupil_card_model); a frame only lays it out.
#include "widgets/pupil_card.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr float kTouch = 56.0f;  // design pixels: the Close button, finger-sized

void text_wrapped(std::string_view text, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace

void PupilCard::open(const core::Snapshot& snapshot, uint32_t pupil,
                     std::chrono::steady_clock::time_point now) {
    model_ = core::build_pupil_card(snapshot, pupil);
    opened_at_ = now;
    built_for_ = &snapshot;
    built_generation_ = snapshot.generation;
    built_at_ = snapshot.built_at;
    pending_scroll_ = Scroll::top;
}

void PupilCard::follow(const core::Snapshot& snapshot) {
    if (!model_ || (built_for_ == &snapshot && built_generation_ == snapshot.generation &&
                    built_at_ == snapshot.built_at))
        return;
    const int index = snapshot.data ? snapshot.data->pupil_index(model_->ref) : -1;
    if (index < 0) {
        model_.reset();
        return;
    }
    // Same pupil, newer facts: the name clock keeps running from the original opening.
    model_ = core::build_pupil_card(snapshot, static_cast<uint32_t>(index));
    built_for_ = &snapshot;
    built_generation_ = snapshot.generation;
    built_at_ = snapshot.built_at;
}

bool PupilCard::shows_name(const BoardContext& context) const {
    return model_ && !context.privacy && !model_->full_name.empty() &&
           context.now - opened_at_ < context.card_revert;
}

bool PupilCard::draw(const BoardContext& context) {
    if (!model_) return false;
    apply_scroll();
    bool close_pressed = false;
    draw_header(context, close_pressed);
    draw_stage(context);
    draw_ehc_clock(context);
    draw_hnf_checklist(context);
    draw_findings(context);
    draw_timeline(context);
    return close_pressed;
}

void PupilCard::draw_header(const BoardContext& context, bool& close_pressed) {
    const Palette& p = palette();
    const Fonts& fonts = *context.fonts;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float top = ImGui::GetCursorPosY();

    // The Close button sits at the top right; the title keeps clear of it.
    const char* close_label = context.kiosk ? "Close" : "Close  Esc";
    const float button_width =
        ImGui::CalcTextSize(close_label).x + 2.0f * style.FramePadding.x + 16.0f * context.scale;
    const float title_width = ImGui::GetContentRegionAvail().x - button_width - style.ItemSpacing.x;

    ImGui::PushFont(fonts.title);
    if (shows_name(context)) {
        text_fitted(model_->full_name + "  " + model_->label, p.text, title_width);
    } else {
        text_fitted(model_->label, p.text, title_width);
    }
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - button_width);
    ImGui::SetCursorPosY(top);
    if (ImGui::Button(close_label, ImVec2(button_width, kTouch * context.scale)))
        close_pressed = true;

    if (shows_name(context)) {
        const auto left = std::chrono::ceil<std::chrono::seconds>(context.card_revert -
                                                                  (context.now - opened_at_));
        ImGui::PushFont(fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, p.due);
        ImGui::Text("Name shown for %llds more, then initials only",
                    static_cast<long long>(left.count()));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    text_fitted(model_->school, p.text);
    text_fitted(model_->facts, p.text_dim);
    ImGui::Dummy(ImVec2(0.0f, 6.0f * context.scale));
}

void PupilCard::draw_stage(const BoardContext& context) {
    const Palette& p = palette();
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    ImGui::PushStyleColor(ImGuiCol_TableRowBg, p.group_row);
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, p.group_row);
    if (ImGui::BeginTable("##stage", 2, flags | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        auto row = [&](std::string_view label, std::string_view value, const ImVec4& colour,
                       bool bold) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_coloured(label, p.text_dim);
            ImGui::TableNextColumn();
            ImGui::PushFont(bold ? context.fonts->bold : context.fonts->body);
            text_wrapped(value, colour);
            ImGui::PopFont();
        };
        row("Stage",
            model_->stage.empty() ? std::string_view("Not started")
                                  : std::string_view(model_->stage),
            p.text, true);
        // The next step in the neutral accent: a finding's colour belongs to the finding.
        row("Next step",
            model_->next_step.empty() ? std::string_view("None")
                                      : std::string_view(model_->next_step),
            p.accent, true);
        if (!model_->next_when.empty()) row("When", model_->next_when, p.text, false);
        ImGui::EndTable();
    }
    ImGui::PopStyleColor(2);
    ImGui::Dummy(ImVec2(0.0f, 6.0f * context.scale));
}

namespace {

// Label, value and an optional dim detail per row, the value in its status colour.
void after_lift_row(std::string_view label, std::string_view value, const ImVec4& colour,
                    std::string_view detail, const BoardContext& context) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_coloured(label, palette().text);
    ImGui::TableNextColumn();
    text_coloured(value, colour, context.fonts->bold);
    ImGui::TableNextColumn();
    text_wrapped(detail, palette().text_dim);
}

}  // namespace

void PupilCard::draw_ehc_clock(const BoardContext& context) {
    if (!model_->ehc) return;
    const Palette& p = palette();
    const core::EhcClock& clock = *model_->ehc;
    text_coloured("EHC needs assessment", p.text, context.fonts->bold);
    ImGui::SameLine();
    text_coloured(clock.headline, status_colour(clock.status), context.fonts->bold);
    ImGui::SameLine();
    text_fitted(clock.requested_text, p.text_dim);
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("##ehc", 3, flags)) {
        ImGui::TableSetupColumn("step", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthStretch);
        for (const core::EhcClockStep& step : clock.steps) {
            std::string status(core::to_string(step.status));
            if (step.status == core::Status::ok) status = step.done ? "in time" : "";
            after_lift_row(step.label, step.text, status_colour(step.status), status, context);
        }
        ImGui::EndTable();
    }
    text_wrapped(clock.note, p.text_dim);
    ImGui::Dummy(ImVec2(0.0f, 6.0f * context.scale));
}

void PupilCard::draw_hnf_checklist(const BoardContext& context) {
    if (!model_->hnf) return;
    const Palette& p = palette();
    const core::HnfChecklist& list = *model_->hnf;
    text_coloured("HNF evidence", p.text, context.fonts->bold);
    ImGui::SameLine();
    text_coloured(std::to_string(list.met) + " of " + std::to_string(list.criteria.size()) + " met",
                  list.status == core::Status::ok ? p.text : status_colour(list.status),
                  context.fonts->bold);
    ImGui::SameLine();
    text_fitted(list.heading, p.text_dim);
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("##hnf", 3, flags)) {
        ImGui::TableSetupColumn("criterion", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch);
        for (const core::HnfCriterion& c : list.criteria) {
            // Met in the ok colour; missing from an application in the warning colour;
            // missing with no application yet, dim: nothing is late.
            const ImVec4 colour = c.met                          ? p.ok
                                  : c.status == core::Status::ok ? p.text_dim
                                                                 : status_colour(c.status);
            after_lift_row(c.label, c.when, colour, c.detail, context);
        }
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0.0f, 6.0f * context.scale));
}

void PupilCard::draw_findings(const BoardContext& context) {
    const Palette& p = palette();
    text_coloured(model_->findings.empty()
                      ? "Findings"
                      : "Findings (" + std::to_string(model_->findings.size()) + ")",
                  p.text, context.fonts->bold);
    if (model_->findings.empty()) {
        text_coloured("Nothing outstanding: every pathway rule is met.", p.ok);
    }
    for (const CardFinding& f : model_->findings) {
        text_coloured(f.status_word, status_colour(f.status), context.fonts->bold);
        ImGui::SameLine();
        std::string rule = f.rule;
        if (!f.due.empty()) rule += "  \xc2\xb7  " + f.due;
        text_fitted(rule, p.text_dim);
        ImGui::Indent(24.0f * context.scale);
        text_wrapped(f.reason, p.text);
        ImGui::Unindent(24.0f * context.scale);
    }
    ImGui::Dummy(ImVec2(0.0f, 6.0f * context.scale));
}

void PupilCard::draw_timeline(const BoardContext& context) {
    const Palette& p = palette();
    text_coloured("Timeline (" + std::to_string(model_->timeline.size()) +
                      (model_->timeline.size() == 1 ? " entry)" : " entries)"),
                  p.text, context.fonts->bold);
    if (model_->timeline.empty()) {
        text_coloured("No events recorded yet.", p.text_dim);
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##timeline", 3, flags)) return;
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Detail", ImGuiTableColumnFlags_WidthStretch);
    for (const CardEntry& e : model_->timeline) {
        ImGui::TableNextRow();
        const ImVec4& colour = e.upcoming ? p.accent : p.text;
        ImGui::TableNextColumn();
        text_coloured(e.date, e.upcoming ? p.accent : p.text_dim);
        ImGui::TableNextColumn();
        text_coloured(e.what, colour, context.fonts->bold);
        ImGui::TableNextColumn();
        text_wrapped(e.detail, colour);
        if (!context.privacy && !e.owner.empty()) text_wrapped(e.owner, p.text_dim);
        if (!context.privacy && !e.note.empty()) text_wrapped(e.note, p.text_dim);
    }
    ImGui::EndTable();
}

void PupilCard::apply_scroll() {
    if (!pending_scroll_) return;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float page = std::max(line, ImGui::GetWindowHeight() - 2.0f * line);
    scroll_window(*pending_scroll_, line, page);
    pending_scroll_.reset();
}

}  // namespace widgets

// Drawing of the triage board (see triage_board.hpp): the title line with the counts per
// status, the filter bar, the sync conflicts, the clipped table and the key help line.
// Everything a row shows was formatted when the snapshot was built.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/snapshot.hpp"
#include "widgets/conflict_line.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/form_fields.hpp"
#include "widgets/heading_line.hpp"
#include "widgets/theme.hpp"
#include "widgets/triage_board.hpp"

namespace widgets {
namespace {

constexpr size_t kShownConflicts = 3;
constexpr float kComboWidth = 360.0f;  // at 1080p

std::string status_count(core::Status status, int n) {
    std::string word(core::to_string(status));
    if (status == core::Status::warning && n != 1) word += "s";
    return std::to_string(n) + " " + word;
}

// A combo whose items are touch-sized; returns the index picked (-1 "all", or nothing).
// Item labels are made only while the list is open.
template <class Label>
std::optional<int> filter_combo(const char* id, const std::string& preview, const char* all,
                                size_t count, Label label, const BoardContext& context,
                                float width) {
    std::optional<int> picked;
    ImGui::SetNextItemWidth(width);
    if (!ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLargest)) return picked;
    const ImVec2 size(0.0f, touch_height(context) - ImGui::GetStyle().ItemSpacing.y);
    if (ImGui::Selectable(all, false, ImGuiSelectableFlags_None, size)) picked = -1;
    for (size_t i = 0; i < count; ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(label(i).c_str(), false, ImGuiSelectableFlags_None, size))
            picked = static_cast<int>(i);
        ImGui::PopID();
    }
    ImGui::EndCombo();
    return picked;
}

std::string option_label(const std::vector<core::TriageOption>& options, const std::string& id) {
    for (const auto& o : options)
        if (o.id == id) return o.label;
    return id.empty() ? "Unassigned" : id;
}

}  // namespace

void TriageBoard::draw_summary(const BoardContext& context) {
    const Palette& p = palette();
    HeadingLine heading(title(), context);
    heading.add(count_text_, p.text_dim);
    const auto& by_status = cached_for_ ? cached_for_->triage.by_status : std::array<int, 5>{};
    for (core::Status s :
         {core::Status::blocked, core::Status::overdue, core::Status::due, core::Status::warning}) {
        const int n = by_status[static_cast<size_t>(s)];
        if (n == 0) continue;
        heading.dot();
        heading.add(status_count(s, n), status_colour(s), context.fonts->bold);
    }
    if (filter_.any()) {
        heading.dot();
        heading.add(std::to_string(visible_.size()) + " shown", p.accent);
    }
    heading.date(today_);
}

void TriageBoard::draw_filters(const core::Snapshot& snapshot, const BoardContext& context) {
    const core::TriageList& list = snapshot.triage;
    const float pad = std::max(ImGui::GetStyle().FramePadding.y,
                               (touch_height(context) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad));
    bool changed = false;

    const std::string rule_preview =
        filter_.rule ? "Rule: " + std::string(core::to_string(*filter_.rule)) : "Rule: all";
    // Wide enough for the longest rule id: a combo clips its preview without an ellipsis.
    const float rule_width =
        std::max(kComboWidth * context.scale,
                 ImGui::CalcTextSize("Rule: consent-before-referral").x + ImGui::GetFrameHeight() +
                     2.0f * ImGui::GetStyle().FramePadding.x);
    auto rule_label = [&](size_t i) { return std::string(core::to_string(list.rule_options[i])); };
    if (auto picked = filter_combo("##rule", rule_preview, "All rules", list.rule_options.size(),
                                   rule_label, context, rule_width)) {
        filter_.rule = *picked < 0 ? std::nullopt
                                   : std::optional(list.rule_options[static_cast<size_t>(*picked)]);
        changed = true;
    }
    auto option_combo = [&](const char* id, const char* name, const char* all,
                            const std::vector<core::TriageOption>& options,
                            std::optional<std::string>& value) {
        auto label = [&](size_t i) {
            return options[i].label + "  (" + std::to_string(options[i].rows) + ")";
        };
        const std::string preview =
            std::string(name) + ": " + (value ? option_label(options, *value) : "all");
        ImGui::SameLine();
        if (auto picked = filter_combo(id, preview, all, options.size(), label, context,
                                       kComboWidth * context.scale)) {
            value = *picked < 0 ? std::nullopt
                                : std::optional(options[static_cast<size_t>(*picked)].id);
            changed = true;
        }
    };
    option_combo("##school", "School", "All schools", list.schools, filter_.school_urn);
    option_combo("##teacher", "Teacher", "All teachers", list.teachers, filter_.teacher_id);
    if (filter_.any()) {
        ImGui::SameLine();
        if (ImGui::Button("Clear  (X)")) {
            filter_ = {};
            changed = true;
        }
    }
    if (editable_) {
        const char* label = "+ New referral  (N)";
        const float width = ImGui::CalcTextSize(label).x + 2.0f * ImGui::GetStyle().FramePadding.x;
        ImGui::SameLine(
            std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
        ImGui::BeginDisabled(waiting());
        if (ImGui::Button(label)) {
            actions_.close();
            referral_.open();
        }
        ImGui::EndDisabled();
    }
    ImGui::PopStyleVar();
    if (changed) refilter(snapshot);
}

void TriageBoard::draw_conflicts(const core::Snapshot& snapshot, const BoardContext& context) {
    // Hub edits that clashed (core::SyncConflict), each with both sides, so nobody's
    // edit is lost unseen; in the office C (or the button) opens the panel that
    // resolves them (widgets/conflict_panel).
    const auto& conflicts = snapshot.conflicts;
    if (conflicts.empty()) return;
    const Palette& p = palette();
    const size_t n = conflicts.size();
    text_coloured(std::to_string(n) + (n == 1 ? " sync conflict" : " sync conflicts") +
                      " to resolve: an edit here and one on the hub disagree",
                  p.warning, context.fonts->bold);
    if (editable_ && !conflicts_.is_open()) {
        ImGui::SameLine();
        ImGui::BeginDisabled(waiting());
        if (ImGui::SmallButton("Resolve  (C)")) {
            actions_.close();
            referral_.close();
            conflicts_.open(snapshot);
        }
        ImGui::EndDisabled();
    }
    for (size_t i = 0; i < std::min(n, kShownConflicts); ++i) {
        text_fitted(conflict_line(snapshot, conflicts[i], context.privacy), p.text);
    }
    if (n > kShownConflicts)
        text_coloured("+" + std::to_string(n - kShownConflicts) + " more", p.text_dim);
    ImGui::Spacing();
}

void TriageBoard::draw_help(const BoardContext& context) {
    std::string_view help;
    if (conflicts_.is_open())
        help =
            "\xe2\x86\x91\xe2\x86\x93 choose a conflict    1 keep mine    2 take theirs    Esc "
            "close";
    else if (actions_.is_open() && !editable_)
        help = "Esc close";
    else if (actions_.is_open() && actions_.form() == TriageActions::Form::menu)
        help = "1-4 choose an action (or \xe2\x86\x91\xe2\x86\x93 and Enter)    Esc close";
    else if (actions_.is_open())
        help = "Tab next field    \xe2\x86\x91\xe2\x86\x93 or 1-9 choose    Enter save    Esc back";
    else if (referral_.is_open())
        help = "Tab next field    1-4 need area    Enter save    Esc close";
    else if (editable_)
        help =
            "\xe2\x86\x91\xe2\x86\x93 choose a pupil    Enter open    N new referral    R S T "
            "filter by rule, "
            "school, teacher (Shift: back)    X clear filters    C sync conflicts";
    else
        help =
            "\xe2\x86\x91\xe2\x86\x93 choose a pupil    Enter details    R S T filter by rule, "
            "school, teacher    "
            "X clear filters    read-only";
    text_coloured(help, palette().text_dim, context.fonts->small);
}

}  // namespace widgets

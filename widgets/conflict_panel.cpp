// The sync conflict panel (see conflict_panel.hpp).
#include "widgets/conflict_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/snapshot.hpp"
#include "widgets/conflict_line.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/form_fields.hpp"
#include "widgets/theme.hpp"

namespace widgets {

void ConflictPanel::open(const core::Snapshot& snapshot) {
    open_ = true;
    result_.clear();
    chosen_ = snapshot.conflicts.empty() ? 0 : snapshot.conflicts.front().id;
    reveal_ = true;
}

void ConflictPanel::close() {
    open_ = false;
    result_.clear();
}

int ConflictPanel::follow(const core::Snapshot& snapshot) {
    const auto& conflicts = snapshot.conflicts;
    for (size_t i = 0; i < conflicts.size(); ++i)
        if (conflicts[i].id == chosen_) return static_cast<int>(i);
    chosen_ = conflicts.empty() ? 0 : conflicts.front().id;
    return conflicts.empty() ? -1 : 0;
}

void ConflictPanel::resolve(bool keep_mine, const BoardContext& context) {
    if (chosen_ == 0 || !context.commands || pending_.waiting()) return;
    pending_.submit(*context.commands, core::ResolveConflict{chosen_, keep_mine}, context.user);
    result_ = "Saving…";
    result_ok_ = true;
}

void ConflictPanel::handle(const KeyInput& key, const core::Snapshot& snapshot,
                           const BoardContext& context) {
    using Key = KeyInput::Key;
    if (pending_.waiting()) return;  // one resolution at a time
    if (key.key == Key::escape) {
        close();
        return;
    }
    const int at = follow(snapshot);
    if (at < 0) return;
    if (key.key == Key::character && key.character == '1') {
        resolve(true, context);
    } else if (key.key == Key::character && key.character == '2') {
        resolve(false, context);
    } else if (key.key == Key::up || key.key == Key::down || key.key == Key::tab) {
        const int step = key.key == Key::up || (key.key == Key::tab && key.shift) ? -1 : 1;
        const int last = static_cast<int>(snapshot.conflicts.size()) - 1;
        chosen_ = snapshot.conflicts[static_cast<size_t>(std::clamp(at + step, 0, last))].id;
        reveal_ = true;
        result_.clear();
    }
}

void ConflictPanel::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    const Palette& p = palette();
    if (auto result = pending_.poll()) {
        result_ok_ = result->ok;
        result_ = result->ok ? "Saved: " + result->message : "Not saved: " + result->message;
    }
    const int at = follow(snapshot);
    text_coloured("Sync conflicts", p.text, context.fonts->bold);
    const char* close_label = "Close  (Esc)";
    const float close_width =
        ImGui::CalcTextSize(close_label).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - close_width));
    ImGui::BeginDisabled(pending_.waiting());
    if (touch_button(close_label, context, close_width)) close();
    ImGui::EndDisabled();
    if (at < 0) {
        text_coloured("No sync conflicts left to resolve.", p.ok);
        inline_message(result_, result_ok_ ? p.ok : p.overdue);
        return;
    }

    // The list: each conflict a touch-sized row, the chosen one marked.
    const auto& conflicts = snapshot.conflicts;
    const float row = touch_height(context);
    const float list_height = std::min(static_cast<float>(conflicts.size()), 4.0f) *
                              (row + ImGui::GetStyle().ItemSpacing.y);
    ImGui::BeginChild("##conflicts", ImVec2(0.0f, list_height), false, ImGuiWindowFlags_NoNav);
    for (size_t i = 0; i < conflicts.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const bool chosen = static_cast<int>(i) == at;
        const std::string label = conflict_line(snapshot, conflicts[i], context.privacy);
        if (ImGui::Selectable(label.c_str(), chosen, ImGuiSelectableFlags_None,
                              ImVec2(0.0f, row)) &&
            !pending_.waiting()) {
            chosen_ = conflicts[i].id;
            result_.clear();
        }
        if (chosen && reveal_) ImGui::SetScrollHereY();
        ImGui::PopID();
    }
    reveal_ = false;
    ImGui::EndChild();

    const core::SyncConflict& c = conflicts[static_cast<size_t>(at)];
    ImGui::Separator();
    text_fitted(c.what + "  \xc2\xb7  by " + c.who + " at " + c.edited_at, p.text);
    text_fitted("Here: " + core::conflict_side_text(c.mine, context.privacy), p.text);
    text_fitted("Hub: " + core::conflict_side_text(c.theirs, context.privacy), p.text);
    if (!c.reason.empty()) inline_message(core::conflict_reason_line(c.reason), p.text_dim);
    ImGui::Spacing();
    const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::BeginDisabled(pending_.waiting() || !context.commands);
    if (touch_button("1  Keep mine", context, width)) resolve(true, context);
    ImGui::SameLine();
    if (touch_button("2  Take theirs", context, width)) resolve(false, context);
    ImGui::EndDisabled();
    inline_message(
        "Keep mine sends this edit again, on the hub's row as it is now; take theirs drops it "
        "and keeps the hub's.",
        p.text_dim);
    inline_message(result_, result_ok_ ? p.ok : p.overdue);
}

}  // namespace widgets

// The triage board's state: caching per snapshot, filtering, the focused row and the
// key queue (see triage_board.hpp). Drawing is in triage_board_draw.cpp.
#include "widgets/triage_board.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/snapshot.hpp"
#include "widgets/pupil_line.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

// Rows measured for column widths: enough to meet the long values, cheap at 100k rows.
constexpr size_t kMeasuredRows = 1000;

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

}  // namespace

bool TriageBoard::key(const KeyInput& key) {
    // The wall has no keyboard use of its own: the app scrolls it.
    if (!interactive_) return false;
    keys_.push_back(key);
    return true;
}

void TriageBoard::refresh(const core::Snapshot& snapshot, const BoardContext& context) {
    if (cached_for_ == &snapshot && cached_generation_ == snapshot.generation &&
        cached_built_at_ == snapshot.built_at && privacy_measured_ == context.privacy)
        return;
    cached_for_ = &snapshot;
    cached_generation_ = snapshot.generation;
    cached_built_at_ = snapshot.built_at;
    privacy_measured_ = context.privacy;
    refilter(snapshot);

    const auto& rows = snapshot.triage.rows;
    ImGui::PushFont(context.fonts->bold);
    pupil_width_ = text_width("Pupil");
    status_width_ = std::max(text_width("Status"), text_width("overdue"));
    due_width_ = std::max(text_width("Due"), text_width("Wed 30 Sep"));
    priority_width_ = std::max(text_width("Priority"), text_width("Medium"));
    ImGui::PopFont();
    const size_t step = std::max<size_t>(1, rows.size() / kMeasuredRows);
    for (size_t i = 0; i < rows.size(); i += step) {
        const core::TriageRow& row = rows[i];
        const float width =
            text_width(pupil_line(snapshot, row.pupil, row.pupil_label, context.privacy));
        pupil_width_ = std::max(pupil_width_, width);
    }
    const size_t n = rows.size();
    count_text_ = std::to_string(n) + (n == 1 ? " pupil needs action" : " pupils need action");
    today_ = "Today " + core::to_display(snapshot.today);
}

void TriageBoard::refilter(const core::Snapshot& snapshot) {
    visible_ = core::filter_triage(snapshot.triage, filter_);
    focus_.reset();
    if (focus_ref_.empty()) return;
    // The focused pupil keeps the focus when the list changes around it.
    for (size_t i = 0; i < visible_.size(); ++i) {
        if (snapshot.triage.rows[visible_[i]].pupil_ref == focus_ref_) {
            focus_ = i;
            reveal_focus_ = true;
            return;
        }
    }
    focus_ref_.clear();
}

void TriageBoard::move_focus(long long to, const core::Snapshot& snapshot) {
    if (visible_.empty()) return;
    const auto last = static_cast<long long>(visible_.size()) - 1;
    focus_ = static_cast<size_t>(std::clamp(to, 0LL, last));
    focus_ref_ = snapshot.triage.rows[visible_[*focus_]].pupil_ref;
    reveal_focus_ = true;
}

void TriageBoard::open_row(size_t visible_index, const core::Snapshot& snapshot) {
    if (visible_index >= visible_.size() || waiting()) return;
    move_focus(static_cast<long long>(visible_index), snapshot);
    referral_.close();
    conflicts_.close();
    actions_.open(focus_ref_);
}

void TriageBoard::cycle_filter(char which, int step, const core::TriageList& list) {
    auto position = [](const std::vector<core::TriageOption>& options,
                       const std::optional<std::string>& id) -> std::optional<size_t> {
        if (!id) return std::nullopt;
        for (size_t i = 0; i < options.size(); ++i)
            if (options[i].id == *id) return i;
        return std::nullopt;
    };
    if (which == 'r') {
        std::optional<size_t> at;
        for (size_t i = 0; i < list.rule_options.size(); ++i)
            if (filter_.rule && list.rule_options[i] == *filter_.rule) at = i;
        auto next = core::cycle_option(at, list.rule_options.size(), step);
        filter_.rule = next ? std::optional(list.rule_options[*next]) : std::nullopt;
    } else {
        const auto& options = which == 's' ? list.schools : list.teachers;
        auto& value = which == 's' ? filter_.school_urn : filter_.teacher_id;
        auto next = core::cycle_option(position(options, value), options.size(), step);
        value = next ? std::optional(options[*next].id) : std::nullopt;
    }
}

void TriageBoard::list_key(const KeyInput& key, const core::Snapshot& snapshot) {
    using Key = KeyInput::Key;
    const long long at = focus_ ? static_cast<long long>(*focus_) : -1;
    const long long page = std::max(1, rows_per_page_ - 1);
    switch (key.key) {
        case Key::down:
            move_focus(at + 1, snapshot);
            break;
        case Key::up:
            move_focus(focus_ ? at - 1 : 0, snapshot);
            break;
        case Key::tab:
            move_focus(key.shift ? (focus_ ? at - 1 : 0) : at + 1, snapshot);
            break;
        case Key::page_down:
            move_focus(std::max(0LL, at) + page, snapshot);
            break;
        case Key::page_up:
            move_focus(at - page, snapshot);
            break;
        case Key::home:
            move_focus(0, snapshot);
            break;
        case Key::end:
            move_focus(static_cast<long long>(visible_.size()) - 1, snapshot);
            break;
        case Key::enter:
            if (focus_)
                open_row(*focus_, snapshot);
            else
                move_focus(0, snapshot);
            break;
        case Key::escape:
            focus_.reset();
            focus_ref_.clear();
            break;
        case Key::character:
            if (key.character == 'n' && editable_) {
                actions_.close();
                conflicts_.close();
                referral_.open();
            } else if (key.character == 'c' && editable_ && !snapshot.conflicts.empty()) {
                actions_.close();
                referral_.close();
                conflicts_.open(snapshot);
            } else if (key.character == 'r' || key.character == 's' || key.character == 't') {
                cycle_filter(key.character, key.shift ? -1 : +1, snapshot.triage);
                refilter(snapshot);
            } else if (key.character == 'x' && filter_.any()) {
                filter_ = {};
                refilter(snapshot);
            }
            break;
    }
}

void TriageBoard::apply_keys(const core::Snapshot& snapshot, const BoardContext& context) {
    std::vector<KeyInput> keys;
    keys.swap(keys_);
    for (const KeyInput& key : keys) {
        if (conflicts_.is_open())
            conflicts_.handle(key, snapshot, context);
        else if (actions_.is_open())
            actions_.handle(key, snapshot, context, editable_);
        else if (referral_.is_open())
            referral_.handle(key, snapshot, context);
        else
            list_key(key, snapshot);
    }
}

void TriageBoard::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    interactive_ = !context.kiosk;
    editable_ = interactive_ && context.commands != nullptr;
    if (!interactive_) {
        actions_.close();
        referral_.close();
        focus_.reset();
        focus_ref_.clear();
    }
    if (!editable_) {
        referral_.close();
        conflicts_.close();
    }
    refresh(snapshot, context);
    apply_keys(snapshot, context);

    draw_summary(context);
    if (interactive_) draw_filters(snapshot, context);
    pages_ = 1;
    if (context.kiosk) {
        // Conflict lines wrap on the wall (text_fitted honours a pushed wrap position).
        ImGui::PushTextWrapPos(0.0f);
        draw_conflicts(snapshot, context);
        ImGui::PopTextWrapPos();
        draw_kiosk(snapshot, context, ImGui::GetContentRegionAvail());
        return;
    }
    draw_conflicts(snapshot, context);

    const float help = interactive_ ? ImGui::GetTextLineHeightWithSpacing() : 0.0f;
    const float height = std::max(0.0f, ImGui::GetContentRegionAvail().y - help);
    const bool panel = actions_.is_open() || referral_.is_open() || conflicts_.is_open();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!panel) {
        draw_table(snapshot, context, ImVec2(width, height), false);
    } else {
        const float panel_width = std::max(width * 0.46f, std::min(width, 560.0f * context.scale));
        const float table_width = width - panel_width - ImGui::GetStyle().ItemSpacing.x;
        draw_table(snapshot, context, ImVec2(table_width, height), true);
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().row_alt);
        // No ImGui keyboard navigation in the panel: Tab and the arrows are the board's.
        ImGui::BeginChild("##panel", ImVec2(panel_width, height), true, ImGuiWindowFlags_NoNav);
        if (conflicts_.is_open())
            conflicts_.draw(snapshot, context);
        else if (actions_.is_open())
            actions_.draw(snapshot, context, editable_);
        else
            referral_.draw(snapshot, context);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    if (interactive_) draw_help(context);
}

}  // namespace widgets

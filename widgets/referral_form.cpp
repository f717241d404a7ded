// The new referral form (see referral_form.hpp).
#include "widgets/referral_form.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <array>

#include "core/snapshot.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr std::array kNeedAreas = {core::NeedArea::cl, core::NeedArea::ci, core::NeedArea::semh,
                                   core::NeedArea::spd};

std::vector<std::string> need_labels() {
    std::vector<std::string> labels;
    for (core::NeedArea area : kNeedAreas) labels.emplace_back(core::need_area_label(area));
    return labels;
}

int need_index(core::NeedArea area) {
    for (size_t i = 0; i < kNeedAreas.size(); ++i)
        if (kNeedAreas[i] == area) return static_cast<int>(i);
    return -1;
}

}  // namespace

void ReferralForm::open() {
    if (!open_) focus_ = FormFocus{ReferralForm::ref, kFieldCount, true};
    open_ = true;
}

void ReferralForm::handle(const KeyInput& key, const core::Snapshot& snapshot,
                          const BoardContext& context) {
    using Key = KeyInput::Key;
    if (pending_.waiting()) return;
    switch (key.key) {
        case Key::escape:
            close();
            return;
        case Key::enter:
            submit(snapshot, context);
            return;
        case Key::tab:
            if (focus_.field != need) ImGui::ClearActiveID();
            focus_.move(key.shift ? -1 : +1);
            return;
        default:
            break;
    }
    // Only the need area takes arrows and digits; the text fields get them from ImGui.
    if (focus_.field != need) return;
    const int count = static_cast<int>(kNeedAreas.size());
    // Left and right read naturally on a row of buttons; up and down do the same.
    if (auto chosen = choose_by_key(need_index(input_.need_area), count, key))
        input_.need_area = kNeedAreas[static_cast<size_t>(std::max(0, *chosen))];
}

void ReferralForm::submit(const core::Snapshot& snapshot, const BoardContext& context) {
    tried_ = true;
    check_ = core::check_referral(input_, *snapshot.data, snapshot.today);
    result_.clear();
    if (!check_.ok() || !context.commands) {
        // To the first field that needs fixing.
        const std::array messages = {&check_.pupil_ref, &check_.school, &check_.initials,
                                     &check_.need_area, &check_.consent_date};
        for (size_t i = 0; i < messages.size(); ++i)
            if (!messages[i]->empty()) {
                ImGui::ClearActiveID();
                focus_.set(static_cast<int>(i));
                break;
            }
        return;
    }
    pending_.submit(*context.commands, *check_.command, context.user);
    result_ = "Saving…";
    result_ok_ = true;
}

void ReferralForm::text_row(const char* label, const char* id, std::string& value, const char* hint,
                            int index, const std::string& message, const BoardContext& context) {
    field_label(label, focus_.field == index, context);
    text_field(id, value, hint, index, focus_, context);
    if (tried_) inline_message(message, palette().overdue);
}

void ReferralForm::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    const Palette& p = palette();
    if (auto result = pending_.poll()) {
        result_ok_ = result->ok;
        result_ = result->ok ? "Saved: " + result->message : "Not saved: " + result->message;
        if (result->ok) {  // ready for the next referral
            input_ = {};
            tried_ = false;
            focus_.set(ref);
        }
    }
    // Messages follow the typing once a save was tried.
    check_ = core::check_referral(input_, *snapshot.data, snapshot.today);

    text_coloured("New referral", p.text, context.fonts->bold);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x -
                                                         ImGui::CalcTextSize("Close  (Esc)").x -
                                                         2.0f * ImGui::GetStyle().FramePadding.x));
    ImGui::BeginDisabled(pending_.waiting());
    if (touch_button("Close  (Esc)", context)) close();
    ImGui::EndDisabled();

    text_row("Pupil ref", "##ref", input_.pupil_ref, "e.g. P01234", ref, check_.pupil_ref, context);
    text_row("School  (URN or name)", "##school", input_.school, "URN or the start of the name",
             school, check_.school, context);
    // Which school the typing matches, as it is typed (check_ is from before this frame's keys).
    if (const core::School* found = core::find_school(*snapshot.data, input_.school))
        text_fitted(found->name + ", " + found->district, p.ok);
    text_row("Initials", "##initials", input_.initials, "e.g. AB", initials, check_.initials,
             context);

    field_label("Need area", focus_.field == need, context);
    const auto labels = need_labels();
    const int clicked =
        choice_row("need", labels, need_index(input_.need_area), focus_.field == need, context);
    if (clicked >= 0) {
        input_.need_area = kNeedAreas[static_cast<size_t>(clicked)];
        ImGui::ClearActiveID();
        focus_.set(need);
    }
    if (tried_) inline_message(check_.need_area, p.overdue);

    text_row("Parental consent given on", "##consent", input_.consent_date, "YYYY-MM-DD", consent,
             check_.consent_date, context);
    ImGui::Spacing();
    ImGui::BeginDisabled(pending_.waiting());
    if (touch_button("Save referral  (Enter)", context)) submit(snapshot, context);
    ImGui::EndDisabled();
    if (!result_.empty()) inline_message(result_, result_ok_ ? p.ok : p.overdue);
}

}  // namespace widgets

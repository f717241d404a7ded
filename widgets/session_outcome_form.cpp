// The LIFT session's outcome form (see session_outcome_form.hpp).
#include "widgets/session_outcome_form.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {

void SessionOutcomeForm::open(core::SessionOutcome outcome, std::string pupil_ref,
                              core::Date meeting, std::optional<core::Date> default_review,
                              const core::Dataset& data) {
    open_ = true;
    pupil_ref_ = std::move(pupil_ref);
    meeting_ = meeting;
    input_ = core::OutcomeInput{};
    input_.outcome = outcome;
    if (default_review) input_.review_date = core::to_iso(*default_review);
    check_ = core::OutcomeCheck{};
    teacher_ids_.clear();
    teacher_names_.clear();
    teacher_ = -1;
    if (outcome == core::SessionOutcome::caselist) {
        for (const core::Staff& s : data.staff)
            if (s.role == core::Role::specialist_teacher) {
                teacher_ids_.push_back(s.staff_id);
                teacher_names_.push_back(s.name);
            }
    }
    focus_ = FormFocus{0, static_cast<int>(fields().size()), true};
    result_.clear();
}

std::vector<SessionOutcomeForm::Field> SessionOutcomeForm::fields() const {
    if (core::is_recommendation(input_.outcome)) return {Field::owner, Field::review, Field::note};
    // The teacher first: the list is chosen from with keys, then the text is typed.
    if (input_.outcome == core::SessionOutcome::caselist)
        return {Field::teacher, Field::agreed, Field::note};
    return {Field::note};
}

SessionOutcomeForm::Field SessionOutcomeForm::focused() const {
    const auto list = fields();
    return list[static_cast<size_t>(
        std::clamp(focus_.field, 0, static_cast<int>(list.size()) - 1))];
}

void SessionOutcomeForm::handle(const KeyInput& key, const core::Dataset& data,
                                const BoardContext& context, core::Date today) {
    using Key = KeyInput::Key;
    if (!open_ || pending_.waiting()) return;  // one command at a time
    if (key.key == Key::escape) {
        if (focused() != Field::teacher) ImGui::ClearActiveID();
        open_ = false;
        return;
    }
    if (key.key == Key::enter) {
        submit(data, context, today);
        return;
    }
    if (key.key == Key::tab) {
        // A text field keeps ImGui's keyboard focus until told otherwise.
        if (focused() != Field::teacher) ImGui::ClearActiveID();
        focus_.move(key.shift ? -1 : +1);
        return;
    }
    if (focused() != Field::teacher) return;  // typing: characters reach the field
    if (auto chosen = choose_by_key(teacher_, static_cast<int>(teacher_ids_.size()), key)) {
        teacher_ = *chosen;
        input_.teacher_id = teacher_ids_[static_cast<size_t>(teacher_)];
    }
}

void SessionOutcomeForm::submit(const core::Dataset& data, const BoardContext& context,
                                core::Date today) {
    check_ = core::check_outcome(input_, data, pupil_ref_, meeting_, today);
    if (!check_.ok() || !context.commands) {
        focus_.request = true;  // back into the field to fix it
        return;
    }
    if (focused() != Field::teacher) ImGui::ClearActiveID();
    pending_.submit(*context.commands, std::move(*check_.command), context.user);
    check_.command.reset();
    result_ = "Saving\xe2\x80\xa6";
    result_ok_ = true;
}

void SessionOutcomeForm::poll() {
    if (auto answer = pending_.poll()) {
        result_ok_ = answer->ok;
        result_ = answer->ok ? "Saved: " + answer->message : "Not saved: " + answer->message;
        if (answer->ok) open_ = false;
    }
}

void SessionOutcomeForm::draw(const core::Dataset& data, const BoardContext& context,
                              core::Date today) {
    if (!open_) return;
    const Palette& p = palette();
    text_coloured(std::string(core::outcome_label(input_.outcome)) + "  \xc2\xb7  " + pupil_ref_,
                  p.accent, context.fonts->bold);
    inline_message(check_.meeting_message, p.overdue);
    // Tab is the form's own (handle()): ImGui's tabbing between text fields would move
    // the keyboard a second time when two Tabs come close together.
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);
    const auto list = fields();
    for (size_t i = 0; i < list.size(); ++i) {
        const int index = static_cast<int>(i);
        const bool focused = focus_.field == index;
        switch (list[i]) {
            case Field::owner:
                field_label("Owner  (who carries it out: school, EP, a staff id)", focused,
                            context);
                text_field("##owner", input_.owner, "who carries it out", index, focus_, context);
                inline_message(check_.owner_message, p.overdue);
                break;
            case Field::review:
                field_label("Review impact by  (YYYY-MM-DD; two terms ahead unless changed)",
                            focused, context);
                text_field("##review", input_.review_date, "YYYY-MM-DD", index, focus_, context);
                inline_message(check_.review_message, p.overdue);
                break;
            case Field::agreed:
                field_label("Agreed outcome for the support", focused, context);
                text_field("##agreed", input_.agreed_outcome, "what the support is to achieve",
                           index, focus_, context);
                inline_message(check_.agreed_message, p.overdue);
                break;
            case Field::teacher: {
                field_label("Specialist teacher  (arrows or 1-9)", focused, context);
                if (focused && focus_.request) focus_.request = false;
                const int clicked =
                    choice_list("teacher", teacher_names_, teacher_, focused, context);
                if (clicked >= 0) {
                    teacher_ = clicked;
                    input_.teacher_id = teacher_ids_[static_cast<size_t>(clicked)];
                    focus_.set(index);
                    focus_.request = false;
                }
                inline_message(check_.teacher_message, p.overdue);
                break;
            }
            case Field::note:
                field_label("Note  (optional: what was agreed)", focused, context);
                text_field("##note", input_.note, "what was agreed", index, focus_, context);
                inline_message(check_.note_message, p.overdue);
                break;
        }
    }
    ImGui::PopItemFlag();
    ImGui::Spacing();
    ImGui::BeginDisabled(pending_.waiting());
    if (touch_button("Save  (Enter)", context)) submit(data, context, today);
    ImGui::SameLine();
    if (touch_button("Cancel  (Esc)", context)) open_ = false;
    ImGui::EndDisabled();
    inline_message(result_, result_ok_ ? p.ok : p.overdue);
}

}  // namespace widgets

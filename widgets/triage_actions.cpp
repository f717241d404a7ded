// The triage action panel (see triage_actions.hpp).
#include "widgets/triage_actions.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>

#include "core/after_lift_view.hpp"
#include "core/snapshot.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"

namespace widgets {
namespace {

constexpr std::array<int, 4> kPriorities = {1, 2, 3, 0};

int find_pupil(const core::Snapshot& snapshot, const std::string& ref) {
    return snapshot.data ? snapshot.data->pupil_index(ref) : -1;
}

std::vector<std::string> event_labels() {
    std::vector<std::string> labels;
    for (int i = 0; i < core::kTriageEventCount; ++i)
        labels.emplace_back(core::triage_event_label(static_cast<core::TriageEvent>(i)));
    return labels;
}

}  // namespace

void TriageActions::open(std::string pupil_ref) {
    if (pupil_ref != pupil_ref_) result_.clear();
    pupil_ref_ = std::move(pupil_ref);
    form_ = Form::menu;
    menu_choice_ = 0;
}

void TriageActions::close() {
    pupil_ref_.clear();
    form_ = Form::menu;
    result_.clear();
}

std::vector<TriageActions::Field> TriageActions::fields() const {
    if (form_ != Form::event) return {Field::choice};
    const auto event = static_cast<core::TriageEvent>(choice_);
    std::vector<Field> list = {Field::choice};
    if (!core::triage_event_details(event).empty()) list.push_back(Field::detail);
    list.push_back(Field::date);
    if (core::triage_event_takes_owner(event)) {
        list.push_back(Field::owner);
        list.push_back(Field::review);
    }
    list.push_back(Field::note);
    return list;
}

TriageActions::Field TriageActions::focused_field() const {
    const auto list = fields();
    return list[static_cast<size_t>(
        std::clamp(focus_.field, 0, static_cast<int>(list.size()) - 1))];
}

void TriageActions::open_form(Form form, const core::Snapshot& snapshot, size_t pupil) {
    const core::Dataset& data = *snapshot.data;
    form_ = form;
    choice_ = 0;
    marked_ = -1;
    detail_ = -1;
    detail_message_.clear();
    date_message_.clear();
    form_message_.clear();
    owner_message_.clear();
    review_message_.clear();
    note_message_.clear();
    owner_.clear();
    review_.clear();
    note_.clear();
    result_.clear();
    choices_.clear();
    switch (form) {
        case Form::assign: {
            teachers_ = core::teacher_options(data, pupil);
            const std::string current(core::case_teacher_id(data, pupil));
            for (size_t i = 0; i < teachers_.size(); ++i) {
                choices_.push_back(teachers_[i].label);
                if (teachers_[i].staff_id == current) marked_ = static_cast<int>(i);
            }
            // Start on the first teacher who is not the current one: Enter changes something.
            choice_ = marked_ == 0 && teachers_.size() > 1 ? 1 : 0;
            break;
        }
        case Form::priority: {
            const core::CaseState* state = data.case_state(data.pupils[pupil].pupil_ref);
            const int current = state ? state->priority : 0;
            for (size_t i = 0; i < kPriorities.size(); ++i) {
                const int value = kPriorities[i];
                choices_.push_back(value == 0 ? std::string("None")
                                              : std::string(core::priority_label(value)));
                if (value == current) marked_ = static_cast<int>(i);
            }
            break;
        }
        case Form::book:
            meetings_ =
                core::meeting_options(data, pupil, snapshot.today, snapshot.triage.referral_cap);
            for (const auto& m : meetings_) choices_.push_back(m.label);
            if (meetings_.empty())
                form_message_ =
                    "No LIFT meeting of the school's group (deadline not passed, places "
                    "left) and no Surgery of its district is coming up.";
            break;
        case Form::event:
            choices_ = event_labels();
            date_ = core::to_iso(snapshot.today);
            break;
        case Form::menu:
            break;
    }
    focus_ = FormFocus{0, static_cast<int>(fields().size()), true};
    reveal_ = true;
}

void TriageActions::handle(const KeyInput& key, const core::Snapshot& snapshot,
                           const BoardContext& context, bool editable) {
    using Key = KeyInput::Key;
    if (pending_.waiting()) return;  // one command at a time: keys wait for its answer
    const int found = find_pupil(snapshot, pupil_ref_);
    if (key.key == Key::escape) {
        if (form_ == Form::menu)
            close();
        else
            form_ = Form::menu;
        return;
    }
    if (!editable || found < 0) return;
    const auto pupil = static_cast<size_t>(found);
    if (form_ == Form::menu) {
        if (key.key == Key::character && key.character >= '1' && key.character <= '4') {
            open_form(static_cast<Form>(key.character - '0'), snapshot, pupil);
        } else if (key.key == Key::enter) {
            open_form(static_cast<Form>(menu_choice_ + 1), snapshot, pupil);
        } else if (key.key == Key::tab) {
            menu_choice_ = (menu_choice_ + (key.shift ? kActionCount - 1 : 1)) % kActionCount;
        } else if (auto moved = choose_by_key(menu_choice_, kActionCount, key);
                   moved && key.key != Key::character) {
            menu_choice_ = *moved;
        }
        return;
    }
    if (key.key == Key::enter) {
        submit(snapshot, context, pupil);
        return;
    }
    if (key.key == Key::tab) {
        // A text field keeps ImGui's keyboard focus until told otherwise.
        if (is_text(focused_field())) ImGui::ClearActiveID();
        focus_.move(key.shift ? -1 : +1);
        reveal_ = true;
        return;
    }
    const Field field = focused_field();
    if (is_text(field)) return;  // typing: characters reach the field through ImGui
    const int count =
        field == Field::detail
            ? static_cast<int>(
                  core::triage_event_details(static_cast<core::TriageEvent>(choice_)).size())
            : static_cast<int>(choices_.size());
    if (auto chosen = choose_by_key(field == Field::detail ? detail_ : choice_, count, key)) {
        if (field == Field::detail) {
            detail_ = *chosen;
        } else if (*chosen != choice_) {
            choice_ = *chosen;
            if (form_ == Form::event) {  // another event: its own details, if any
                detail_ = -1;
                focus_.count = static_cast<int>(fields().size());
            }
        }
        reveal_ = true;
    }
}

void TriageActions::submit(const core::Snapshot& snapshot, const BoardContext& context,
                           size_t pupil) {
    const core::Dataset& data = *snapshot.data;
    const std::string ref(data.pupils[pupil].pupil_ref);
    std::optional<core::Command> command;
    form_message_.clear();
    switch (form_) {
        case Form::assign:
            if (choice_ >= 0 && choice_ < static_cast<int>(teachers_.size()))
                command =
                    core::AssignTeacher{ref, teachers_[static_cast<size_t>(choice_)].staff_id};
            break;
        case Form::priority:
            command =
                core::SetPriority{ref, kPriorities[static_cast<size_t>(std::clamp(choice_, 0, 3))]};
            break;
        case Form::book:
            if (choice_ >= 0 && choice_ < static_cast<int>(meetings_.size()))
                command = core::BookMeeting{meetings_[static_cast<size_t>(choice_)].booking(ref)};
            break;
        case Form::event: {
            const auto event = static_cast<core::TriageEvent>(choice_);
            const auto details = core::triage_event_details(event);
            core::EventInput input{event, "", date_, owner_, review_, note_};
            if (detail_ >= 0 && detail_ < static_cast<int>(details.size()))
                input.detail = std::string(details[static_cast<size_t>(detail_)]);
            auto check = core::check_event(input, data, pupil, snapshot.today,
                                           std::string(core::case_teacher_id(data, pupil)));
            detail_message_ = check.detail_message;
            date_message_ = check.date_message;
            owner_message_ = check.owner_message;
            review_message_ = check.review_message;
            note_message_ = check.note_message;
            command = check.command;
            break;
        }
        case Form::menu:
            return;
    }
    if (!command || !context.commands) {
        focus_.request = true;  // back into the field to fix it
        return;
    }
    pending_.submit(*context.commands, std::move(*command), context.user);
    result_ = "Saving…";
    result_ok_ = true;
}

void TriageActions::refresh_header(const core::Snapshot& snapshot, size_t pupil) {
    const core::Dataset& data = *snapshot.data;
    const core::PupilEntry& p = data.pupils[pupil];
    header_.label = core::pupil_label(p);
    header_.full_name = core::full_name(p);
    const core::School* school = data.school(p.school_urn);
    const std::string teacher_id(core::case_teacher_id(data, pupil));
    const core::Staff* teacher = data.staff_member(teacher_id);
    const core::CaseState* state = data.case_state(p.pupil_ref);
    const std::string priority(core::priority_label(state ? state->priority : 0));
    header_.facts = (school ? school->name : std::string(p.school_urn)) + "  ·  " +
                    (teacher              ? teacher->name
                     : teacher_id.empty() ? "Unassigned"
                                          : teacher_id) +
                    "  ·  priority " + (priority.empty() ? "none" : priority);
    header_.stage.clear();
    header_.findings.clear();
    if (pupil < snapshot.assessments.size()) {
        const core::PupilAssessment& a = snapshot.assessments[pupil];
        header_.stage = std::string(core::display_name(a.stage));
        if (!a.next.description.empty()) header_.stage += "  ·  next: " + a.next.description;
        header_.findings = a.findings;
        // The card's after-LIFT view in one line: the clock, then the evidence.
        header_.after_lift.clear();
        header_.after_lift_status = core::Status::ok;
        const auto events = data.events_of(pupil);
        if (auto clock =
                core::open_ehc_clock(events, snapshot.today, snapshot.rules.due_window_days)) {
            header_.after_lift = "EHC " + clock->headline + " (" + clock->requested_text + ")";
            header_.after_lift_status = clock->status;
        }
        if (auto hnf = core::hnf_checklist(events, a.stage, snapshot.today)) {
            if (!header_.after_lift.empty()) header_.after_lift += "  \xc2\xb7  ";
            header_.after_lift += "HNF evidence " + std::to_string(hnf->met) + " of " +
                                  std::to_string(hnf->criteria.size()) +
                                  (hnf->applied ? " (applied)" : "");
            header_.after_lift_status = std::max(header_.after_lift_status, hnf->status);
        }
    }
}

void TriageActions::draw(const core::Snapshot& snapshot, const BoardContext& context,
                         bool editable) {
    const Palette& p = palette();
    if (auto result = pending_.poll()) {
        result_ok_ = result->ok;
        result_ = result->ok ? "Saved: " + result->message : "Not saved: " + result->message;
        if (result->ok) form_ = Form::menu;
    }
    const int found = find_pupil(snapshot, pupil_ref_);
    if (found < 0) {
        text_coloured(pupil_ref_ + " is no longer in the data.", p.text_dim);
        return;
    }
    const auto pupil = static_cast<size_t>(found);
    refresh_header(snapshot, pupil);
    draw_header(context);
    if (!editable) {
        inline_message("Read-only: this screen makes no changes.", p.text_dim);
        return;
    }
    draw_menu(context, snapshot, pupil);
    if (form_ != Form::menu) draw_form(snapshot, context, pupil);
    if (!result_.empty()) inline_message(result_, result_ok_ ? p.ok : p.overdue);
}

}  // namespace widgets

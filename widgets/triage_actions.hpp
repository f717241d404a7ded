// The action panel of one pupil on the triage board: who the pupil is and what the
// rules found, then four actions (assign a specialist teacher, set a priority, book a
// LIFT meeting or Surgery, record an event), each a small form that becomes one typed
// command for the writer thread. Nothing is written here: the form submits the command,
// polls its future, and shows "Saved" or the refusal; the data updates from the next
// snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/triage_forms.hpp"
#include "core/triage_options.hpp"
#include "widgets/board.hpp"
#include "widgets/form_fields.hpp"
#include "widgets/pending_command.hpp"

namespace widgets {

class TriageActions {
  public:
    enum class Form : uint8_t { menu, assign, priority, book, event };
    static constexpr int kActionCount = 4;

    void open(std::string pupil_ref);
    void close();
    bool is_open() const { return !pupil_ref_.empty(); }
    const std::string& pupil_ref() const { return pupil_ref_; }
    Form form() const { return form_; }
    bool waiting() const { return pending_.waiting(); }

    // Applies one key press (the board queues them between frames and hands them over
    // while drawing, in order). `editable`: the actions are available (a writer, not
    // the wall); otherwise only Esc does anything.
    void handle(const KeyInput& key, const core::Snapshot& snapshot, const BoardContext& context,
                bool editable);
    // Draws the panel into the current window, across its width.
    void draw(const core::Snapshot& snapshot, const BoardContext& context, bool editable);

  private:
    enum class Field : uint8_t { choice, detail, date, owner, review, note };
    static bool is_text(Field f) { return f != Field::choice && f != Field::detail; }
    struct Header {
        std::string label, full_name, facts, stage;
        std::string after_lift;  // "EHC week 9 of 20 · HNF evidence 3 of 4", "" when neither
        core::Status after_lift_status = core::Status::ok;
        std::vector<core::Finding> findings;
    };

    void open_form(Form form, const core::Snapshot& snapshot, size_t pupil);
    void submit(const core::Snapshot& snapshot, const BoardContext& context, size_t pupil);
    std::vector<Field> fields() const;
    Field focused_field() const;
    void refresh_header(const core::Snapshot& snapshot, size_t pupil);
    void draw_header(const BoardContext& context);
    void draw_menu(const BoardContext& context, const core::Snapshot& snapshot, size_t pupil);
    void draw_form(const core::Snapshot& snapshot, const BoardContext& context, size_t pupil);
    void draw_event_fields(const core::Snapshot& snapshot, const BoardContext& context,
                           size_t pupil);

    std::string pupil_ref_;
    Form form_ = Form::menu;
    int menu_choice_ = 0;

    // The open form's state.
    FormFocus focus_;
    std::vector<std::string> choices_;  // labels of the form's main list
    std::vector<core::TeacherOption> teachers_;
    std::vector<core::MeetingOption> meetings_;
    int choice_ = 0;
    int marked_ = -1;  // the pupil's current value in the list
    int detail_ = -1;  // event detail (recommendation type, closing outcome)
    std::string date_, owner_, review_, note_;
    std::string detail_message_, date_message_, form_message_;
    std::string owner_message_, review_message_, note_message_;
    bool reveal_ = false;

    PendingCommand pending_;
    std::string result_;
    bool result_ok_ = false;

    Header header_;  // rebuilt each draw: a few strings, and always the current data
};

}  // namespace widgets

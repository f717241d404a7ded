// The LIFT outcome sheet as a PDF page: core::OutcomeSheet laid out for a school's file
// and an HNF application. Nothing is worked out here; the view-model has every text.
#include "core/outcome_sheet.hpp"
#include "report/lift_documents.hpp"

namespace report {
namespace {

std::string pupil_text(const core::OutcomeSheet& sheet, bool show_names) {
    if (!show_names || sheet.full_name.empty()) return sheet.pupil_label;
    return sheet.full_name + "  (" + sheet.pupil_label + ")";
}

std::string joined(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    return b.empty() ? a : a + ", " + b;
}

}  // namespace

PdfDocument outcome_sheet_document(const core::OutcomeSheet& sheet, bool show_names) {
    PdfDocument doc(
        "LIFT outcome sheet " + sheet.pupil_ref + " " + core::to_iso(sheet.meeting_date),
        "LIFT outcome sheet  \xc2\xb7  " + sheet.pupil_ref + "  \xc2\xb7  " +
            core::to_display(sheet.meeting_date) + "  \xc2\xb7  Confidential: pupil information");
    doc.text("LIFT outcome sheet", TextStyle::title);
    doc.text(sheet.meeting, TextStyle::subheading);

    PdfTable facts;
    facts.widths = {1, 3};
    facts.key_column = true;
    facts.rows.push_back({"Pupil", pupil_text(sheet, show_names)});
    facts.rows.push_back({"School", sheet.school});
    facts.rows.push_back({"Year group, need", joined(sheet.year_group, sheet.need_area)});
    facts.rows.push_back({"Meeting", joined(sheet.meeting, sheet.venue)});
    if (!sheet.discussed_note.empty()) facts.rows.push_back({"Discussion", sheet.discussed_note});
    doc.table(std::move(facts));

    doc.text("Recommendations", TextStyle::heading);
    if (sheet.outcomes.empty()) {
        doc.text("No recommendations were recorded at this meeting.");
    } else {
        PdfTable outcomes;
        outcomes.widths = {2.2, 2.2, 1.6, 4.5};
        outcomes.header = {"Recommendation", "Owner", "Review by", "Note"};
        for (const auto& o : sheet.outcomes)
            outcomes.rows.push_back({o.type, o.owner.empty() ? "not set" : o.owner,
                                     o.review.empty() ? "not set" : o.review, o.note});
        doc.table(std::move(outcomes));
    }

    doc.text("STLS decision", TextStyle::heading);
    doc.text(sheet.decision_text, TextStyle::bold);
    for (const auto& detail : sheet.decision_details) doc.text(detail);
    if (!sheet.other_steps.empty()) {
        doc.text("Other steps", TextStyle::heading);
        for (const auto& step : sheet.other_steps) doc.text(step);
    }

    doc.text("Next step", TextStyle::heading);
    doc.text(sheet.next_step.empty() ? "None on the pathway" : sheet.next_step, TextStyle::bold);
    if (!sheet.next_step_when.empty()) doc.text(sheet.next_step_when);

    doc.write_in_space("School's notes", 45);
    doc.text("Filed by (name, role, date):", TextStyle::small);
    return doc;
}

}  // namespace report

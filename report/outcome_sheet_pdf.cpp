// The LIFT outcome sheet as a PDF page: core::OutcomeSheet (and the session's agenda item
// it points at) laid out for a school's file and an HNF application. Nothing is worked
// out here; the view-models hold every text.
#include "report/lift_documents.hpp"

namespace report {

std::string pupil_text(const core::MeetingBooking& booking, bool show_names) {
    if (!show_names || booking.full_name.empty()) return booking.pupil_label;
    return booking.full_name + "  (" + booking.pupil_label + ")";
}

std::string joined(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    return b.empty() ? a : a + ", " + b;
}

PdfDocument outcome_sheet_document(const core::OutcomeSheet& sheet,
                                   const core::LiftSession& session, bool show_names) {
    const core::AgendaItem& item = *sheet.item;
    const core::CaseSummary& summary = item.summary;
    PdfDocument doc("LIFT outcome sheet " + item.ref + " " + core::to_iso(session.cover.date),
                    "LIFT outcome sheet  \xc2\xb7  " + item.ref + "  \xc2\xb7  " +
                        session.cover.date_text + "  \xc2\xb7  Confidential: pupil information");
    doc.text("LIFT outcome sheet", TextStyle::title);
    doc.text(sheet.meeting, TextStyle::subheading);

    PdfTable facts;
    facts.widths = {1, 3};
    facts.key_column = true;
    facts.rows.push_back({"Pupil", pupil_text(item.booking, show_names)});
    facts.rows.push_back({"School", item.booking.school});
    facts.rows.push_back({"Year group, need", joined(summary.year, summary.need_area)});
    facts.rows.push_back({"Stage", summary.card.stage});
    facts.rows.push_back({"Meeting", joined(sheet.meeting, session.cover.venue)});
    if (!sheet.discussed_note.empty()) facts.rows.push_back({"Discussion", sheet.discussed_note});
    doc.table(std::move(facts));

    doc.text("Recommendations", TextStyle::heading);
    if (sheet.recommendations.empty()) {
        doc.text("No recommendations were recorded at this meeting.");
    } else {
        PdfTable rows;
        rows.widths = {2.4, 2, 1.6, 4.4};
        rows.header = {"Recommendation", "Owner", "Review by", "Note"};
        for (const auto& r : sheet.recommendations)
            rows.rows.push_back({r.type, r.owner.empty() ? "not set" : r.owner,
                                 r.review.empty() ? "not set" : r.review, r.note});
        doc.table(std::move(rows));
    }

    doc.text("STLS decision", TextStyle::heading);
    doc.text(summary.decision_text, TextStyle::bold);
    for (const auto& note : sheet.decision_notes) doc.text(note);
    if (!sheet.other_steps.empty()) {
        doc.text("Other steps", TextStyle::heading);
        for (const auto& step : sheet.other_steps) doc.text(step);
    }

    doc.text("Next step", TextStyle::heading);
    doc.text(summary.card.next_step.empty() ? "None on the pathway" : summary.card.next_step,
             TextStyle::bold);
    if (!summary.card.next_when.empty()) doc.text(summary.card.next_when);

    doc.write_in_space("School's notes", 45);
    doc.text("Filed by (name, role, date):", TextStyle::small);
    return doc;
}

}  // namespace report

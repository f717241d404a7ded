// The LIFT meeting pack as a PDF: a cover (district, group, date, venue, times, paperwork
// deadline, the group's schools this term) with the agenda in time slots and each
// booking's readiness, then for every booked pupil a case summary starting on a new
// page (the facts, next step and readiness, findings with reasons, Surgery advice so
// far, earlier recommendations and their reviews, HNF evidence, the EHC clock, what this
// meeting recorded, the pathway timeline) and a box to write the discussion in. Laid out
// from core::LiftSession only: the session board shows the same model.

#include "report/lift_documents.hpp"

namespace report {
namespace {

constexpr const char* kDot = "  \xc2\xb7  ";

std::string join_all(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string marks_text(const core::MeetingBooking& booking) {
    std::vector<std::string> words;
    for (const auto& mark : booking.marks) words.push_back(mark.text);
    return join_all(words, ", ");
}

void cover(PdfDocument& doc, const core::LiftSession& session) {
    const core::SessionCover& c = session.cover;
    doc.text("LIFT meeting pack", TextStyle::title);
    doc.text(c.district + kDot + c.group_label + kDot + c.date_text, TextStyle::subheading);
    PdfTable facts;
    facts.widths = {1, 3};
    facts.key_column = true;
    facts.rows.push_back({"District", c.district});
    facts.rows.push_back({"Group", c.group_label});
    facts.rows.push_back({"Date", c.date_text});
    facts.rows.push_back({"Venue", c.venue.empty() ? "not given in the schedule" : c.venue});
    if (!c.times.empty()) facts.rows.push_back({"Times", c.times});
    facts.rows.push_back({"Paperwork deadline", c.deadline_text});
    if (!c.term.empty()) facts.rows.push_back({"Term", c.term});
    facts.rows.push_back({"Schools this term",
                          c.schools.empty() ? "none in the schedule" : join_all(c.schools, ", ")});
    facts.rows.push_back({"Booked", c.summary});
    doc.table(std::move(facts));
    doc.text("Confidential: pupil information. Pupils appear by initials and reference.",
             TextStyle::small);
}

void agenda(PdfDocument& doc, const core::LiftSession& session, bool show_names) {
    doc.text("Agenda", TextStyle::heading);
    if (session.agenda.empty()) {
        doc.text("No pupils are booked for this meeting.", TextStyle::bold);
        return;
    }
    PdfTable table;
    table.widths = {2.1, 2.1, 2.6, 1.5, 2.2, 2.2};
    table.header = {"Time", "Pupil", "School", "Ready", "Paperwork", "Checks"};
    for (const auto& item : session.agenda)
        table.rows.push_back({item.slot, pupil_text(item.booking, show_names), item.booking.school,
                              item.booking.word, item.booking.paperwork, marks_text(item.booking)});
    doc.table(std::move(table));
    doc.text(std::to_string(session.ready) + " ready" + kDot + std::to_string(session.not_ready) +
                 " not ready",
             TextStyle::small);
}

void findings(PdfDocument& doc, const core::PupilCardModel& card) {
    doc.text("Findings", TextStyle::subheading);
    if (card.findings.empty()) {
        doc.text("No open findings: the pathway rules pass.");
        return;
    }
    PdfTable table;
    table.widths = {1.2, 2, 1.6, 5};
    table.header = {"Status", "Rule", "Due", "Reason"};
    for (const auto& f : card.findings)
        table.rows.push_back({f.status_word, f.rule, f.due, f.reason});
    doc.table(std::move(table));
}

void surgery_advice(PdfDocument& doc, const core::CaseSummary& summary) {
    doc.text("Surgery advice so far", TextStyle::subheading);
    if (summary.surgery_advice.empty()) {
        doc.text("No Surgery discussion on record before this meeting.");
        return;
    }
    PdfTable table;
    table.widths = {2.1, 2.2, 2.4, 3.3};
    table.header = {"Date", "What", "Detail", "Note"};
    for (const auto& e : summary.surgery_advice)
        table.rows.push_back({e.date, e.what, e.detail, e.note});
    doc.table(std::move(table));
}

void past_recommendations(PdfDocument& doc, const core::CaseSummary& summary) {
    if (summary.past_recommendations.empty()) return;
    doc.text("Earlier LIFT recommendations", TextStyle::subheading);
    PdfTable table;
    table.widths = {1.5, 2.2, 1.4, 2.4, 3};
    table.header = {"Date", "Recommendation", "Owner", "Review", "Note"};
    for (const auto& r : summary.past_recommendations)
        table.rows.push_back({r.date_text, r.what, r.owner, r.review, r.note});
    doc.table(std::move(table));
}

void after_lift(PdfDocument& doc, const core::PupilCardModel& card) {
    if (card.hnf) {
        doc.text("HNF evidence", TextStyle::subheading);
        doc.text(card.hnf->heading);
        PdfTable table;
        table.widths = {2, 1.6, 4};
        table.header = {"Criterion", "When", "Detail"};
        for (const auto& c : card.hnf->criteria)
            table.rows.push_back({c.label, c.met ? c.when : "MISSING", c.detail});
        doc.table(std::move(table));
    }
    if (card.ehc) {
        doc.text("EHC needs assessment: " + card.ehc->headline, TextStyle::subheading);
        std::vector<std::string> lines{card.ehc->requested_text};
        for (const auto& step : card.ehc->steps) lines.push_back(step.label + ": " + step.text);
        lines.push_back(card.ehc->note);
        doc.text(join_all(lines, "\n"));
    }
}

void recorded(PdfDocument& doc, const core::CaseSummary& summary) {
    if (summary.outcomes.empty()) return;
    doc.text("Recorded at this meeting", TextStyle::subheading);
    PdfTable table;
    table.widths = {2.6, 3.4, 4};
    table.header = {"Outcome", "Detail", "Note"};
    for (const auto& o : summary.outcomes) table.rows.push_back({o.what, o.detail, o.note});
    doc.table(std::move(table));
    doc.text("STLS decision: " + summary.decision_text, TextStyle::bold);
}

void timeline(PdfDocument& doc, const core::PupilCardModel& card) {
    if (card.timeline.empty()) return;
    doc.text("Pathway timeline", TextStyle::subheading);
    PdfTable table;
    table.widths = {2.1, 2.6, 5.3};
    table.header = {"Date", "Step", "Detail"};
    for (const auto& e : card.timeline)
        table.rows.push_back({e.date, e.upcoming ? e.what + " (booked)" : e.what,
                              join_all({e.detail, e.note}, kDot)});
    doc.table(std::move(table));
}

void case_pages(PdfDocument& doc, const core::AgendaItem& item, bool show_names) {
    const core::CaseSummary& summary = item.summary;
    const core::PupilCardModel& card = summary.card;
    doc.page_break();
    doc.text(item.slot + "   " + pupil_text(item.booking, show_names), TextStyle::heading);
    PdfTable facts;
    facts.widths = {1, 3};
    facts.key_column = true;
    facts.rows.push_back({"School", card.school});
    facts.rows.push_back({"Pupil", card.facts});
    facts.rows.push_back({"Stage", card.stage});
    facts.rows.push_back({"Next step", join_all({card.next_step, card.next_when}, kDot)});
    facts.rows.push_back(
        {"Readiness",
         join_all({item.booking.word, item.booking.paperwork, marks_text(item.booking)}, kDot)});
    doc.table(std::move(facts));
    findings(doc, card);
    surgery_advice(doc, summary);
    past_recommendations(doc, summary);
    after_lift(doc, card);
    recorded(doc, summary);
    doc.write_in_space("Discussion and outcomes agreed (owner, review date)", 70);
    timeline(doc, card);
}

}  // namespace

PdfDocument meeting_pack_document(const core::LiftSession& session, bool show_names) {
    const core::SessionCover& c = session.cover;
    PdfDocument doc(
        "LIFT meeting pack " + c.district + " " + c.group_label + " " + core::to_iso(c.date),
        "LIFT meeting pack" + std::string(kDot) + c.district + " " + c.group_label + kDot +
            c.date_text + kDot + "Confidential: pupil information");
    cover(doc, session);
    agenda(doc, session, show_names);
    for (const auto& item : session.agenda) case_pages(doc, item, show_names);
    return doc;
}

}  // namespace report

// The LIFT meeting's papers as PDF documents, laid out from the LIFT session model
// (core/lift_session.hpp), the same model the session board draws: the meeting pack
// (cover, agenda in time slots, a case summary per booked pupil with space to write) and
// the outcome sheet a school files for one pupil (core/outcome_sheet.hpp). Pupils appear
// by initials and ref; full names only with `show_names`. Notes and owners, the papers'
// substance, are printed as recorded.
#pragma once

#include "core/lift_session.hpp"
#include "core/outcome_sheet.hpp"
#include "report/pdf_document.hpp"

namespace report {

PdfDocument meeting_pack_document(const core::LiftSession& session, bool show_names);
// `sheet` from core::build_outcome_sheets over `session`.
PdfDocument outcome_sheet_document(const core::OutcomeSheet& sheet,
                                   const core::LiftSession& session, bool show_names);

// "A.B.  P000123", or "Jo Bloggs  (A.B.  P000123)" with names shown.
std::string pupil_text(const core::MeetingBooking& booking, bool show_names);
// The non-empty ones of a and b, comma-separated.
std::string joined(const std::string& a, const std::string& b);

}  // namespace report

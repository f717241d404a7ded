// The LIFT meeting's papers as PDF documents, laid out from core view-models: the
// outcome sheet a school files for one pupil (core/outcome_sheet.hpp). Pupils appear by
// initials and ref; full names only with `show_names`.
#pragma once

#include "core/outcome_sheet.hpp"
#include "report/pdf_document.hpp"

namespace report {

PdfDocument outcome_sheet_document(const core::OutcomeSheet& sheet, bool show_names);

}  // namespace report

// The KPI report of `liftboard report`: the snapshot's trends figures per term and each
// teacher's load, as JSON, CSV (one row per term) or an XLSX workbook (sheets Terms,
// Teachers and Caseload). Field names are core::term_figure_specs()'s, so the report,
// the board and README name each figure alike.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/snapshot.hpp"

namespace report {

enum class ReportFormat { csv, json, xlsx };
std::optional<ReportFormat> parse_report_format(std::string_view text);

// {"today": "...", "terms": [{academic_year, term, start_date, end_date, <figures>}],
//  "teachers": [{staff_id, name, open_cases, overdue_visits}]}; a figure without a
// value is null.
void write_report_json(std::ostream& out, const core::Snapshot& snapshot);
// Header academic_year,term,start_date,end_date,<figures>; a figure without a value is
// an empty field.
void write_report_csv(std::ostream& out, const core::Snapshot& snapshot);

// The workbook at `file` (created 0600): Terms and Teachers as above, and Caseload, the
// caseload board's rows (initials and refs; full names only with `show_names`). Header
// rows frozen, dates as real dates. Throws std::runtime_error naming the file.
void write_report_xlsx(const std::filesystem::path& file, const core::Snapshot& snapshot,
                       bool show_names);

// A figure as the text reports print: a count as a whole number, a percentage or a
// median with one decimal; "" without a value.
std::string figure_text(const core::FigureSpec& spec, std::optional<double> value);

// Creates (or truncates) `file` readable by its owner only (0600, also when it existed
// with wider permissions) and writes `bytes`. Throws std::runtime_error naming the file.
void write_private_file(const std::filesystem::path& file, std::string_view bytes);
// Creates or truncates `file` as an empty 0600 file, for a writer that opens it itself.
void create_private_file(const std::filesystem::path& file);

}  // namespace report

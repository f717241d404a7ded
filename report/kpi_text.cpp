// The KPI report as JSON and CSV (see kpi_report.hpp). Escaping comes from core's
// check output, so both commands quote text the same way.
#include <cstdio>

#include "core/check_output.hpp"
#include "report/kpi_report.hpp"

namespace report {
namespace {

std::string term_name(const core::Term& term) {
    return std::string(core::to_string(term.term));
}

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view text) {
    if (text == "csv") return ReportFormat::csv;
    if (text == "json") return ReportFormat::json;
    if (text == "xlsx") return ReportFormat::xlsx;
    return std::nullopt;
}

std::string figure_text(const core::FigureSpec& spec, std::optional<double> value) {
    if (!value) return "";
    char buffer[32];
    if (spec.kind == core::FigureKind::count)
        std::snprintf(buffer, sizeof buffer, "%.0f", *value);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f", *value);
    return buffer;
}

void write_report_json(std::ostream& out, const core::Snapshot& snapshot) {
    using core::json_string;
    const auto& terms = snapshot.trends.terms;
    out << "{\n  \"today\": \"" << core::to_iso(snapshot.today) << "\",\n  \"terms\": [";
    for (size_t i = 0; i < terms.size(); ++i) {
        const core::TermFigures& t = terms[i];
        out << (i ? ",\n" : "\n") << "    {\"academic_year\": " << json_string(t.term.academic_year)
            << ", \"term\": \"" << term_name(t.term) << "\", \"start_date\": \""
            << core::to_iso(t.term.start) << "\", \"end_date\": \"" << core::to_iso(t.term.end)
            << "\"";
        for (const core::FigureSpec& spec : core::term_figure_specs()) {
            std::string value = figure_text(spec, spec.value(t));
            out << ", \"" << spec.name << "\": " << (value.empty() ? "null" : value);
        }
        out << "}";
    }
    out << (terms.empty() ? "],\n" : "\n  ],\n") << "  \"teachers\": [";
    const auto& loads = snapshot.teacher_loads;
    for (size_t i = 0; i < loads.size(); ++i) {
        out << (i ? ",\n" : "\n") << "    {\"staff_id\": " << json_string(loads[i].staff_id)
            << ", \"name\": " << json_string(loads[i].name)
            << ", \"open_cases\": " << loads[i].cases
            << ", \"overdue_visits\": " << loads[i].overdue_visits << "}";
    }
    out << (loads.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

void write_report_csv(std::ostream& out, const core::Snapshot& snapshot) {
    out << "academic_year,term,start_date,end_date";
    for (const core::FigureSpec& spec : core::term_figure_specs()) out << "," << spec.name;
    out << "\n";
    for (const core::TermFigures& t : snapshot.trends.terms) {
        out << core::csv_field(t.term.academic_year) << "," << term_name(t.term) << ","
            << core::to_iso(t.term.start) << "," << core::to_iso(t.term.end);
        for (const core::FigureSpec& spec : core::term_figure_specs())
            out << "," << figure_text(spec, spec.value(t));
        out << "\n";
    }
}

}  // namespace report

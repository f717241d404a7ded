// CSV and JSON for `liftboard check`. JSON is escaped by hand: core stays std-only and
// the output is one flat array of string fields.
#include "core/check_output.hpp"

#include <algorithm>
#include <cstdio>

namespace core {

std::vector<CheckRow> check_rows(const Dataset& data,
                                 const std::vector<PupilAssessment>& assessments,
                                 std::optional<size_t> only) {
    std::vector<size_t> pupils;
    if (only) {
        pupils.push_back(*only);
    } else {
        for (size_t i = 0; i < data.pupils.size(); ++i) pupils.push_back(i);
        std::sort(pupils.begin(), pupils.end(), [&](size_t a, size_t b) {
            return data.pupils[a].pupil_ref < data.pupils[b].pupil_ref;
        });
    }
    std::vector<CheckRow> rows;
    for (size_t i : pupils) {
        if (i >= assessments.size() || i >= data.pupils.size()) continue;
        for (const Finding& f : assessments[i].findings)
            rows.push_back(CheckRow{data.pupils[i].pupil_ref, &f});
    }
    return rows;
}

std::optional<CheckFormat> parse_check_format(std::string_view text) {
    if (text == "csv") return CheckFormat::csv;
    if (text == "json") return CheckFormat::json;
    return std::nullopt;
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

void write_check_output(std::ostream& out, std::span<const CheckRow> rows, CheckFormat format) {
    if (format == CheckFormat::csv) {
        out << "pupil_ref,rule,status,due_date,reason\n";
        for (const CheckRow& r : rows) {
            const Finding& f = *r.finding;
            out << csv_field(r.pupil_ref) << ',' << to_string(f.rule) << ',' << to_string(f.status)
                << ',' << (f.due ? to_iso(*f.due) : "") << ',' << csv_field(f.reason) << '\n';
        }
        return;
    }
    // JSON: due_date is null where none applies (the CSV leaves it empty).
    if (rows.empty()) {
        out << "[]\n";
        return;
    }
    out << "[\n";
    for (size_t i = 0; i < rows.size(); ++i) {
        const Finding& f = *rows[i].finding;
        out << "  {\"pupil_ref\": " << json_string(rows[i].pupil_ref) << ", \"rule\": \""
            << to_string(f.rule) << "\", \"status\": \"" << to_string(f.status)
            << "\", \"due_date\": " << (f.due ? "\"" + to_iso(*f.due) + "\"" : "null")
            << ", \"reason\": " << json_string(f.reason) << "}" << (i + 1 < rows.size() ? "," : "")
            << "\n";
    }
    out << "]\n";
}

}  // namespace core

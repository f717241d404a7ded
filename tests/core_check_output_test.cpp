// The `check` output formats: CSV header and quoting, JSON escaping and null due dates,
// and rows ordered by pupil_ref with one pupil selectable.
#include <catch2/catch.hpp>
#include <sstream>

#include "core/check_output.hpp"
#include "support/rules_fixture.hpp"

using test_support::day;

namespace {

struct Output {
    core::Dataset data;
    std::vector<core::PupilAssessment> assessments;

    Output() {
        data.pupils.push_back({"P00002", "900001", "CD", "", "", 3, core::NeedArea::cl});
        data.pupils.push_back({"P00001", "900001", "AB", "", "", 3, core::NeedArea::cl});
        data.index();
        core::PupilAssessment second, first;
        second.findings.push_back({core::RuleId::qfla_review, core::Status::overdue,
                                   day("2025-03-31"), "QFLA on 3 Mar 2025 needed a review"});
        first.findings.push_back({core::RuleId::paperwork_deadline, core::Status::warning,
                                  std::nullopt, "arrived on 7 Mar 2025, after \"the\" deadline"});
        assessments = {second, first};
    }
    std::string write(core::CheckFormat format, std::optional<size_t> only = std::nullopt) {
        auto rows = core::check_rows(data, assessments, only);
        std::ostringstream out;
        core::write_check_output(out, rows, format);
        return out.str();
    }
};

}  // namespace

TEST_CASE("check CSV: header, rows by pupil_ref, empty due date, quoted reasons") {
    Output o;
    CHECK(
        o.write(core::CheckFormat::csv) ==
        "pupil_ref,rule,status,due_date,reason\n"
        "P00001,paperwork-deadline,warning,,\"arrived on 7 Mar 2025, after \"\"the\"\" deadline\"\n"
        "P00002,qfla-review,overdue,2025-03-31,QFLA on 3 Mar 2025 needed a review\n");
}

TEST_CASE("check JSON: same keys, null due date, escaped strings") {
    Output o;
    CHECK(
        o.write(core::CheckFormat::json) ==
        "[\n"
        "  {\"pupil_ref\": \"P00001\", \"rule\": \"paperwork-deadline\", \"status\": \"warning\", "
        "\"due_date\": null, \"reason\": \"arrived on 7 Mar 2025, after \\\"the\\\" deadline\"},\n"
        "  {\"pupil_ref\": \"P00002\", \"rule\": \"qfla-review\", \"status\": \"overdue\", "
        "\"due_date\": \"2025-03-31\", \"reason\": \"QFLA on 3 Mar 2025 needed a review\"}\n"
        "]\n");
}

TEST_CASE("check output for one pupil, and for nothing found") {
    Output o;
    auto only = o.write(core::CheckFormat::csv, 0);  // pupils[0] is P00002
    CHECK(only ==
          "pupil_ref,rule,status,due_date,reason\n"
          "P00002,qfla-review,overdue,2025-03-31,QFLA on 3 Mar 2025 needed a review\n");
    o.assessments = {core::PupilAssessment{}, core::PupilAssessment{}};
    CHECK(o.write(core::CheckFormat::csv) == "pupil_ref,rule,status,due_date,reason\n");
    CHECK(o.write(core::CheckFormat::json) == "[]\n");
}

TEST_CASE("csv_field and json_string escape what they must and nothing else") {
    CHECK(core::csv_field("plain") == "plain");
    CHECK(core::csv_field("a,b") == "\"a,b\"");
    CHECK(core::csv_field("line\nbreak") == "\"line\nbreak\"");
    CHECK(core::json_string("tab\there\\") == "\"tab\\there\\\\\"");
    CHECK(core::json_string(std::string("\x01", 1)) == "\"\\u0001\"");
    CHECK(core::json_string("Zoë") == "\"Zoë\"");
    CHECK(core::parse_check_format("json") == core::CheckFormat::json);
    CHECK_FALSE(core::parse_check_format("xml"));
}

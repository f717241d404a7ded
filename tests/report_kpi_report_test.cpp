// `liftboard report` end to end on the demo district, in all three formats: CSV and
// JSON agree with the snapshot's figures, and the XLSX workbook is opened again
// (`unzip -p` and its sheet XML) to read back its sheets, frozen header rows, real dates
// and values. Report files are 0600; the caseload sheet names pupils only when asked.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "core/snapshot.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "report/kpi_report.hpp"
#include "support/temp_dir.hpp"

using test_support::run_command;
using test_support::TempDir;

namespace {

const std::string binary = LIFTBOARD_BINARY;
const char* kToday = "2025-11-20";

struct Demo {
    TempDir dir;
    std::filesystem::path db = dir / "demo.db";
    std::shared_ptr<const core::Snapshot> snapshot;
    Demo() {
        auto made = run_command(binary + " demo-data --out '" + db.string() +
                                "' --pupils 300 --seed 1 --today " + kToday);
        INFO(made.output);
        REQUIRE(made.status == 0);
        db::Store store(db, db::Store::Access::read_only);
        core::SnapshotOptions options;
        options.today = *core::parse_date(kToday);
        snapshot = db::snapshot_from_store(store, options, 1);
    }
    test_support::CommandResult report(const std::string& args) const {
        return run_command(binary + " report --db '" + db.string() + "' --today " + kToday + " " +
                           args);
    }
};

Demo& demo() {
    static Demo d;
    return d;
}

unsigned mode_of(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(text.substr(start, nl - start));
    return out;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == ',')
            out.emplace_back();
        else
            out.back().push_back(c);
    }
    return out;
}

// One part of the XLSX (a zip) as text.
std::string xlsx_part(const std::filesystem::path& file, const std::string& part) {
    auto result = run_command("unzip -p '" + file.string() + "' " + part);
    REQUIRE(result.status == 0);
    return result.output;
}

// A worksheet read back: cell reference ("E2") to its text (shared strings resolved)
// or its number as written, and each cell's style index.
struct Sheet {
    std::map<std::string, std::string> value, style;
    std::string xml;
};

Sheet read_sheet(const std::filesystem::path& file, int index) {
    std::vector<std::string> strings;
    const std::string shared = xlsx_part(file, "xl/sharedStrings.xml");
    const std::regex si("<si><t[^>]*>([^<]*)</t></si>");
    for (auto it = std::sregex_iterator(shared.begin(), shared.end(), si);
         it != std::sregex_iterator(); ++it)
        strings.push_back((*it)[1]);
    Sheet sheet;
    sheet.xml = xlsx_part(file, "xl/worksheets/sheet" + std::to_string(index) + ".xml");
    const std::regex cell(
        "<c r=\"([A-Z]+[0-9]+)\"( s=\"([0-9]+)\")?( t=\"(s)\")?><v>([^<]*)</v></c>");
    for (auto it = std::sregex_iterator(sheet.xml.begin(), sheet.xml.end(), cell);
         it != std::sregex_iterator(); ++it) {
        const std::string ref = (*it)[1], v = (*it)[6];
        sheet.style[ref] = (*it)[3];
        sheet.value[ref] = (*it)[5] == "s" ? strings.at(std::stoul(v)) : v;
    }
    return sheet;
}

}  // namespace

TEST_CASE("report csv: one row per term, the figures' names as columns") {
    auto result = demo().report("--format csv");
    REQUIRE(result.status == 0);
    auto rows = lines(result.output);
    REQUIRE(rows.size() == 7);  // header and six terms
    auto header = fields(rows[0]);
    CHECK(header[0] == "academic_year");
    CHECK(header[4] == "lift_bookings");
    CHECK(header.size() == 4 + core::term_figure_specs().size());
    const auto& now = demo().snapshot->trends.terms.back();
    auto last = fields(rows[6]);
    CHECK(last[0] == now.term.academic_year);
    CHECK(last[1] == "autumn");
    CHECK(last[2] == core::to_iso(now.term.start));
    CHECK(last[4] == std::to_string(now.lift_bookings));
    CHECK(last[12] == std::to_string(now.schools_reached));
    CHECK(last[13] ==
          report::figure_text(core::term_figure_specs()[9], now.paperwork_on_time.pct()));
    CHECK(fields(rows[1])[13].empty());  // no bookings in the oldest term: no percentage
}

TEST_CASE("report json: today, terms with every figure, and teachers") {
    auto result = demo().report("--format json");
    REQUIRE(result.status == 0);
    const std::string& json = result.output;
    CHECK(json.find("\"today\": \"2025-11-20\"") != std::string::npos);
    for (const auto& spec : core::term_figure_specs())
        CHECK(json.find("\"" + std::string(spec.name) + "\": ") != std::string::npos);
    CHECK(json.find("\"paperwork_on_time_pct\": null") != std::string::npos);
    const auto& t = demo().snapshot->teacher_loads.front();
    CHECK(json.find("{\"staff_id\": \"" + t.staff_id + "\", \"name\": \"" + t.name +
                    "\", \"open_cases\": " + std::to_string(t.cases) + ", \"overdue_visits\": " +
                    std::to_string(t.overdue_visits) + "}") != std::string::npos);
}

TEST_CASE("report files are created readable by their owner only") {
    TempDir dir;
    const auto out = dir / "kpi.json";
    test_support::write_file(out, "old");
    std::filesystem::permissions(out, std::filesystem::perms::all);  // 0777 before
    REQUIRE(demo().report("--format json --out '" + out.string() + "'").status == 0);
    CHECK(mode_of(out) == 0600);
    CHECK(test_support::read_file(out).find("\"terms\"") != std::string::npos);
    const auto csv = dir / "kpi.csv";
    REQUIRE(demo().report("--format csv --out '" + csv.string() + "'").status == 0);
    CHECK(mode_of(csv) == 0600);
}

TEST_CASE("report xlsx: Terms, Teachers and Caseload read back, frozen headers, real dates") {
    TempDir dir;
    const auto out = dir / "kpi.xlsx";
    auto result = demo().report("--format xlsx --out '" + out.string() + "'");
    INFO(result.output);
    REQUIRE(result.status == 0);
    CHECK(mode_of(out) == 0600);

    const std::string workbook = xlsx_part(out, "xl/workbook.xml");
    CHECK(workbook.find("<sheet name=\"Terms\" sheetId=\"1\"") != std::string::npos);
    CHECK(workbook.find("<sheet name=\"Teachers\" sheetId=\"2\"") != std::string::npos);
    CHECK(workbook.find("<sheet name=\"Caseload\" sheetId=\"3\"") != std::string::npos);

    const core::Snapshot& s = *demo().snapshot;
    Sheet terms = read_sheet(out, 1);
    CHECK(terms.xml.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                         "state=\"frozen\"/>") != std::string::npos);
    CHECK(terms.value["A1"] == "academic_year");
    CHECK(terms.value["E1"] == "lift_bookings");
    CHECK(terms.value["A7"] == s.trends.terms.back().term.academic_year);
    CHECK(terms.value["E7"] == std::to_string(s.trends.terms.back().lift_bookings));
    // A real date: the spreadsheet serial number (days since 1899-12-30) with a date style.
    const core::Date start = s.trends.terms.back().term.start;
    CHECK(terms.value["C7"] == std::to_string(start.days + 25569));
    CHECK_FALSE(terms.style["C7"].empty());
    CHECK(terms.value.count("N2") == 0);  // no value: an empty cell

    Sheet teachers = read_sheet(out, 2);
    CHECK(teachers.value["A1"] == "staff_id");
    CHECK(teachers.value["B2"] == s.teacher_loads.front().name);
    CHECK(teachers.value["C2"] == std::to_string(s.teacher_loads.front().cases));
    CHECK(teachers.xml.find("state=\"frozen\"") != std::string::npos);

    Sheet caseload = read_sheet(out, 3);
    CHECK(caseload.value["B1"] == "pupil");
    CHECK(caseload.value["B2"] == s.caseload.front().pupil_label);
    CHECK(caseload.value.count("J1") == 0);  // no name column without --show-names
    const auto& first = s.data->pupils[s.caseload.front().pupil];
    CHECK(caseload.xml.find(std::string(first.last_name)) == std::string::npos);
    const std::string shared = xlsx_part(out, "xl/sharedStrings.xml");
    for (const auto& row : s.caseload) {
        const auto p = s.data->pupils[row.pupil];
        if (p.first_name.empty() || p.last_name.empty()) continue;
        CHECK(shared.find(std::string(p.first_name) + " " + std::string(p.last_name)) ==
              std::string::npos);
    }

    const auto named = dir / "named.xlsx";
    REQUIRE(demo().report("--format xlsx --show-names --out '" + named.string() + "'").status == 0);
    Sheet with_names = read_sheet(named, 3);
    CHECK(with_names.value["J1"] == "name");
    CHECK(with_names.value["J2"] == core::full_name(first));
}

TEST_CASE("report: clear errors for a bad format, xlsx without --out, a missing database") {
    auto format = demo().report("--format pdf");
    CHECK(format.status == 2);
    CHECK(format.output.find("--format: expected csv, json or xlsx") != std::string::npos);
    auto no_out = demo().report("--format xlsx");
    CHECK(no_out.status == 2);
    CHECK(no_out.output.find("--format xlsx needs --out FILE") != std::string::npos);
    auto missing = run_command(binary + " report --db /nonexistent/x.db");
    CHECK(missing.status == 2);
    CHECK(missing.output.find("/nonexistent/x.db") != std::string::npos);
}

// `liftboard report --db FILE [--today D] [--format csv|json|xlsx] [--out FILE]
// [--show-names]`: the KPI report (report/kpi_report.hpp) of the snapshot the board would
// show on that day. CSV and JSON go to stdout without --out; XLSX needs --out. Output
// files are created 0600: they hold pupil initials and refs. Exit 0 when written; 2 with
// one line on stderr for a missing or unreadable database or a bad argument.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli.hpp"
#include "core/snapshot.hpp"
#include "db/store.hpp"
#include "report/kpi_report.hpp"

namespace app {
namespace {

constexpr int kUsageError = 2;

struct ReportOptions {
    std::string db, today, out;
    std::string format = "csv";
    bool show_names = false;
    core::RulesConfig rules;
};

int fail(const std::string& message) {
    std::cerr << "liftboard report: " << message << "\n";
    return kUsageError;
}

int run_report(const ReportOptions& options) {
    core::SnapshotOptions snapshot_options;
    snapshot_options.today = core::today_local();
    snapshot_options.rules = options.rules;
    if (!options.today.empty()) {
        auto parsed = core::parse_date(options.today);
        if (!parsed) return fail("--today: not a date (expected YYYY-MM-DD): " + options.today);
        snapshot_options.today = *parsed;
    }
    auto format = report::parse_report_format(options.format);
    if (!format) return fail("--format: expected csv, json or xlsx, not " + options.format);
    if (*format == report::ReportFormat::xlsx && options.out.empty())
        return fail("--format xlsx needs --out FILE");

    auto data = std::make_shared<core::Dataset>();
    try {
        db::Store store(options.db, db::Store::Access::read_only);
        *data = store.load_dataset();
    } catch (const std::exception& e) {
        return fail(e.what());  // names the file: "x.db: no such database"
    }
    auto snapshot = core::build_snapshot(data, snapshot_options);

    try {
        if (*format == report::ReportFormat::xlsx) {
            report::write_report_xlsx(options.out, *snapshot, options.show_names);
            return 0;
        }
        std::ostringstream text;
        if (*format == report::ReportFormat::json)
            report::write_report_json(text, *snapshot);
        else
            report::write_report_csv(text, *snapshot);
        if (!options.out.empty()) {
            report::write_private_file(options.out, text.str());
            return 0;
        }
        std::cout << text.str();
        std::cout.flush();
        return std::cout ? 0 : fail("cannot write the output");
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}

}  // namespace

void add_report_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* sub = cli.add_subcommand(
        "report", "Write the KPI report: figures per term and each teacher's load");
    sub->add_option("--db", options->db, "Database file (opened read-only)")->required();
    sub->add_option("--today", options->today, "Date to report on, YYYY-MM-DD (default: today)");
    sub->add_option("--format", options->format, "Output format: csv, json or xlsx")
        ->capture_default_str();
    sub->add_option("--out", options->out, "Output file, created 0600 (default: stdout)");
    sub->add_flag("--show-names", options->show_names,
                  "XLSX: add pupils' full names to the Caseload sheet (office use only)");
    sub->add_option("--visit-interval-weeks", options->rules.visit_interval_weeks,
                    "caselist-visit: weeks allowed between STLS visits")
        ->capture_default_str()
        ->check(CLI::Range(1, 520));
    sub->callback([options, &exit_code] { exit_code = run_report(*options); });
}

}  // namespace app

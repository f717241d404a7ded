// `liftboard check --db FILE [--today YYYY-MM-DD] [--format csv|json] [--pupil REF]`:
// runs the pathway rules (shared/domain/RULES.md) over a database and prints every
// finding that is not ok. Exit 0 whenever it ran, whatever it found; 2 with one line on
// stderr for a missing or unreadable database, an unknown pupil or a bad argument.
// The database is opened read-only: checking never creates or migrates a file.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "core/check_output.hpp"
#include "core/rules.hpp"
#include "db/store.hpp"

namespace app {
namespace {

constexpr int kUsageError = 2;

struct CheckOptions {
    std::string db;
    std::string today;
    std::string format = "csv";
    std::string pupil;
    core::RulesConfig rules;
};

int fail(const std::string& message) {
    std::cerr << "liftboard check: " << message << "\n";
    return kUsageError;
}

int run_check(const CheckOptions& options) {
    core::Date today = core::today_local();
    if (!options.today.empty()) {
        auto parsed = core::parse_date(options.today);
        if (!parsed) return fail("--today: not a date (expected YYYY-MM-DD): " + options.today);
        today = *parsed;
    }
    auto format = core::parse_check_format(options.format);
    if (!format) return fail("--format: expected csv or json, not " + options.format);

    core::Dataset data;
    try {
        db::Store store(options.db, db::Store::Access::read_only);
        data = store.load_dataset();
    } catch (const std::exception& e) {
        return fail(e.what());  // names the file: "x.db: no such database"
    }

    core::RulesEngine engine(data, options.rules);
    std::vector<core::PupilAssessment> assessments;
    std::optional<size_t> only;
    if (!options.pupil.empty()) {
        int index = data.pupil_index(options.pupil);
        if (index < 0) return fail(options.db + ": no pupil " + options.pupil);
        only = static_cast<size_t>(index);
        // Only the one pupil is assessed; the rows builder reads it by index.
        assessments.resize(data.pupils.size());
        assessments[*only] = engine.assess(*only, today);
    } else {
        assessments = engine.assess_all(today);
    }
    auto rows = core::check_rows(data, assessments, only);
    core::write_check_output(std::cout, rows, *format);
    std::cout.flush();
    return std::cout ? 0 : fail("cannot write the output");
}

}  // namespace

void add_check_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* sub = cli.add_subcommand(
        "check", "Check every pupil against the pathway rules and print what is not ok");
    sub->add_option("--db", options->db, "Database file (opened read-only)")->required();
    sub->add_option("--today", options->today, "Date to check on, YYYY-MM-DD (default: today)");
    sub->add_option("--format", options->format, "Output format: csv or json")
        ->capture_default_str();
    sub->add_option("--pupil", options->pupil, "Only this pupil's findings (pupil_ref)");
    sub->add_option("--visit-interval-weeks", options->rules.visit_interval_weeks,
                    "caselist-visit: weeks allowed between STLS visits")
        ->capture_default_str()
        ->check(CLI::Range(1, 520));
    sub->add_option("--referral-cap", options->rules.referral_cap,
                    "referral-cap: LIFT bookings a school may have at one meeting")
        ->capture_default_str()
        ->check(CLI::Range(0, 1000));
    sub->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace app

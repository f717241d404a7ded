// `liftboard outcome-sheets --db FILE --meeting YYYY-MM-DD --out DIR [--district NAME]
// [--group G] [--today D] [--show-names]`: one PDF per pupil discussed at the LIFT
// meeting(s) of that date (core/outcome_sheet.hpp), named from the pupil's ref and the
// date, each created 0600 in DIR (made 0700 when it does not exist). Exit 0 when written
// (a meeting where nobody was discussed writes none and says so); 2 with one line on
// stderr for a bad date, a meeting the schedule does not have, or an unreadable database.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "app/commands/meeting_papers.hpp"
#include "core/outcome_sheet.hpp"
#include "core/rules.hpp"
#include "db/store.hpp"
#include "report/lift_documents.hpp"

namespace app {
namespace {

constexpr int kUsageError = 2;

struct OutcomeSheetsOptions {
    std::string db, meeting, out, district, group, today;
    bool show_names = false;
    core::RulesConfig rules;
};

int fail(const std::string& message) {
    std::cerr << "liftboard outcome-sheets: " << message << "\n";
    return kUsageError;
}

// The output folder, made readable by its owner only when this creates it.
std::string make_folder(const std::filesystem::path& dir) {
    if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec)) return "";
        return dir.string() + ": not a directory";
    }
    return dir.string() + ": cannot create: " + std::strerror(errno);
}

int run_outcome_sheets(const OutcomeSheetsOptions& options) {
    auto date = core::parse_date(options.meeting);
    if (!date) return fail("--meeting: not a date (expected YYYY-MM-DD): " + options.meeting);
    core::Date today = core::today_local();
    if (!options.today.empty()) {
        auto parsed = core::parse_date(options.today);
        if (!parsed) return fail("--today: not a date (expected YYYY-MM-DD): " + options.today);
        today = *parsed;
    }
    core::Dataset data;
    try {
        db::Store store(options.db, db::Store::Access::read_only);
        data = store.load_dataset();
    } catch (const std::exception& e) {
        return fail(e.what());  // names the file
    }
    const MeetingQuery query{*date, options.district, options.group};
    const auto meetings = find_lift_meetings(data, query);
    if (meetings.empty()) return fail(no_meeting_message(query));

    core::RulesEngine engine(data, options.rules);
    std::vector<core::OutcomeSheet> sheets;
    for (const core::LiftMeeting* meeting : meetings)
        for (auto& sheet : core::build_outcome_sheets(data, engine, *meeting, today))
            sheets.push_back(std::move(sheet));
    if (sheets.empty()) {
        std::cout << "No pupils were discussed at the LIFT meeting of " << core::to_iso(*date)
                  << ": no outcome sheets written\n";
        return 0;
    }
    if (auto problem = make_folder(options.out); !problem.empty()) return fail(problem);
    try {
        for (const auto& sheet : sheets) {
            const auto file = std::filesystem::path(options.out) / sheet.file_name;
            report::write_pdf(file, report::outcome_sheet_document(sheet, options.show_names));
            std::cout << file.string() << "\n";
        }
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return 0;
}

}  // namespace

void add_outcome_sheets_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<OutcomeSheetsOptions>();
    CLI::App* sub = cli.add_subcommand(
        "outcome-sheets", "Write a LIFT outcome sheet (PDF) for each pupil discussed at a meeting");
    sub->add_option("--db", options->db, "Database file (opened read-only)")->required();
    sub->add_option("--meeting", options->meeting, "The meeting's date, YYYY-MM-DD")->required();
    sub->add_option("--out", options->out, "Folder for the PDFs (created 0700 if missing)")
        ->required();
    sub->add_option("--district", options->district,
                    "Only the meeting of this district (default: every meeting that day)");
    sub->add_option("--group", options->group, "Only the meeting of this LIFT group");
    sub->add_option("--today", options->today,
                    "Date the next step is worked out for, YYYY-MM-DD (default: today)");
    sub->add_flag("--show-names", options->show_names,
                  "Print pupils' full names (office use only; default: initials and ref)");
    sub->callback([options, &exit_code] { exit_code = run_outcome_sheets(*options); });
}

}  // namespace app

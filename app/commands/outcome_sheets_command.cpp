// `liftboard outcome-sheets --db FILE --meeting YYYY-MM-DD --out DIR [--district NAME]
// [--group G] [--show-names] ...`: one PDF per pupil discussed at the LIFT meeting
// (core/outcome_sheet.hpp over the session model), named from the pupil's ref and the
// date, each created 0600 in DIR (made 0700 when it does not exist). The next step is
// read as of the day after the meeting at the earliest. Exit 0 when written (a meeting
// where nobody was discussed writes none and says so); 2 with one line on stderr for a
// bad date, a meeting the schedule does not have, or an unreadable database.
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
#include "report/lift_documents.hpp"

namespace app {
namespace {

constexpr int kUsageError = 2;

struct OutcomeSheetsOptions {
    PaperOptions paper;
    std::string out;
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
    LoadedSession loaded;
    if (auto error = load_session(options.paper, loaded, core::outcome_sheet_day); !error.empty())
        return fail(error);
    const auto sheets = core::build_outcome_sheets(*loaded.data, loaded.session);
    const auto& cover = loaded.session.cover;
    if (sheets.empty()) {
        std::cout << "No pupils were discussed at LIFT " << cover.district << " "
                  << cover.group_label << " on " << cover.date_text
                  << ": no outcome sheets written\n";
        return 0;
    }
    if (auto problem = make_folder(options.out); !problem.empty()) return fail(problem);
    try {
        for (const auto& sheet : sheets) {
            const auto file = std::filesystem::path(options.out) / sheet.file_name;
            report::write_pdf(file, report::outcome_sheet_document(sheet, loaded.session,
                                                                   options.paper.show_names));
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
    add_paper_options(*sub, options->paper);
    sub->add_option("--out", options->out, "Folder for the PDFs (created 0700 if missing)")
        ->required();
    sub->callback([options, &exit_code] { exit_code = run_outcome_sheets(*options); });
}

}  // namespace app

// `liftboard pack --db FILE --meeting YYYY-MM-DD [--district NAME] [--group G]
// [--out FILE.pdf] [--show-names] ...`: the LIFT meeting pack (report/lift_documents.hpp)
// of the session model the session board shows, as one PDF created 0600 (default
// lift-pack-YYYY-MM-DD.pdf in the current folder). A meeting nobody is booked for gives
// a pack that says so. Exit 0 when written, with "FILE: N pages, M pupils" on stdout; 2
// with one line on stderr for a bad date, a meeting the schedule does not have, or an
// unreadable database.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "app/commands/meeting_papers.hpp"
#include "report/lift_documents.hpp"

namespace app {
namespace {

constexpr int kUsageError = 2;

struct PackOptions {
    PaperOptions paper;
    std::string out;
};

int fail(const std::string& message) {
    std::cerr << "liftboard pack: " << message << "\n";
    return kUsageError;
}

int run_pack(const PackOptions& options) {
    LoadedSession loaded;
    if (auto error = load_session(options.paper, loaded); !error.empty()) return fail(error);
    const std::string out = options.out.empty()
                                ? "lift-pack-" + core::to_iso(loaded.session.cover.date) + ".pdf"
                                : options.out;
    try {
        const int pages = report::write_pdf(
            out, report::meeting_pack_document(loaded.session, options.paper.show_names));
        const size_t pupils = loaded.session.agenda.size();
        std::cout << out << ": " << pages << (pages == 1 ? " page, " : " pages, ") << pupils
                  << (pupils == 1 ? " pupil\n" : " pupils\n");
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return 0;
}

}  // namespace

void add_pack_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<PackOptions>();
    CLI::App* sub =
        cli.add_subcommand("pack", "Write the LIFT meeting pack (PDF): cover, agenda, case pages");
    add_paper_options(*sub, options->paper);
    sub->add_option("--out", options->out,
                    "Output PDF, created 0600 (default: lift-pack-YYYY-MM-DD.pdf)");
    sub->callback([options, &exit_code] { exit_code = run_pack(*options); });
}

}  // namespace app

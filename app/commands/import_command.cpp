// `liftboard import --db FILE PATH...`: imports inbox files (a directory stands for the
// files in it) in dependency order, one summary line per file on stdout and every
// problem of a refused file on stderr. Exits 1 when any file was refused or failed.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "db/import/importer.hpp"
#include "db/store.hpp"

namespace app {
namespace {

struct ImportOptions {
    std::string db;
    std::vector<std::string> paths;
};


int run_import(const ImportOptions& options) {
    std::unique_ptr<db::Store> store;
    try {
        store = std::make_unique<db::Store>(options.db);
    } catch (const std::exception& e) {
        std::cerr << "liftboard import: " << e.what() << "\n";
        return 1;
    }
    bool all_applied = true;
    for (const db::ImportReport& report : db::import_files(*store, db::expand_paths(options.paths))) {
        std::cout << report.summary() << std::endl;
        if (report.outcome == db::ImportOutcome::refused ||
            report.outcome == db::ImportOutcome::failed) {
            all_applied = false;
            std::cerr << report.error_text() << std::flush;
        }
    }
    return all_applied ? 0 : 1;
}

}  // namespace

void add_import_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* sub = cli.add_subcommand(
        "import", "Import inbox files (CSV/JSON, see formats/INBOX.md) into a database");
    sub->add_option("--db", options->db, "Database file (created if missing)")->required();
    sub->add_option("paths", options->paths, "Inbox files, or folders of them")->required();
    sub->callback([options, &exit_code] { exit_code = run_import(*options); });
}

}  // namespace app

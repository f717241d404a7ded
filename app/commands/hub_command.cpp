// `liftboard hub init [--pg URI]` creates or migrates a PostgreSQL hub's schema;
// `liftboard hub import [--pg URI] PATH...` loads inbox files into the hub with the
// local importer's validation and all-or-nothing rule, one summary line per file
// (problems on stderr; exit 1 when any file was refused or failed). The connection
// string comes from --pg or LIFTBOARD_HUB and is never printed with its password.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <pqxx/connection>

#include "app/cli.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_importer.hpp"
#include "db/hub/hub_schema.hpp"

namespace app {
namespace {

struct HubOptions {
    std::string pg;
    std::vector<std::string> paths;
};

std::unique_ptr<pqxx::connection> connect(const std::string& given, const char* command) {
    if (std::string warning = db::hub::command_line_password_warning("--pg", given);
        !warning.empty())
        std::cerr << "liftboard hub " << command << ": " << warning << "\n";
    std::string connection_string = db::hub::hub_connection_string(given);
    if (connection_string.empty()) {
        std::cerr << "liftboard hub " << command
                  << ": no hub: give --pg URI or set LIFTBOARD_HUB\n";
        return nullptr;
    }
    try {
        return db::hub::connect_hub(connection_string);
    } catch (const std::exception& e) {
        std::cerr << "liftboard hub " << command << ": " << e.what() << "\n";  // redacted
        return nullptr;
    }
}

int run_init(const HubOptions& options) {
    auto connection = connect(options.pg, "init");
    if (!connection) return 2;
    try {
        int before = db::hub::migrate_hub(*connection);
        int now = db::hub::hub_latest_schema_version();
        std::cout << "hub schema version " << now
                  << (before == now ? " (already current)"
                      : before == 0 ? " (created)"
                                    : " (migrated from " + std::to_string(before) + ")")
                  << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "liftboard hub init: " << e.what() << "\n";
        return 2;
    }
}

int run_import(const HubOptions& options) {
    auto connection = connect(options.pg, "import");
    if (!connection) return 2;
    try {
        int version = db::hub::hub_schema_version(*connection);
        if (version != db::hub::hub_latest_schema_version()) {
            std::cerr << "liftboard hub import: hub schema version " << version << ", expected "
                      << db::hub::hub_latest_schema_version() << " (run `liftboard hub init`)\n";
            return 2;
        }
    } catch (const std::exception& e) {
        std::cerr << "liftboard hub import: " << e.what() << "\n";
        return 2;
    }
    bool all_applied = true;
    for (const db::ImportReport& report :
         db::hub::import_files_to_hub(*connection, db::expand_paths(options.paths))) {
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

void add_hub_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<HubOptions>();
    CLI::App* hub = cli.add_subcommand("hub", "Manage a PostgreSQL hub shared by many boards");
    hub->require_subcommand(1);

    CLI::App* init = hub->add_subcommand("init", "Create or migrate the hub's schema");
    init->add_option("--pg", options->pg, "Hub connection string (default: $LIFTBOARD_HUB)");
    init->callback([options, &exit_code] { exit_code = run_init(*options); });

    CLI::App* import =
        hub->add_subcommand("import", "Import inbox files (formats/INBOX.md) into the hub");
    import->add_option("--pg", options->pg, "Hub connection string (default: $LIFTBOARD_HUB)");
    import->add_option("paths", options->paths, "Inbox files, or folders of them")->required();
    import->callback([options, &exit_code] { exit_code = run_import(*options);
});
}  // namespace app

}  // namespace app

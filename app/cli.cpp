#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "app/dashboard.hpp"

namespace app {

int run_cli(int argc, char** argv) {
    CLI::App cli{"LIFT Board: caseload and meeting boards for an STLS office"};
    cli.require_subcommand(0, 1);
    cli.set_version_flag("--version", LIFTBOARD_VERSION);
    int exit_code = 0;

    DashboardOptions dashboard;
    add_dashboard_options(cli, dashboard);
    add_demo_data_command(cli, exit_code);
    add_import_command(cli, exit_code);
    add_sync_command(cli, exit_code);
    add_check_command(cli, exit_code);
    add_report_command(cli, exit_code);
    add_hub_command(cli, exit_code);
    add_ctl_command(cli, exit_code);
    add_doctor_command(cli, exit_code);
    add_backup_command(cli, exit_code);
    add_pack_command(cli, exit_code);
    add_outcome_sheets_command(cli, exit_code);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    if (cli.get_subcommands().empty()) return run_dashboard(dashboard);
    return exit_code;
}

}  // namespace app

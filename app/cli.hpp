// The command line: the dashboard (no subcommand) and one subcommand per tool.
#pragma once

namespace CLI {
class App;
}

namespace app {

int run_cli(int argc, char** argv);

// Each subcommand lives in its own file under app/commands/ and registers itself here.
// `exit_code` receives the code main returns when the subcommand ran.
void add_demo_data_command(CLI::App& cli, int& exit_code);
void add_import_command(CLI::App& cli, int& exit_code);
void add_sync_command(CLI::App& cli, int& exit_code);
void add_check_command(CLI::App& cli, int& exit_code);
void add_hub_command(CLI::App& cli, int& exit_code);
void add_ctl_command(CLI::App& cli, int& exit_code);
void add_report_command(CLI::App& cli, int& exit_code);
void add_doctor_command(CLI::App& cli, int& exit_code);
void add_backup_command(CLI::App& cli, int& exit_code);
void add_pack_command(CLI::App& cli, int& exit_code);
void add_outcome_sheets_command(CLI::App& cli, int& exit_code);

}  // namespace app

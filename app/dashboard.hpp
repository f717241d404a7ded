// The dashboard: what `liftboard` runs with no subcommand. Reads the config file,
// lets command-line flags override it, starts the writer thread (which imports the
// inbox and publishes snapshots), opens the window and draws the boards until closed,
// or renders one frame to a PNG with --screenshot.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace app {

// Command-line values; empty / false means "not given", so the config file decides.
struct DashboardOptions {
    std::string db;                  // --db FILE
    std::string board;               // --board meetings|caseload|triage|lookup
    std::string screenshot;          // --screenshot out.png: render headless, write, exit
    std::string size = "1920x1080";  // --size WxH
    bool kiosk = false;              // --kiosk
    int page = 1;                    // --page N: with --kiosk --screenshot, the board's page N
    std::string inbox;               // --inbox DIR
    std::string config;              // --config FILE
    std::string today;               // --today YYYY-MM-DD (pins the date, for tests and demos)
    bool show_names = false;         // --show-names: privacy off (office screens, never the wall)
    std::string exit_after;          // --exit-after first-frame|data-frame (benchmarks)
    std::string control;             // --control PATH: the control socket (liftboard ctl)
    std::string pupil;               // --pupil REF: the lookup board opens this pupil's card
    std::string meeting;             // --meeting YYYY-MM-DD: the session board's LIFT meeting
};

void add_dashboard_options(CLI::App& cli, DashboardOptions& options);
int run_dashboard(const DashboardOptions& options);

}  // namespace app

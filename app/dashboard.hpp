// The dashboard: what `liftboard` runs with no subcommand. Opens the store, builds the
// first snapshot, opens the window and draws the chosen board until closed, or renders
// one frame to a PNG with --screenshot.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace app {

struct DashboardOptions {
    std::string db;              // --db FILE
    std::string board = "caseload";  // --board meetings|caseload|triage|lookup
    std::string screenshot;      // --screenshot out.png: render headless, write, exit
    std::string size = "1920x1080";  // --size WxH
    bool kiosk = false;          // --kiosk
    std::string inbox;           // --inbox DIR
    std::string config;          // --config FILE
    std::string today;           // --today YYYY-MM-DD (pins the date, for tests and demos)
};

void add_dashboard_options(CLI::App& cli, DashboardOptions& options);
int run_dashboard(const DashboardOptions& options);

}  // namespace app

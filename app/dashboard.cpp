// The dashboard command (no subcommand): reads the config, validates the options,
// starts the writer thread, then runs the App's window loop or writes one screenshot.
// Exit codes: 0 done, 1 the database or the display failed, 2 bad options.
#include "app/dashboard.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "app/app.hpp"
#include "app/config.hpp"
#include "app/size_parse.hpp"
#include "core/date.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/store_diagnosis.hpp"
#include "db/sync/writer.hpp"

namespace app {
namespace {

// Errors go out as one line: scripts and the kiosk's journal read them line by line.
void print_error(std::string message) {
    std::replace(message.begin(), message.end(), '\n', ' ');
    std::fprintf(stderr, "liftboard: %s\n", message.c_str());
}

std::string joined_board_names() {
    std::string names;
    for (std::string_view name : App::board_names())
        names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

// A screenshot shows data: wait (without a frame loop) for the writer's first snapshot.
// The writer retries a failed build on its next pass, so only a long silence fails.
bool wait_for_first_snapshot(App& app) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (!app.channel().current()) {
        if (std::chrono::steady_clock::now() > give_up) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

// What stops the database being used, checked before the writer touches it (which
// would migrate another program's file or fail deep inside a snapshot build). A
// missing file is no problem here: the writer creates it for the inbox or hub to fill.
db::StoreDiagnosis usable_store_problem(const std::string& db) {
    db::StoreDiagnosis diagnosis = db::diagnose_store(db);
    if (diagnosis.problem == db::StoreProblem::missing) return {};
    return diagnosis;
}

// One line on stderr for the journal, and a board saying the same with what to do,
// until the window is closed (or once, to the screenshot). Exit code 1 either way.
int show_store_problem(App& app, const std::string& db, const db::StoreDiagnosis& problem,
                       const std::string& screenshot) {
    print_error(db + ": " + problem.what() + ". " + problem.advice());
    app.show_store_problem({db, problem.what(), problem.advice()});
    if (screenshot.empty()) {
        app.run();
        return 1;
    }
    std::string error;
    if (!app.screenshot(screenshot, error)) print_error("screenshot failed: " + error);
    return 1;
}

}  // namespace

void add_dashboard_options(CLI::App& cli, DashboardOptions& options) {
    cli.add_option("--db", options.db,
                   "SQLite database to show (see the importer and `demo-data`)");
    cli.add_option("--board", options.board, "Board to show: " + joined_board_names())
        ->capture_default_str();
    cli.add_option("--screenshot", options.screenshot,
                   "Render the board once to this PNG and exit");
    cli.add_option("--size", options.size, "Window size, WIDTHxHEIGHT")->capture_default_str();
    cli.add_flag("--kiosk", options.kiosk, "Fullscreen on the primary monitor");
    cli.add_option("--inbox", options.inbox, "Inbox folder of CSV/JSON exports to import");
    cli.add_option("--config", options.config, "TOML configuration file");
    cli.add_option("--today", options.today, "Pin today's date, YYYY-MM-DD (tests and demos)");
    cli.add_option("--exit-after", options.exit_after,
                   "Benchmarks: exit once the first frame (first-frame) or the first frame with data "
                   "(data-frame) is on screen")
        ->check(CLI::IsMember({"first-frame", "data-frame"}));
    cli.add_flag("--show-names", options.show_names,
                 "Privacy off: show full names (office screens only, never a wall)");
}

int run_dashboard(const DashboardOptions& options) {
    Config config;
    if (!options.config.empty()) {
        try {
            const auto names = App::board_names();
            std::vector<std::string> boards(names.begin(), names.end());
            config = load_config(options.config, boards);
        } catch (const ConfigError& e) {
            print_error(e.what());
            return 2;
        }
    }
    // Flags override the file.
    const std::string db = options.db.empty() ? config.db : options.db;
    const std::string inbox = options.inbox.empty() ? config.inbox : options.inbox;
    const std::string board = options.board.empty() ? config.boards.front() : options.board;
    if (db.empty()) {
        print_error("--db FILE is required (or [data] db in the config file)");
        return 2;
    }
    const auto size = parse_window_size(options.size);
    if (!size) {
        print_error("--size must be WIDTHxHEIGHT, e.g. 1920x1080, not '" + options.size + "'");
        return 2;
    }
    std::optional<core::Date> today;
    if (!options.today.empty()) {
        today = core::parse_date(options.today);
        if (!today) {
            print_error("--today must be a date as YYYY-MM-DD, not '" + options.today + "'");
            return 2;
        }
    }
    const auto boards = App::board_names();
    if (std::find(boards.begin(), boards.end(), board) == boards.end()) {
        print_error("unknown board '" + board + "' (this build has: " + joined_board_names() + ")");
        return 2;
    }
    // Without an inbox to fill it, a missing file is a mistake in the path: say so
    // rather than create an empty store.
    std::error_code error;
    // $LIFTBOARD_HUB when the config names no hub; never printed (it may hold a password).
    const std::string hub = db::hub::hub_connection_string(config.hub);
    if (inbox.empty() && hub.empty() && !std::filesystem::is_regular_file(db, error)) {
        print_error("database not found: " + db);
        return 1;
    }

    db::WriterOptions writer_options;
    writer_options.database = db;
    if (!inbox.empty()) writer_options.inbox = inbox;
    writer_options.today = today;
    writer_options.rules.visit_interval_weeks = config.visit_interval_weeks;
    writer_options.rules.referral_cap = config.referral_cap;
    writer_options.home_district = config.home_district;
    if (!hub.empty()) writer_options.hub = hub;
    if (!config.backup_dir.empty())
        writer_options.backup =
            db::DailyBackupOptions{config.backup_dir, config.backup_keep, config.backup_at.minutes};

    const bool headless = !options.screenshot.empty();
    core::SyncStatus sync_status;
    AppOptions app_options;
    app_options.window.size = *size;
    app_options.window.visible = !headless;
    app_options.window.fullscreen = options.kiosk && !headless;
    app_options.window.monitor = config.monitor;
    app_options.window.hide_cursor = options.kiosk && !headless;
    app_options.rotation = config.boards;
    app_options.schedule.rotate = std::chrono::seconds(config.rotate_seconds);
    app_options.schedule.idle_return = std::chrono::seconds(config.idle_return_seconds);
    app_options.schedule.night = config.night;
    app_options.schedule.pixel_shift = std::chrono::minutes(config.pixel_shift_minutes);
    app_options.contact_line = config.contact_line;
    if (options.exit_after == "first-frame") app_options.exit_after = AppOptions::ExitAfter::first_frame;
    if (options.exit_after == "data-frame") app_options.exit_after = AppOptions::ExitAfter::first_data_frame;
    app_options.window.vsync = !headless;
    app_options.board = board;
    app_options.privacy = !(options.show_names || config.show_names);
    app_options.sync = &sync_status;
    app_options.home_district = config.home_district;
    app_options.kiosk = options.kiosk;
    const char* user = std::getenv("USER");
    app_options.user = user && *user ? user : "liftboard";
    app_options.stale_after = std::chrono::hours(config.stale_after_hours);
    try {
        App app(app_options);
        // The writer opens (and checks) the store before the thread starts, so a bad
        // file is reported here; the first snapshot then arrives from the thread.
        std::unique_ptr<db::Writer> writer;
        db::StoreDiagnosis problem = usable_store_problem(db);
        if (problem.ok()) {
            try {
                writer = std::make_unique<db::Writer>(writer_options, app.channel(), sync_status);
            } catch (const std::exception& e) {
                problem = db::diagnose_store(db);
                if (problem.ok()) problem = {db::StoreProblem::unreadable, e.what()};
            }
        }
        if (!problem.ok()) return show_store_problem(app, db, problem, options.screenshot);
        app.set_command_sink(writer.get());
        writer->start();
        if (!headless) return app.run();
        if (!wait_for_first_snapshot(app)) {
            print_error("no data to show: " + sync_status.read().last_error);
            return 1;
        }
        std::string screenshot_error;
        if (!app.screenshot(options.screenshot, screenshot_error)) {
            print_error("screenshot failed: " + screenshot_error);
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        print_error(e.what());
        return 1;
    }
}

}  // namespace app

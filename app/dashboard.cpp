// The dashboard command (no subcommand): reads the config, validates the options,
// starts the writer thread, then runs the App's window loop or writes one screenshot.
// Exit codes: 0 done, 1 the database or the display failed, 2 bad options.
#include "app/dashboard.hpp"

#include <spdlog/spdlog.h>

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
#include "app/config_apply.hpp"
#include "app/control_server.hpp"
#include "app/http_control.hpp"
#include "app/kiosk_control.hpp"
#include "app/logging.hpp"
#include "app/session_options.hpp"
#include "app/signal_thread.hpp"
#include "app/size_parse.hpp"
#include "core/date.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/store_diagnosis.hpp"
#include "db/sync/writer.hpp"
#include "widgets/lookup_board.hpp"

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
// SQLite's page-by-page check runs here only after an unclean close; otherwise the
// writer runs it once the first snapshot is out (diagnose_store_at_start says why).
db::StoreDiagnosis usable_store_problem(const std::string& db, db::WriterOptions& writer_options) {
    bool checked = false;
    db::StoreDiagnosis diagnosis = db::diagnose_store_at_start(db, checked);
    writer_options.check_integrity_after_start = !checked;
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

std::vector<std::string> board_list() {
    const auto names = App::board_names();
    return {names.begin(), names.end()};
}

// The running wall: the window loop under a supervisor that answers `liftboard ctl`,
// reloads the config on SIGHUP, stops cleanly on SIGTERM and talks to systemd.
int run_live(const DashboardOptions& options, const Config& config, AppOptions app_options,
             db::WriterOptions writer_options, core::SyncStatus& sync_status) {
    // Before any thread exists (GLFW, Mesa and the writer start some): all inherit it.
    block_service_signals();
    // The writer starts before the window: its first snapshot (from the cache, or the
    // store) is built while the window, GL and fonts are set up, not after them.
    core::SnapshotChannel channel;
    const std::string db = writer_options.database.string();
    db::StoreDiagnosis problem = usable_store_problem(db, writer_options);
    std::unique_ptr<db::Writer> writer_owner;
    if (problem.ok()) {
        try {
            writer_owner = std::make_unique<db::Writer>(writer_options, channel, sync_status);
            writer_owner->start();
        } catch (const std::exception& e) {
            problem = db::diagnose_store(db);
            if (problem.ok()) problem = {db::StoreProblem::unreadable, e.what()};
        }
    }
    App app(app_options, &channel);
    configure_session_board(app, options.meeting, config);
    if (!problem.ok()) return show_store_problem(app, db, problem, "");
    db::Writer& writer = *writer_owner;
    app.set_command_sink(&writer);
    LiveState live;
    live.set_config(options.config, "");

    KioskControl::Parts parts;
    parts.status.started = std::chrono::steady_clock::now();
    parts.status.channel = &app.channel();
    parts.status.sync = &sync_status;
    parts.status.hub_configured = writer_options.hub.has_value();
    parts.status.inbox = writer_options.inbox;
    parts.writer_heartbeat = [&writer] { return writer.heartbeat(); };
    const char* hooks = std::getenv("LIFTBOARD_TEST_HOOKS");
    parts.test_hooks = hooks && std::string(hooks) == "1";
    if (!options.config.empty()) {
        // Runs on the UI thread (a queued request), so it may touch the App.
        parts.reload = [&, app_options, writer_options]() mutable -> std::string {
            try {
                const Config fresh = load_config(options.config, board_list());
                apply_config(fresh, options.show_names, app_options, writer_options);
                app.apply_settings(app_options);
                apply_session_config(app, fresh);
                writer.set_snapshot_settings(writer_options.rules, writer_options.home_district);
                if (fresh.db != config.db || fresh.inbox != config.inbox ||
                    fresh.hub != config.hub || fresh.control_socket != config.control_socket ||
                    fresh.control_listen != config.control_listen)
                    spdlog::warn(
                        "config {}: [data] and [control] changes take effect at the next start",
                        options.config);
                live.set_config(options.config, "");
                spdlog::info("config {}: reloaded", options.config);
                return "";
            } catch (const ConfigError& e) {
                // The running settings stay: a typo in the file must not take the wall down.
                live.set_config(options.config, e.what());
                spdlog::error("config reload refused, keeping the running settings: {}", e.what());
                return e.what();
            }
        };
    }
    KioskControl control(app, live, std::move(parts));
    app.set_loop_hooks(&control);

    std::unique_ptr<ControlServer> server;
    std::filesystem::path socket = ControlServer::default_path();
    if (!config.control_socket.empty()) socket = config.control_socket;
    if (!options.control.empty()) socket = options.control;
    if (socket.empty()) {
        spdlog::warn("no control socket: give --control PATH or set $XDG_RUNTIME_DIR");
    } else {
        try {
            server = std::make_unique<ControlServer>(
                socket, [&control](const std::string& line) { return control.handle(line); });
            spdlog::info("control socket: {}", socket.string());
        } catch (const std::exception& e) {
            // The wall keeps showing; only remote control is lost.
            spdlog::error("{}", e.what());
        }
    }
    std::unique_ptr<HttpControl> http;
    if (!config.control_listen.empty()) {
        try {
            http = std::make_unique<HttpControl>(
                parse_listen_address(config.control_listen),
                read_token_file(config.control_token_file),
                [&control](const std::string& line) { return control.handle(line); });
            spdlog::info("control: HTTP on port {}", http->port());
        } catch (const std::exception& e) {
            spdlog::error("{}", e.what());
        }
    }
    SignalThread signals([&control] { control.post_reload(); },
                         [&control] { control.post_quit(); });
    const int code = app.run();
    app.set_loop_hooks(nullptr);
    control.close();
    return code;
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
    cli.add_option(
           "--page", options.page,
           "With --kiosk --screenshot: the page of the board to show (the wall pages long lists)")
        ->check(CLI::PositiveNumber);
    cli.add_option("--inbox", options.inbox, "Inbox folder of CSV/JSON exports to import");
    cli.add_option("--config", options.config, "TOML configuration file");
    cli.add_option("--today", options.today, "Pin today's date, YYYY-MM-DD (tests and demos)");
    cli.add_option(
           "--exit-after", options.exit_after,
           "Benchmarks: exit once the first frame (first-frame) or the first frame with data "
           "(data-frame) is on screen")
        ->check(CLI::IsMember({"first-frame", "data-frame"}));
    cli.add_option("--control", options.control,
                   "Control socket for `liftboard ctl` (default $XDG_RUNTIME_DIR/liftboard.sock)");
    cli.add_option("--pupil", options.pupil,
                   "Lookup board: open this pupil's card (screenshots and demos)");
    cli.add_option("--meeting", options.meeting,
                   "Session board: the LIFT meeting, YYYY-MM-DD (default: today's, else the next)");
    cli.add_flag("--show-names", options.show_names,
                 "Privacy off: show full names (office screens only, never a wall)");
}

int run_dashboard(const DashboardOptions& options) {
    Config config;
    if (!options.config.empty()) {
        try {
            config = load_config(options.config, board_list());
        } catch (const ConfigError& e) {
            print_error(e.what());
            return 2;
        }
    }
    try {
        setup_logging({config.log_level, config.log_file, config.log_max_mb, config.log_files});
    } catch (const std::exception& e) {
        print_error(e.what());
        return 2;
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
    if (const std::string error = meeting_option_error(options.meeting); !error.empty()) {
        print_error(error);
        return 2;
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
    writer_options.max_file_bytes = static_cast<uint64_t>(config.max_file_mb) << 20;
    writer_options.today = today;
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
    if (options.exit_after == "first-frame")
        app_options.exit_after = AppOptions::ExitAfter::first_frame;
    if (options.exit_after == "data-frame")
        app_options.exit_after = AppOptions::ExitAfter::first_data_frame;
    app_options.window.vsync = !headless;
    app_options.board = board;
    app_options.sync = &sync_status;
    apply_config(config, options.show_names, app_options, writer_options);
    app_options.kiosk = options.kiosk;
    const char* user = std::getenv("USER");
    app_options.user = user && *user ? user : "liftboard";
    if (!headless) {
        try {
            return run_live(options, config, app_options, writer_options, sync_status);
        } catch (const std::exception& e) {
            print_error(e.what());
            return 1;
        }
    }
    try {
        App app(app_options);
        configure_session_board(app, options.meeting, config, /*read_only=*/true);
        // The writer opens (and checks) the store before the thread starts, so a bad
        // file is reported here; the first snapshot then arrives from the thread.
        std::unique_ptr<db::Writer> writer;
        db::StoreDiagnosis problem = usable_store_problem(db, writer_options);
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
        if (!options.pupil.empty()) {
            if (auto* lookup = dynamic_cast<widgets::LookupBoard*>(&app.board()))
                lookup->open_pupil(options.pupil);
        }
        writer->start();
        if (!wait_for_first_snapshot(app)) {
            print_error("no data to show: " + sync_status.read().last_error);
            return 1;
        }
        std::string screenshot_error;
        app.show_page(static_cast<size_t>(options.page - 1));
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

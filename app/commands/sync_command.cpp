// `liftboard sync [--config FILE] [--db FILE] [--inbox DIR] [--hub URI] [--once]`: the
// writer thread with no window, a headless sync service (liftboard-sync.service). --once
// processes what is in the inbox, pushes and pulls the hub once, prints a line per file
// and one for the hub, and exits (non-zero if a file was quarantined or the hub
// failed); otherwise it runs until SIGINT/SIGTERM, reloads the config's rules on
// SIGHUP, and tells systemd READY (first snapshot), STATUS and WATCHDOG (only while
// the writer thread's heartbeat is recent).
#include <pthread.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/cli.hpp"
#include "app/config.hpp"
#include "app/config_apply.hpp"
#include "app/liveness.hpp"
#include "app/logging.hpp"
#include "app/service_notify.hpp"
#include "core/snapshot_channel.hpp"
#include "core/sync_status.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/import/printable_name.hpp"
#include "db/sync/writer.hpp"

namespace app {
namespace {

struct SyncOptions {
    std::string config;
    std::string db, inbox, today;
    std::string hub;  // PostgreSQL hub connection string; default $LIFTBOARD_HUB
    bool once = false;
};

// The dashboard's boards: a config shared by the kiosk and the sync service names them.
std::vector<std::string> known_boards() {
    const auto names = App::board_names();
    return {names.begin(), names.end()};
}

std::string service_status(const core::SyncStatus& status) {
    const auto view = status.read();
    std::string line = "files imported " + std::to_string(view.files_imported) + ", quarantined " +
                       std::to_string(view.files_quarantined);
    if (view.age)
        line += ", last success " +
                std::to_string(std::chrono::duration_cast<std::chrono::minutes>(*view.age).count()) + " min ago";
    if (view.last_attempt_failed) line += ", last attempt failed";
    return line;
}

// Until SIGINT/SIGTERM: READY once the first snapshot is published, then STATUS when it
// changes and WATCHDOG while the writer's heartbeat is recent; SIGHUP reloads the rules.
void serve(const SyncOptions& options, db::Writer& writer, core::SnapshotChannel& channel,
           const core::SyncStatus& status, const sigset_t& signals) {
    ServiceNotify notify;
    Liveness::Limits limits;
    limits.watchdog = notify.watchdog_interval();
    Liveness liveness(limits);
    bool ready = false;
    std::string last_status;
    for (;;) {
        auto wait = std::chrono::milliseconds(ready ? 60000 : 200);
        if (auto most = liveness.max_sleep())
            wait = std::min(wait, std::chrono::duration_cast<std::chrono::milliseconds>(*most));
        const timespec timeout{static_cast<time_t>(wait.count() / 1000),
                               static_cast<long>(wait.count() % 1000) * 1000000L};
        const int received = sigtimedwait(&signals, nullptr, &timeout);
        if (received == SIGINT || received == SIGTERM) return;
        if (received == SIGHUP && !options.config.empty()) {
            try {
                Config config = load_config(options.config, known_boards());
                AppOptions unused;
                db::WriterOptions fresh;
                apply_config(config, false, unused, fresh);
                writer.set_snapshot_settings(fresh.rules, fresh.home_district);
                spdlog::info("config {}: reloaded", options.config);
            } catch (const ConfigError& e) {
                spdlog::error("config reload refused, keeping the running settings: {}", e.what());
            }
        }
        const auto now = std::chrono::steady_clock::now();
        const std::string line = service_status(status);
        if (!ready && channel.current()) {
            notify.ready(line);
            ready = true;
            last_status = line;
        } else if (ready && line != last_status) {
            notify.status(line);
            last_status = line;
        }
        liveness.frame_presented(now);
        if (ready && liveness.should_ping(now, writer.heartbeat())) notify.watchdog();
    }
}

int run_sync(SyncOptions options) {
    Config config;
    if (!options.config.empty()) {
        try {
            config = load_config(options.config, known_boards());
        } catch (const ConfigError& e) {
            std::cerr << "liftboard sync: " << e.what() << "\n";
            return 2;
        }
        // Flags override the file.
        if (options.db.empty()) options.db = config.db;
        if (options.inbox.empty()) options.inbox = config.inbox;
        if (options.hub.empty()) options.hub = config.hub;
    }
    try {
        setup_logging({config.log_level, config.log_file, config.log_max_mb, config.log_files});
    } catch (const std::exception& e) {
        std::cerr << "liftboard sync: " << e.what() << "\n";
        return 2;
    }
    if (options.db.empty()) {
        std::cerr << "liftboard sync: give --db FILE (or [data] db in the config file)\n";
        return 2;
    }
    db::WriterOptions writer_options;
    writer_options.database = options.db;
    AppOptions unused;
    apply_config(config, false, unused, writer_options);
    if (!options.inbox.empty()) writer_options.inbox = options.inbox;
    if (std::string warning = db::hub::command_line_password_warning("--hub", options.hub);
        !warning.empty())
        std::cerr << "liftboard sync: " << warning << "\n";
    if (std::string hub = db::hub::hub_connection_string(options.hub); !hub.empty()) writer_options.hub = hub;
    if (!writer_options.inbox && !writer_options.hub) {
        std::cerr << "liftboard sync: nothing to sync: give --inbox DIR and/or --hub URI\n";
        return 2;
    }
    if (!options.today.empty()) {
        writer_options.today = core::parse_date(options.today);
        if (!writer_options.today) {
            std::cerr << "liftboard sync: --today: not a date: " << options.today << "\n";
            return 2;
        }
    }
    // Signals are taken by sigwait below, not by a handler on a random thread.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    if (!options.once) pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        core::SnapshotChannel channel;
        core::SyncStatus status;
        db::Writer writer(writer_options, channel, status);
        if (options.once) {
            int quarantined = 0;
            for (const auto& outcome : writer.run_once()) {
                std::cout << outcome.report.summary() << "\n";
                if (outcome.report.outcome == db::ImportOutcome::refused) {
                    ++quarantined;
                    std::cerr << outcome.report.error_text();
                }
                if (!outcome.moved_to.empty())
                    std::cout << "  -> " << db::printable_name(outcome.moved_to) << "\n";
            }
            bool source_failed = false;
            for (const auto& pass : writer.source_passes()) {
                (pass.ok ? std::cout : std::cerr) << pass.summary << "\n";
                source_failed |= !pass.ok;
            }
            return quarantined || source_failed ? 1 : 0;
        }
        writer.start();
        std::cout << "liftboard sync: watching "
                  << (writer_options.inbox ? options.inbox : std::string())
                  << (writer_options.inbox && writer_options.hub ? " and " : "")
                  << (writer_options.hub ? "hub " + db::hub::hub_label(*writer_options.hub)
                                         : std::string())
                  << " (Ctrl-C to stop)" << std::endl;
        serve(options, writer, channel, status, signals);
        std::cout << "liftboard sync: stopping" << std::endl;
        writer.stop();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "liftboard sync: " << e.what() << "\n";
        return 2;
    }
}

}  // namespace

void add_sync_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<SyncOptions>();
    CLI::App* sub = cli.add_subcommand("sync", "Keep a database in sync with an inbox folder, with no window");
    sub->add_option("--config", options->config, "TOML configuration file ([data], [rules], [log])");
    sub->add_option("--db", options->db, "Database file (created if missing)");
    sub->add_option("--inbox", options->inbox, "Inbox folder to import from");
    sub->add_option("--hub", options->hub, "PostgreSQL hub connection string (default: $LIFTBOARD_HUB)");
    sub->add_flag("--once", options->once, "Process the inbox once and exit");
    sub->add_option("--today", options->today, "Pin the date rules are evaluated on (YYYY-MM-DD)");
    sub->callback([options, &exit_code] { exit_code = run_sync(*options); });
}

}  // namespace app

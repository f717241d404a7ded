// `liftboard sync --db FILE [--inbox DIR] [--hub URI] [--once]`: the writer thread with no
// window, a headless sync service. --once processes what is in the inbox, pushes and
// pulls the hub once, prints a line per file and one for the hub, and exits (non-zero
// if a file was quarantined or the hub failed); otherwise it runs until SIGINT/SIGTERM.
#include <pthread.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "app/cli.hpp"
#include "core/snapshot_channel.hpp"
#include "core/sync_status.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/import/printable_name.hpp"
#include "db/sync/writer.hpp"

namespace app {
namespace {

struct SyncOptions {
    std::string db, inbox, today;
    std::string hub;  // PostgreSQL hub connection string; default $LIFTBOARD_HUB
    bool once = false;
};

int run_sync(const SyncOptions& options) {
    db::WriterOptions writer_options;
    writer_options.database = options.db;
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
        int received = 0;
        sigwait(&signals, &received);
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
    sub->add_option("--db", options->db, "Database file (created if missing)")->required();
    sub->add_option("--inbox", options->inbox, "Inbox folder to import from");
    sub->add_option("--hub", options->hub, "PostgreSQL hub connection string (default: $LIFTBOARD_HUB)");
    sub->add_flag("--once", options->once, "Process the inbox once and exit");
    sub->add_option("--today", options->today, "Pin the date rules are evaluated on (YYYY-MM-DD)");
    sub->callback([options, &exit_code] { exit_code = run_sync(*options); });
}

}  // namespace app

// `liftboard hub init [--pg URI]` creates or migrates a PostgreSQL hub's schema;
// `liftboard hub import [--pg URI] PATH...` loads inbox files into the hub with the
// local importer's validation and all-or-nothing rule, one summary line per file
// (problems on stderr; exit 1 when any file was refused or failed);
// `liftboard hub push-local --db FILE [--pg URI]` sends the rows a store imported
// before it had a hub, with the same rules, all of them or none;
// `liftboard hub conflicts --db FILE [--resolve ID --keep mine|theirs] [--pg URI]`
// lists the open sync conflicts, one line each with its id and no names, or resolves
// one (exit 2 for an unknown id or bad usage, 1 when the store cannot be written);
// with a hub given the resolution is pushed at once, otherwise by the next sync. The
// connection string comes from --pg or LIFTBOARD_HUB and is never printed with its
// password.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <pqxx/connection>

#include "app/cli.hpp"
#include "core/sync_conflict.hpp"
#include "db/hub/conflict_resolution.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_importer.hpp"
#include "db/hub/hub_local_push.hpp"
#include "db/hub/hub_push.hpp"
#include "db/hub/hub_schema.hpp"
#include "db/store.hpp"
#include "db/sync/command_applier.hpp"

namespace app {
namespace {

struct HubOptions {
    std::string pg;
    std::vector<std::string> paths;
    std::string db;
    std::string resolve;  // a conflict id; checked here, so a bad one exits 2 like the rest
    std::string keep;
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

// True when the hub's schema is the one this liftboard writes; says why not otherwise.
bool schema_current(pqxx::connection& connection, const char* command) {
    try {
        int version = db::hub::hub_schema_version(connection);
        if (version != db::hub::hub_latest_schema_version()) {
            std::cerr << "liftboard hub " << command << ": hub schema version " << version
                      << ", expected " << db::hub::hub_latest_schema_version()
                      << " (run `liftboard hub init`)\n";
            return false;
        }
        return true;
    } catch (const std::exception& e) {
        std::cerr << "liftboard hub " << command << ": " << e.what() << "\n";
        return false;
    }
}

// An existing store only: these commands never create one.
std::unique_ptr<db::Store> open_store(const std::string& file, const char* command,
                                      db::Store::Access access) {
    try {
        if (!std::filesystem::exists(file)) throw std::runtime_error("no store at " + file);
        return std::make_unique<db::Store>(file, access);
    } catch (const std::exception& e) {
        std::cerr << "liftboard hub " << command << ": " << e.what() << "\n";
        return nullptr;
    }
}

int run_import(const HubOptions& options) {
    auto connection = connect(options.pg, "import");
    if (!connection) return 2;
    if (!schema_current(*connection, "import")) return 2;
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

int run_push_local(const HubOptions& options) {
    auto store = open_store(options.db, "push-local", db::Store::Access::read_only);
    if (!store) return 2;
    auto connection = connect(options.pg, "push-local");
    if (!connection) return 2;
    if (!schema_current(*connection, "push-local")) return 2;
    const db::hub::LocalPushReport report = db::hub::push_local_rows(*connection, *store);
    for (const std::string& line : report.lines) std::cout << line << "\n";
    if (!report.sent) {
        std::cerr << "liftboard hub push-local: nothing sent:\n"
                  << db::format_all(report.problems) << std::flush;
        return 1;
    }
    return 0;
}

// One conflict per line, for a terminal or a log: its id first, the pupil by ref only,
// and sides that name nobody (core::conflict_side_text with privacy on).
void print_conflict(const core::SyncConflict& c) {
    std::cout << c.id << "  " << c.pupil_ref << "  " << c.what
              << "  \xc2\xb7  here: " << core::conflict_side_text(c.mine, true)
              << "  \xc2\xb7  hub: " << core::conflict_side_text(c.theirs, true);
    if (!c.reason.empty()) std::cout << "  \xc2\xb7  " << core::conflict_reason_line(c.reason);
    std::cout << "  \xc2\xb7  by " << c.who << " at " << c.edited_at << "\n";
}

int run_conflicts(const HubOptions& options) {
    if (options.resolve.empty() != options.keep.empty() ||
        (!options.keep.empty() && options.keep != "mine" && options.keep != "theirs")) {
        std::cerr << "liftboard hub conflicts: --resolve ID goes with --keep mine or --keep "
                     "theirs\n";
        return 2;
    }
    int64_t id = 0;
    if (!options.resolve.empty()) {
        const char* text = options.resolve.c_str();
        char* end = nullptr;
        errno = 0;
        id = std::strtoll(text, &end, 10);
        if (*end || end == text || errno || id <= 0) {
            std::cerr << "liftboard hub conflicts: --resolve '" << options.resolve
                      << "' is not a conflict id (the number the list starts with)\n";
            return 2;
        }
    }
    auto store = open_store(
        options.db, "conflicts",
        options.resolve.empty() ? db::Store::Access::read_only : db::Store::Access::read_write);
    if (!store) return 2;
    if (options.resolve.empty()) {
        const auto conflicts = db::hub::open_conflicts(*store);
        if (conflicts.empty()) std::cout << "no sync conflicts to resolve\n";
        for (const core::SyncConflict& c : conflicts) print_conflict(c);
        return 0;
    }
    const char* user = std::getenv("USER");
    const core::CommandResult result =
        db::apply_command(*store, core::ResolveConflict{id, options.keep == "mine"},
                          std::string("cli:") + (user && *user ? user : "liftboard"));
    if (!result.ok) {
        std::cerr << "liftboard hub conflicts: " << result.message << "\n";
        // A refusal (no such open conflict) is the caller's; a store that cannot be
        // written ("not saved: ...") is not.
        return result.message.rfind("not saved:", 0) == 0 ? 1 : 2;
    }
    std::cout << "resolved: " << result.message << "\n";
    if (db::hub::hub_connection_string(options.pg).empty()) {
        std::cout << "the hub gets it with the next sync\n";
        return 0;
    }
    auto connection = connect(options.pg, "conflicts");
    try {
        if (!connection || !schema_current(*connection, "conflicts")) throw std::runtime_error("");
        const db::hub::PushResult pushed = db::hub::push_outbox(*connection, *store);
        std::cout << "pushed " << pushed.pushed << " edits to the hub (" << pushed.conflicts
                  << " conflicts)\n";
    } catch (const std::exception& e) {
        // Resolved here all the same: the outbox keeps it for the next sync.
        std::cerr << "liftboard hub conflicts: not pushed yet"
                  << (*e.what() ? std::string(": ") + e.what() : std::string()) << "\n";
    }
    return 0;
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

CLI::App* push_local = hub->add_subcommand(
    "push-local", "Send the rows a store imported before it had a hub (all or none)");
push_local->add_option("--db", options->db, "The local store")->required();
push_local->add_option("--pg", options->pg, "Hub connection string (default: $LIFTBOARD_HUB)");
push_local->callback([options, &exit_code] { exit_code = run_push_local(*options); });

CLI::App* conflicts =
    hub->add_subcommand("conflicts", "List the hub sync conflicts of a store, or resolve one");
conflicts->add_option("--db", options->db, "The local store")->required();
conflicts->add_option("--resolve", options->resolve, "The conflict's id (from the list)");
conflicts->add_option("--keep", options->keep,
                      "mine: re-apply this store's edit on the hub's current row; theirs: "
                      "drop it");
conflicts->add_option("--pg", options->pg,
                      "Push the resolution to this hub now (default: $LIFTBOARD_HUB; "
                      "otherwise the next sync does)");
conflicts->callback([options, &exit_code] { exit_code = run_conflicts(*options); });
}  // namespace app

}  // namespace app

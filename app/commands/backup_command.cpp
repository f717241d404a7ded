// `liftboard backup --db FILE --out FILE`: a consistent copy of a database through
// SQLite's online backup API, safe while the dashboard's writer is running. The copy is
// mode 0600 and replaces --out only once complete. Exit 0 done, 1 failed, 2 bad options.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "db/backup/backup.hpp"

namespace app {
namespace {

struct BackupOptions {
    std::string db, out;
};

int run_backup(const BackupOptions& options) {
    std::error_code error;
    if (std::filesystem::equivalent(options.db, options.out, error)) {
        std::cerr << "liftboard backup: --out is the database itself\n";
        return 2;
    }
    try {
        db::backup_file(options.db, options.out);
    } catch (const std::exception& e) {
        std::cerr << "liftboard backup: " << e.what() << "\n";
        return 1;
    }
    std::cout << options.out << ": backup of " << options.db << "\n";
    return 0;
}

}  // namespace

void add_backup_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<BackupOptions>();
    CLI::App* sub =
        cli.add_subcommand("backup", "Copy a database consistently, even while liftboard runs");
    sub->add_option("--db", options->db, "Database file to back up")->required();
    sub->add_option("--out", options->out,
                    "Backup file to write (mode 0600, replaced when complete)")
        ->required();
    sub->callback([options, &exit_code] { exit_code = run_backup(*options); });
}

}  // namespace app

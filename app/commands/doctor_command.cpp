// `liftboard doctor --db FILE`: a health report of a database for whoever is called
// when the wall goes wrong: SQLite's full integrity check, the schema version, rows per
// table, the WAL file's size and when each source last synced. Read-only. Exit 0 when
// everything is fine, 1 when something is wrong (the report says what and what to do).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "db/migrations.hpp"
#include "db/store_diagnosis.hpp"

namespace app {
namespace {

int run_doctor(const std::string& db) {
    const db::StoreReport report = db::inspect_store(db);
    std::cout << "database: " << db << "\n";
    std::cout << "integrity check: " << report.integrity << "\n";
    std::cout << "schema version: ";
    if (report.schema_version)
        std::cout << *report.schema_version;
    else
        std::cout << "unknown";
    std::cout << " (this liftboard: " << db::latest_schema_version() << ")\n";
    std::cout << "rows:";
    if (report.row_counts.empty()) std::cout << " none";
    for (const auto& [table, rows] : report.row_counts)
        std::cout << " " << table << " "
                  << (rows < 0 ? std::string("unreadable") : std::to_string(rows)) << ";";
    std::cout << "\n";
    std::cout << "wal: "
              << (report.wal_bytes ? std::to_string(*report.wal_bytes) + " bytes" : "none") << "\n";
    std::cout << "last sync:";
    if (report.last_sync.empty()) std::cout << " never";
    for (const auto& [source, when] : report.last_sync)
        std::cout << " " << source << " " << when << (when == "never" ? "" : " UTC") << ";";
    std::cout << "\n";
    if (report.diagnosis.ok()) {
        std::cout << "verdict: ok\n";
        return 0;
    }
    std::cout << "verdict: " << report.diagnosis.what() << "\n";
    std::cout << "what to do: " << report.diagnosis.advice() << "\n";
    return 1;
}

}  // namespace

void add_doctor_command(CLI::App& cli, int& exit_code) {
    auto db = std::make_shared<std::string>();
    CLI::App* sub = cli.add_subcommand(
        "doctor", "Check a database: integrity, schema version, row counts, WAL size, last sync");
    sub->add_option("--db", *db, "Database file (opened read-only)")->required();
    sub->callback([db, &exit_code] { exit_code = run_doctor(*db); });
}

}  // namespace app

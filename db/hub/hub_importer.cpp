#include "db/hub/hub_importer.hpp"

#include <algorithm>
#include <pqxx/pqxx>

#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_references.hpp"
#include "db/hub/hub_rows.hpp"
#include "db/import/checked_file.hpp"
#include "db/import/file_bytes.hpp"

namespace db::hub {
namespace {

bool already_imported(pqxx::transaction_base& tx, const std::string& sha256) {
    return !tx.exec_params("SELECT 1 FROM import_log WHERE sha256 = $1", sha256).empty();
}

void log_import(pqxx::transaction_base& tx, const inbox::CheckedFile& checked,
                const UpsertCounts& counts) {
    tx.exec_params0(
        "INSERT INTO import_log(file, sha256, kind, rows, detail) VALUES ($1, $2, $3, $4, $5)",
        checked.file, checked.sha256, std::string(to_string(checked.kind)),
        static_cast<long>(checked.rows),
        std::to_string(counts.inserted) + " inserted, " + std::to_string(counts.updated) +
            " updated, " + std::to_string(counts.unchanged) + " unchanged");
}

}  // namespace

ImportReport import_file_to_hub(pqxx::connection& connection, const std::filesystem::path& file) {
    ImportReport report;
    auto bytes = start_import(file, report);
    if (!bytes) return report;
    const std::string label = file.string();

    try {
        report.sha256 = inbox::sha256_hex(*bytes);
        // One transaction: the references checked are the ones the rows are written
        // against, and a failure anywhere leaves the hub as it was.
        pqxx::work tx(connection);
        if (already_imported(tx, report.sha256)) {
            report.outcome = ImportOutcome::unchanged_duplicate;
            return report;
        }
        inbox::References refs = load_hub_references(tx, *report.kind);
        inbox::CheckedFile checked = inbox::check_bytes(*bytes, report.sha256, *report.kind,
                                                        inbox_format_of(file), label, refs);
        report.rows = checked.rows;
        if (!checked.ok()) {
            report.outcome = ImportOutcome::refused;
            report.problems = std::move(checked.problems);
            return report;
        }
        UpsertCounts counts = std::visit(
            [&](const auto& records) {
                return upsert_rows(tx, hub_table_for(*report.kind), to_rows(records));
            },
            checked.records);
        log_import(tx, checked, counts);
        tx.commit();
        report.outcome = ImportOutcome::imported;
        report.inserted = counts.inserted;
        report.updated = counts.updated;
        report.unchanged = counts.unchanged;
    } catch (...) {
        report.outcome = ImportOutcome::failed;
        report.problems = {
            {label, 0, "",
             std::string("the hub could not be written: ") + current_hub_error().what()}};
    }
    return report;
}

std::vector<ImportReport> import_files_to_hub(pqxx::connection& connection,
                                              std::vector<std::filesystem::path> files) {
    auto rank = [](const std::filesystem::path& file) {
        auto kind = inbox_kind_of(file);
        return kind ? dependency_rank(*kind) : 1000;
    };
    std::stable_sort(files.begin(), files.end(),
                     [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    std::vector<ImportReport> reports;
    for (const auto& file : files) reports.push_back(import_file_to_hub(connection, file));
    return reports;
}

}  // namespace db::hub

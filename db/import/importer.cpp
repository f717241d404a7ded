#include "db/import/importer.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>

#include "db/disk_full.hpp"
#include "db/import/checked_file.hpp"
#include "db/import/file_bytes.hpp"
#include "db/import/printable_name.hpp"
#include "db/import/reference_loader.hpp"
#include "db/import/writer.hpp"

namespace db {

std::string_view to_string(ImportOutcome outcome) {
    switch (outcome) {
        case ImportOutcome::imported:
            return "imported";
        case ImportOutcome::unchanged_duplicate:
            return "unchanged-duplicate";
        case ImportOutcome::refused:
            return "refused";
        case ImportOutcome::ignored:
            return "ignored";
        case ImportOutcome::failed:
            return "failed";
    }
    return "?";
}

std::string ImportReport::summary() const {
    std::string out = printable_name(file) + ": ";
    auto problem_count = [&] {
        // total(): a file with a million bad rows keeps only the first problems.
        return std::to_string(problems.total()) +
               (problems.total() == 1 ? " problem" : " problems");
    };
    switch (outcome) {
        case ImportOutcome::imported:
            return out + std::string(to_string(*kind)) + ", " + std::to_string(inserted) +
                   " inserted, " + std::to_string(updated) + " updated, " +
                   std::to_string(unchanged) + " unchanged";
        case ImportOutcome::unchanged_duplicate:
            return out + std::string(to_string(*kind)) + ", unchanged (already imported)";
        case ImportOutcome::refused:
            return out + "refused (" + problem_count() + ")";
        case ImportOutcome::ignored:
            return out + "ignored (not an inbox file name)";
        case ImportOutcome::failed:
            return out + "failed, not applied (" + problem_count() + ")";
    }
    return out;
}

std::string ImportReport::error_text() const {
    return format_all(problems);
}

std::optional<std::string> start_import(const std::filesystem::path& file, ImportReport& report,
                                        uint64_t max_file_bytes) {
    report.file = file;
    report.kind = inbox_kind_of(file);
    auto refuse = [&](std::string reason) -> std::optional<std::string> {
        report.outcome = ImportOutcome::refused;
        report.problems.push_back({printable_name(file), 0, "", std::move(reason)});
        return std::nullopt;
    };
    if (!report.kind) {
        std::error_code ec;
        if (std::filesystem::exists(std::filesystem::symlink_status(file, ec)))
            return std::nullopt;  // ignored
        report.missing = true;
        return refuse("no such file");
    }
    inbox::FileRead read = inbox::read_regular_file(file, max_file_bytes);
    if (!read.bytes) {
        report.missing = read.missing;
        return refuse(std::move(read.refusal));
    }
    return std::move(read.bytes);
}

std::vector<std::filesystem::path> expand_paths(const std::vector<std::string>& paths) {
    std::vector<std::filesystem::path> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            files.emplace_back(path);
            continue;
        }
        std::vector<std::filesystem::path> inside;
        for (const auto& entry : std::filesystem::directory_iterator(path, ec))
            if (entry.is_regular_file()) inside.push_back(entry.path());
        std::sort(inside.begin(), inside.end());
        files.insert(files.end(), inside.begin(), inside.end());
    }
    return files;
}

ImportReport import_file(Store& store, const std::filesystem::path& file, uint64_t max_file_bytes) {
    ImportReport report;
    auto bytes = start_import(file, report, max_file_bytes);
    if (!bytes) return report;
    const std::string label = printable_name(file);

    try {
        report.sha256 = inbox::sha256_hex(*bytes);
        if (inbox::already_imported(store.database(), report.sha256)) {
            report.outcome = ImportOutcome::unchanged_duplicate;
            return report;
        }
        inbox::References refs =
            inbox::load_references(store.database(), *report.kind, inbox::Pupils::on_demand);
        inbox::CheckedFile checked = inbox::check_bytes(*bytes, report.sha256, *report.kind,
                                                        inbox_format_of(file), label, refs);
        report.rows = checked.rows;
        if (!checked.ok()) {
            report.outcome = ImportOutcome::refused;
            report.problems = std::move(checked.problems);
            return report;
        }
        auto counts = inbox::write_checked(store, checked);
        if (!counts) {
            report.outcome = ImportOutcome::unchanged_duplicate;
            return report;
        }
        report.outcome = ImportOutcome::imported;
        report.inserted = counts->inserted;
        report.updated = counts->updated;
        report.unchanged = counts->unchanged;
    } catch (const std::exception& e) {
        // SQLite errors (locked, disk full) and allocation failures: the transaction
        // has rolled back, the file is not at fault.
        sqlite3* connection = store.database().getHandle();
        report.disk_full = is_disk_full(e, connection);
        roll_back_if_open(connection);
        report.outcome = ImportOutcome::failed;
        const std::string cause =
            report.disk_full ? disk_full_text("the store", store.path()) : e.what();
        report.problems = {{label, 0, "", "the store could not be written: " + cause}};
    }
    return report;
}

std::vector<ImportReport> import_files(Store& store, std::vector<std::filesystem::path> files) {
    auto rank = [](const std::filesystem::path& file) {
        auto kind = inbox_kind_of(file);
        return kind ? dependency_rank(*kind) : 1000;  // ignored files last
    };
    std::stable_sort(files.begin(), files.end(),
                     [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    std::vector<ImportReport> reports;
    reports.reserve(files.size());
    for (const auto& file : files) reports.push_back(import_file(store, file));
    return reports;
}

}  // namespace db

// Hub tests' shared set-up: a fresh hub database with the schema, inbox files written
// and imported into it, and clients (a local store in a temp dir with a Writer
// configured for the hub) that sync on demand with run_once. All names are invented.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <pqxx/pqxx>
#include <string>

#include "db/hub/hub_importer.hpp"
#include "db/hub/hub_schema.hpp"
#include "db/sync/writer.hpp"
#include "support/inbox_files.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

namespace test_support {

inline std::string terms_csv() {
    return "academic_year,term,start_date,end_date\n"
           "2025/26,autumn,2025-09-03,2025-12-19\n"
           "2025/26,spring,2026-01-05,2026-03-27\n"
           "2025/26,summer,2026-04-13,2026-07-21\n";
}
inline std::string lift_schedule_csv() {
    return "district,group,meeting_date,paperwork_deadline,venue\n"
           "Maidstone,A,2025-11-13,,Hall 1\n"
           "Maidstone,B,2025-12-04,2025-11-24,Hall 2\n";
}
inline std::string bookings_csv() {
    return "pupil_ref,kind,meeting_date,district,group,paperwork_received\n"
           "P000001,lift,2025-11-13,Maidstone,A,\n"
           "P000002,lift,2025-12-04,Maidstone,B,2025-11-20\n";
}

// Writes the small directory (schools, staff, terms, schedule, pupils, events,
// bookings) into `dir` as inbox files.
inline void write_directory_files(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    write_file(dir / "schools.csv", schools_csv());
    write_file(dir / "staff.csv", staff_csv());
    write_file(dir / "terms.csv", terms_csv());
    write_file(dir / "lift_schedule.csv", lift_schedule_csv());
    write_file(dir / "pupils.csv", pupils_csv());
    write_file(dir / "events.csv", events_csv());
    write_file(dir / "bookings.csv", bookings_csv());
}

class Hub {
  public:
    explicit Hub(std::string uri = fresh_hub_uri()) : uri_(std::move(uri)) {
        pqxx::connection connection(uri_);
        db::hub::migrate_hub(connection);
    }
    const std::string& uri() const { return uri_; }

    // Imports files into the hub; throws unless every one went in.
    void import(const std::vector<std::filesystem::path>& files) {
        pqxx::connection connection(uri_);
        for (const auto& report : db::hub::import_files_to_hub(connection, files))
            if (report.outcome != db::ImportOutcome::imported &&
                report.outcome != db::ImportOutcome::unchanged_duplicate)
                throw std::runtime_error(report.summary() + "\n" + report.error_text());
    }
    void import_directory(const TempDir& dir) {
        write_directory_files(dir / "files");
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir / "files"))
            files.push_back(entry.path());
        import(files);
    }
    int64_t count(const std::string& sql) {
        pqxx::connection connection(uri_);
        pqxx::nontransaction tx(connection);
        return tx.exec1(sql)[0].as<int64_t>();
    }
    std::string text(const std::string& sql) {
        pqxx::connection connection(uri_);
        pqxx::nontransaction tx(connection);
        auto row = tx.exec1(sql);
        return row[0].is_null() ? "NULL" : row[0].as<std::string>();
    }

  private:
    std::string uri_;
};

// One board: its own store and a Writer synced with run_once (no thread).
class Client {
  public:
    explicit Client(const std::string& hub_uri) {
        db::WriterOptions options;
        options.database = dir_ / "client.db";
        options.hub = hub_uri;
        options.today = core::parse_date("2025-11-20");
        writer_ = std::make_unique<db::Writer>(options, channel_, status_);
    }
    // Queues a triage edit; it is applied (and queued for the hub) by the next sync.
    std::future<core::CommandResult> edit(core::Command command) {
        return writer_->submit(std::move(command), "tester");
    }
    // Applies queued edits, pushes and pulls once; true when the hub pass succeeded.
    bool sync() {
        writer_->run_once();
        return !writer_->source_passes().empty() && writer_->source_passes()[0].ok;
    }
    // The hub's line of the last sync ("hub: pushed ..., pulled ..." or the error).
    std::string summary() const {
        return writer_->source_passes().empty() ? "" : writer_->source_passes()[0].summary;
    }
    std::shared_ptr<const core::Snapshot> snapshot() const { return channel_.current(); }
    const core::CaseState* case_of(const std::string& ref) const {
        return snapshot()->data->case_state(ref);
    }
    int count(const std::string& sql) const {
        SQLite::Database database((dir_ / "client.db").string());
        return database.execAndGet(sql).getInt();
    }
    core::SyncStatus& status() { return status_; }
    std::filesystem::path database() const { return dir_ / "client.db"; }

  private:
    TempDir dir_;
    core::SnapshotChannel channel_;
    core::SyncStatus status_;
    std::unique_ptr<db::Writer> writer_;
};

}  // namespace test_support

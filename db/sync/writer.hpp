// The writer thread: the one owner of the database's write connection. It imports
// complete files from the inbox folder (moving each to processed/ or quarantine/),
// applies triage commands from the UI with their audit rows, and after every commit
// builds a new immutable snapshot and publishes it. The UI thread never waits on it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/command.hpp"
#include "core/snapshot_channel.hpp"
#include "core/sync_status.hpp"
#include "db/backup/backup.hpp"
#include "db/import/importer.hpp"
#include "db/sync/sync_source.hpp"

namespace db {

class ChangeLog;
class DiskFullBackoff;
class InboxFolder;
class InboxWatcher;

struct WriterOptions {
    std::filesystem::path database;
    std::optional<std::filesystem::path> inbox;
    std::optional<core::Date> today;  // pinned date; otherwise the local date at each build
    // Where "today" comes from when it is not pinned (the local date when unset): the
    // soak bench turns days in compressed time. Called on the writer thread each pass.
    std::function<core::Date()> today_source;
    core::RulesConfig rules;
    std::string home_district = "Maidstone";  // whose meetings the boards show
    // A file unchanged this long, and open for writing nowhere (a read lease), is
    // complete; the lease is the real guard, so the settle period can be short.
    std::chrono::milliseconds settle{150};
    std::chrono::milliseconds rescan{2000};  // fallback scan when inotify says nothing
    // PostgreSQL hub connection string (db/hub/hub_source.hpp): pulled from and pushed
    // to; commands are then also queued in the hub outbox.
    std::optional<std::string> hub;
    // A larger inbox file is refused unread (`[data] max_file_mb`).
    uint64_t max_file_bytes = inbox::kDefaultMaxFileBytes;
    // Test seam: called with each inbox file just before it is read.
    std::function<void(const std::filesystem::path&)> before_import;
    // Run SQLite's quick_check on the store once the first snapshot is published (the
    // dashboard skips it before start after a clean close: store_diagnosis.hpp); damage
    // found is logged and shown as a sync failure on the status bar.
    bool check_integrity_after_start = false;
    // Build each snapshot after a change from the previous one and what the change
    // touched (change_log.hpp); false rebuilds from the whole store every time (what
    // bench/edit_bench.cpp measures as the "before").
    bool incremental = true;
    // Daily backups of the store ([backup] in the config); none when unset.
    std::optional<DailyBackupOptions> backup;
};

// What happened to one inbox file.
struct InboxOutcome {
    ImportReport report;
    std::filesystem::path moved_to;  // empty when left in the inbox
};

class Writer final : public core::CommandSink {
  public:
    Writer(WriterOptions options, core::SnapshotChannel& channel, core::SyncStatus& status);
    ~Writer() override;  // stops and joins
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Starts the thread; its first act is to build and publish a snapshot.
    void start();
    // Asks the thread to stop, interrupts a running statement, and joins.
    void stop();

    std::future<core::CommandResult> submit(core::Command command, std::string who) override;

    // When the thread last went round its loop (steady clock): a watchdog withholds its
    // ping when this grows old, so a stuck writer gets the service restarted.
    std::chrono::steady_clock::time_point heartbeat() const {
        return std::chrono::steady_clock::time_point(
            std::chrono::steady_clock::duration(heartbeat_.load()));
    }
    // A config reload: new rules and home district, then a fresh snapshot built with them.
    void set_snapshot_settings(core::RulesConfig rules, std::string home_district);

    // One pass on the calling thread, no thread started: every file in the inbox now
    // (no settle wait), queued commands, then a snapshot. For `liftboard sync --once`.
    std::vector<InboxOutcome> run_once();
    // What each sync source (the hub) did in the last run_once().
    const std::vector<SourcePass>& source_passes() const { return source_passes_; }

  private:
    struct Pending {
        core::Command command;
        std::string who;
        std::promise<core::CommandResult> promise;
    };

    void run();
    bool answer_commands(std::deque<Pending>& commands);
    std::vector<InboxOutcome> process_inbox(bool wait_for_settle, bool& still_settling);
    std::optional<InboxOutcome> process_file(const std::filesystem::path& file);
    void publish_snapshot();
    bool sync_sources(bool force);  // true when the store changed
    std::chrono::milliseconds until_sources_due(std::chrono::milliseconds at_most) const;
    void note_sync_success();
    void note_sync_failure(const std::string& message);
    void make_daily_backup();
    void check_integrity();
    // Writes the dataset cache (dataset_cache.hpp) from the last snapshot when that
    // holds all the store does: nothing written since it was built.
    void save_dataset_cache();
    // After writes: drops the cache's triggers once they deleted its token (the rest of
    // the run's imports then pay nothing for them; the next save creates them again).
    void drop_cache_triggers();
    core::Date current_day() const;
    // A write of this pass failed for want of space: `where` says which disk.
    void note_disk_full(std::string where);
    // At the end of a pass: shows a full disk in SyncStatus, or clears it once a write
    // goes through again (a small probe write when nothing else tried).
    void update_disk_full_status();

    WriterOptions options_;
    core::SnapshotChannel& channel_;
    core::SyncStatus& status_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<InboxFolder> inbox_;
    std::unique_ptr<DiskFullBackoff> disk_full_backoff_;  // inbox files that did not fit
    std::unique_ptr<InboxWatcher> watcher_;
    std::vector<std::unique_ptr<SyncSource>> sources_;
    std::vector<SourcePass> source_passes_;
    std::unique_ptr<DailyBackups> backups_;
    std::chrono::steady_clock::time_point backup_retry_at_{};  // after a failed backup
    uint64_t generation_ = 0;
    core::Date snapshot_day_;
    // What the commits since the last snapshot touched, and that snapshot: the next one
    // is built from it (store_snapshot.hpp) unless all must be rebuilt.
    std::unique_ptr<ChangeLog> changes_;
    std::shared_ptr<const core::Snapshot> last_snapshot_;
    std::string last_home_district_;
    bool rebuild_all_ = true;  // the first snapshot, and after a failed build
    // The dataset cache beside the store: tried for the first full build; written after
    // a first snapshot built without it (a start after a crash pays once) and at stop.
    std::filesystem::path cache_path_;
    bool cache_tried_ = false;
    bool cache_to_write_ = false;
    bool cache_triggers_ = true;  // may be in the store: dropped once its token is gone
    std::optional<std::string> disk_full_this_pass_;

    std::mutex mutex_;  // guards the fields below
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool inbox_dirty_ = false;
    bool source_woken_ = false;  // a source has news (hub NOTIFY)
    bool stop_requested_ = false;
    std::atomic<bool> stopping_{false};  // read by a snapshot build: ends it early
    std::optional<std::pair<core::RulesConfig, std::string>> new_settings_;  // from a reload
    std::atomic<std::chrono::steady_clock::rep> heartbeat_{
        std::chrono::steady_clock::now().time_since_epoch().count()};
    std::thread thread_;
};

}  // namespace db

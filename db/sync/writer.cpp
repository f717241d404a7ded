#include "db/sync/writer.hpp"

#include <SQLiteCpp/Transaction.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <ctime>

#include "core/snapshot.hpp"
#include "db/dataset_cache.hpp"
#include "db/disk_full.hpp"
#include "db/hub/hub_source.hpp"
#include "db/import/printable_name.hpp"
#include "db/store.hpp"
#include "db/store_diagnosis.hpp"
#include "db/sync/change_log.hpp"
#include "db/sync/command_applier.hpp"
#include "db/sync/disk_full_backoff.hpp"
#include "db/sync/inbox_folder.hpp"
#include "db/sync/inbox_watcher.hpp"
#include "db/sync/release_memory.hpp"
#include "db/sync/store_snapshot.hpp"
#include "db/sync/sync_state.hpp"

namespace db {

Writer::Writer(WriterOptions options, core::SnapshotChannel& channel, core::SyncStatus& status)
    : options_(std::move(options)), channel_(channel), status_(status) {
    store_ = std::make_unique<Store>(options_.database);
    cache_path_ = dataset_cache_path(options_.database);
    changes_ = std::make_unique<ChangeLog>(*store_);
    if (options_.inbox) {
        inbox_ = std::make_unique<InboxFolder>(*options_.inbox, options_.settle);
        disk_full_backoff_ = std::make_unique<DiskFullBackoff>(options_.rescan);
        status_.set_source_configured(true);
        if (auto last = last_sync_success(*store_, inbox_source_name(*options_.inbox)))
            status_.restore_last_success(*last);
    }
    if (options_.backup) backups_ = std::make_unique<DailyBackups>(*options_.backup);
    if (options_.hub) {
        hub::HubSourceOptions hub_options;
        hub_options.connection_string = *options_.hub;
        sources_.push_back(std::make_unique<hub::HubSource>(std::move(hub_options), status_));
        status_.set_source_configured(true);
        if (auto last = last_sync_success(*store_, sources_.back()->name()))
            status_.restore_last_success(*last);
    }
}

Writer::~Writer() {
    stop();
}

void Writer::start() {
    if (inbox_) {
        watcher_ = std::make_unique<InboxWatcher>(inbox_->path(), [this] {
            std::lock_guard lock(mutex_);
            inbox_dirty_ = true;
            wake_.notify_one();
        });
    }
    for (auto& source : sources_)
        source->start([this] {
            std::lock_guard lock(mutex_);
            source_woken_ = true;
            wake_.notify_one();
        });
    thread_ = std::thread([this] { run(); });
}

void Writer::stop() {
    {
        std::lock_guard lock(mutex_);
        stop_requested_ = true;
    }
    wake_.notify_one();
    // An import or snapshot load in progress ends at its next step; its transaction
    // rolls back and the file stays in the inbox for the next start. A snapshot build
    // ends too: an exit after the first frame must not wait for one (from the cache the
    // build, not the load, is most of the first snapshot).
    stopping_ = true;
    for (auto& source : sources_) source->stop();  // also ends a long hub pull early
    if (thread_.joinable()) {
        sqlite3_interrupt(store_->database().getHandle());
        thread_.join();
        // The thread is gone: its connection is this thread's now. The next start then
        // reads the cache instead of the store (skipped when a pass was cut short, or
        // anything was written after the last snapshot).
        save_dataset_cache();
    }
    watcher_.reset();
    std::lock_guard lock(mutex_);
    for (auto& pending : queue_) pending.promise.set_value({false, "liftboard is shutting down"});
    queue_.clear();
}

std::future<core::CommandResult> Writer::submit(core::Command command, std::string who) {
    Pending pending{std::move(command), std::move(who), {}};
    auto future = pending.promise.get_future();
    {
        std::lock_guard lock(mutex_);
        if (stop_requested_) {
            pending.promise.set_value({false, "liftboard is shutting down"});
            return future;
        }
        queue_.push_back(std::move(pending));
    }
    wake_.notify_one();
    return future;
}

void Writer::set_snapshot_settings(core::RulesConfig rules, std::string home_district) {
    {
        std::lock_guard lock(mutex_);
        new_settings_.emplace(rules, std::move(home_district));
    }
    wake_.notify_one();
}

void Writer::run() {
    bool settling = false;
    bool first = true;
    for (;;) {
        heartbeat_.store(std::chrono::steady_clock::now().time_since_epoch().count());
        std::deque<Pending> commands;
        bool resettled = false;
        {
            std::unique_lock lock(mutex_);
            auto wait = until_sources_due(
                settling && inbox_ ? std::chrono::ceil<std::chrono::milliseconds>(
                                         inbox_->until_next_settled())
                                   : options_.rescan);
            if (!first)
                wake_.wait_for(lock, wait, [this] {
                    return stop_requested_ || !queue_.empty() || inbox_dirty_ || source_woken_ ||
                           new_settings_;
                });
            if (stop_requested_) return;
            commands.swap(queue_);
            inbox_dirty_ = false;
            source_woken_ = false;
            if (new_settings_) {
                options_.rules = new_settings_->first;
                options_.home_district = std::move(new_settings_->second);
                new_settings_.reset();
                resettled = true;
            }
        }
        heartbeat_.store(std::chrono::steady_clock::now().time_since_epoch().count());
        try {
            bool changed = first || resettled;
            const bool commanded = !commands.empty();
            if (commanded) changed = !answer_commands(commands);
            if (inbox_) {
                auto outcomes = process_inbox(true, settling);
                changed |= std::any_of(outcomes.begin(), outcomes.end(), [](const InboxOutcome& o) {
                    return o.report.outcome == ImportOutcome::imported;
                });
            }
            changed |= sync_sources(false);
            if (current_day() != snapshot_day_) changed = true;
            if (changed) publish_snapshot();
            if ((changed || commanded) && !first) drop_cache_triggers();
            if (first && options_.check_integrity_after_start) check_integrity();
            if (cache_to_write_) save_dataset_cache();
            make_daily_backup();
        } catch (const core::BuildCancelled&) {
            return;  // stopping
        } catch (const std::exception& e) {
            if (is_disk_full(e, store_->database().getHandle()))
                note_disk_full(disk_full_text("the store", options_.database));
            roll_back_if_open(store_->database().getHandle());
            spdlog::error("writer: {}", e.what());
            note_sync_failure(e.what());
        }
        update_disk_full_status();
        first = false;
    }
}

// Applies the UI's commands and answers each once the snapshot that shows it is
// published, before any inbox or hub work: whatever fails there, a saved edit is never
// reported as not saved. Returns whether that snapshot was published.
bool Writer::answer_commands(std::deque<Pending>& commands) {
    std::vector<core::CommandResult> results;
    results.reserve(commands.size());
    for (auto& pending : commands) {
        results.push_back(
            apply_command(*store_, pending.command, pending.who, options_.hub.has_value()));
        if (results.back().disk_full)
            note_disk_full(disk_full_text("the store", options_.database));
    }
    bool published = false;
    try {
        publish_snapshot();
        published = true;
    } catch (const std::exception& e) {
        spdlog::error("writer: cannot publish a snapshot: {}", e.what());
    }
    for (size_t i = 0; i < commands.size(); ++i) commands[i].promise.set_value(results[i]);
    return published;
}

std::vector<InboxOutcome> Writer::run_once() {
    std::deque<Pending> commands;
    {
        std::lock_guard lock(mutex_);
        commands.swap(queue_);
    }
    for (auto& pending : commands) {
        auto result =
            apply_command(*store_, pending.command, pending.who, options_.hub.has_value());
        if (result.disk_full) note_disk_full(disk_full_text("the store", options_.database));
        pending.promise.set_value(std::move(result));
    }
    bool settling = false;
    std::vector<InboxOutcome> outcomes;
    if (inbox_) outcomes = process_inbox(false, settling);
    source_passes_.clear();
    for (auto& source : sources_) source_passes_.push_back(source->sync(*store_, true));
    publish_snapshot();
    update_disk_full_status();
    return outcomes;
}

std::vector<InboxOutcome> Writer::process_inbox(bool wait_for_settle, bool& still_settling) {
    std::vector<std::filesystem::path> files =
        wait_for_settle ? inbox_->ready_files(still_settling) : inbox_->all_files();
    // Dependency order, so a drop of pupils and their events goes in whatever the names.
    std::erase_if(files, [](const auto& f) { return !inbox_kind_of(f); });
    std::stable_sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return dependency_rank(*inbox_kind_of(a)) < dependency_rank(*inbox_kind_of(b));
    });
    disk_full_backoff_->keep_only(files);
    std::vector<InboxOutcome> outcomes;
    const auto now = std::chrono::steady_clock::now();
    for (const auto& file : files) {
        {
            std::lock_guard lock(mutex_);
            if (stop_requested_) break;
        }
        // A file held back for want of space holds back the files after it too: they may
        // need its rows (events need their pupils), and the disk is as full for them.
        if (!disk_full_backoff_->due(file, now)) break;
        if (auto outcome = process_file(file)) outcomes.push_back(std::move(*outcome));
        heartbeat_.store(std::chrono::steady_clock::now().time_since_epoch().count());
    }
    return outcomes;
}

// One file, start to end; nullopt when it went before it could be read (nothing to
// import or quarantine). A file that cannot be moved out of the inbox costs that file
// only: it is set aside until it changes, and the pass goes on.
std::optional<InboxOutcome> Writer::process_file(const std::filesystem::path& file) {
    if (options_.before_import) options_.before_import(file);
    status_.set_in_flight(true);
    InboxOutcome outcome{import_file(*store_, file, options_.max_file_bytes), {}};
    status_.set_in_flight(false);
    const ImportReport& report = outcome.report;
    // Held back for want of space only while it goes on running into the full disk.
    const auto out_of_space = [&] {
        disk_full_backoff_->failed(file, report.disk_full ? options_.database : inbox_->path(),
                                   std::chrono::steady_clock::now());
    };
    if (report.missing) {
        disk_full_backoff_->done(file);
        spdlog::info("inbox: {}: gone before it was read, skipped", printable_name(file));
        return std::nullopt;
    }
    const char* destination =
        report.outcome == ImportOutcome::refused ? "quarantine/" : "processed/";
    try {
        switch (report.outcome) {
            case ImportOutcome::imported:
            case ImportOutcome::unchanged_duplicate:
                outcome.moved_to = inbox_->move_to_processed(file);
                status_.count_imported();
                note_sync_success();
                spdlog::info("inbox: {}", report.summary());
                break;
            case ImportOutcome::refused:
                outcome.moved_to =
                    inbox_->move_to_quarantine(file, report.summary() + "\n" + report.error_text());
                status_.count_quarantined();
                note_sync_failure(report.summary());
                spdlog::warn("inbox: {}", report.summary());
                break;
            case ImportOutcome::failed:  // the store, not the file: leave it for a later pass
                if (report.disk_full) {
                    note_disk_full(disk_full_text("the store", options_.database));
                    out_of_space();
                }
                note_sync_failure(report.summary());
                spdlog::error("inbox: {}: {}", report.summary(),
                              report.problems.empty() ? "" : report.problems.front().reason);
                break;
            case ImportOutcome::ignored:
                break;
        }
        if (!report.disk_full) disk_full_backoff_->done(file);  // it went through, or not for space
    } catch (const std::filesystem::filesystem_error& e) {
        if (is_disk_full(e.code())) {
            // Nothing moved (a quarantine report is written before its file moves): the
            // file stays in the inbox and goes on a later pass, when there is room.
            const std::string where = disk_full_text("the inbox folder", inbox_->path());
            note_disk_full(where);
            out_of_space();
            const std::string message = printable_name(file) + ": " +
                                        std::string(to_string(report.outcome)) + ", not moved to " +
                                        destination + ": " + where + "; left in the inbox";
            note_sync_failure(message);
            spdlog::error("inbox: {}", message);
            return outcome;
        }
        // e.what() would repeat the raw names; the escaped name and the reason suffice.
        std::error_code ignored;
        const bool moved = !std::filesystem::exists(std::filesystem::symlink_status(file, ignored));
        inbox_->set_aside(file);
        disk_full_backoff_->done(file);
        const std::string what =
            moved ? std::string("moved to ") + destination + ", but its report not written ("
                  : std::string("not moved to ") + destination + " (";
        const std::string message =
            printable_name(file) + ": " + std::string(to_string(report.outcome)) + ", " + what +
            e.code().message() + ")" + (moved ? "" : "; left in the inbox until it changes");
        note_sync_failure(message);
        spdlog::error("inbox: {}", message);
    }
    return outcome;
}

void Writer::publish_snapshot() {
    core::SnapshotOptions options{current_day(), options_.rules, options_.home_district,
                                  &stopping_};
    snapshot_day_ = options.today;
    const StoreChanges changes = changes_->take();
    // A new day or new settings change every pupil's findings: those rebuild all.
    const bool full = rebuild_all_ || !options_.incremental || !last_snapshot_ ||
                      changes.everything || last_snapshot_->today != options.today ||
                      !(last_snapshot_->rules == options.rules) ||
                      last_home_district_ != options.home_district;
    rebuild_all_ = true;  // until this build is out: what it was told is taken
    std::optional<core::Dataset> cached;
    if (full && !cache_tried_) {
        cache_tried_ = true;
        cached = load_dataset_cache(*store_, cache_path_);
        cache_to_write_ = !cached;
        if (cached) spdlog::info("writer: the first snapshot from {}", cache_path_.string());
    }
    last_snapshot_ =
        cached ? snapshot_from_dataset(*store_, std::move(*cached), options, ++generation_)
        : full ? snapshot_from_store(*store_, options, ++generation_)
               : snapshot_after_change(*store_, *last_snapshot_, changes, options, ++generation_);
    last_home_district_ = options.home_district;
    rebuild_all_ = false;
    channel_.publish(last_snapshot_);
    store_->release_cache();
    release_free_memory();  // the build's temporaries and, usually, the old snapshot
}

bool Writer::sync_sources(bool force) {
    bool changed = false;
    for (auto& source : sources_) changed |= source->sync(*store_, force).changed;
    return changed;
}

std::chrono::milliseconds Writer::until_sources_due(std::chrono::milliseconds at_most) const {
    auto now = SyncSource::Clock::now();
    for (const auto& source : sources_)
        at_most = std::min(at_most, std::chrono::duration_cast<std::chrono::milliseconds>(
                                        source->next_due() - now));
    return std::max(at_most, std::chrono::milliseconds(0));
}

void Writer::make_daily_backup() {
    if (!backups_ || std::chrono::steady_clock::now() < backup_retry_at_) return;
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const core::Date day =
        core::Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                             static_cast<unsigned>(local.tm_mday));
    if (!backups_->due(day, local.tm_hour * 60 + local.tm_min)) return;
    try {
        // The writer's own connection: nothing writes while it copies.
        spdlog::info("backup: {}", backups_->run(store_->database(), day).string());
    } catch (const std::exception& e) {
        // A full disk must not make every pass copy the whole store again.
        backup_retry_at_ = std::chrono::steady_clock::now() + std::chrono::minutes(10);
        spdlog::error("backup: {}", e.what());
        status_.record_failure(std::string("backup failed: ") + e.what());
    }
}

void Writer::save_dataset_cache() {
    cache_to_write_ = false;
    if (!last_snapshot_ || rebuild_all_ || changes_->pending()) return;
    try {
        if (db::save_dataset_cache(*store_, *last_snapshot_->data, changes_->data_version(),
                                   cache_path_))
            cache_triggers_ = true;
    } catch (const std::exception& e) {  // pending() reads the store too
        roll_back_if_open(store_->database().getHandle());
        spdlog::warn("writer: the snapshot cache not written: {}", e.what());
    }
}

void Writer::drop_cache_triggers() {
    if (!cache_triggers_) return;
    try {
        cache_triggers_ = drop_unneeded_cache_triggers(*store_);
    } catch (const std::exception& e) {  // kept: they cost time, never correctness
        roll_back_if_open(store_->database().getHandle());
        spdlog::warn("writer: the snapshot cache's triggers not dropped: {}", e.what());
    }
}

void Writer::check_integrity() {
    const std::string found = quick_check(store_->database());
    heartbeat_.store(std::chrono::steady_clock::now().time_since_epoch().count());
    if (found == "ok") return;
    const std::string message = "the database is damaged: integrity check: " + found +
                                ". Stop liftboard and restore the latest backup (README: Backups)";
    spdlog::error("{}: {}", options_.database.string(), message);
    status_.record_failure(message);
}

void Writer::note_sync_success() {
    status_.record_success();
    try {
        record_sync_success(*store_, inbox_source_name(*options_.inbox));
    } catch (const std::exception& e) {
        // The import itself is committed; only its time in sync_state is not.
        if (is_disk_full(e, store_->database().getHandle()))
            note_disk_full(disk_full_text("the store", options_.database));
        roll_back_if_open(store_->database().getHandle());
        spdlog::error("writer: cannot record the sync time: {}", e.what());
    }
}

core::Date Writer::current_day() const {
    if (options_.today) return *options_.today;
    return options_.today_source ? options_.today_source() : core::today_local();
}

void Writer::note_disk_full(std::string where) {
    disk_full_this_pass_ = std::move(where);
}

void Writer::update_disk_full_status() {
    if (disk_full_this_pass_) {
        if (!status_.disk_full())
            spdlog::error(
                "writer: not saved: {}; kept where it was and retried until there is room",
                *disk_full_this_pass_);
        status_.set_disk_full(std::move(*disk_full_this_pass_));
        disk_full_this_pass_.reset();
        return;
    }
    if (!status_.disk_full()) return;
    // An inbox file held back for want of space ends the state when it goes through, at
    // its next try (a small probe write may fit where the file does not).
    if (disk_full_backoff_ && disk_full_backoff_->held() > 0) return;
    // Nothing this pass ran into the full disk, but perhaps nothing tried to write: one
    // small committed write says there is room again.
    try {
        SQLite::Transaction transaction(store_->database());
        store_->set_meta("space_checked_at", std::to_string(std::time(nullptr)));
        transaction.commit();
        status_.clear_disk_full();
        spdlog::info("writer: there is room on the disk again");
    } catch (const std::exception& e) {
        const bool still_full = is_disk_full(e, store_->database().getHandle());
        roll_back_if_open(store_->database().getHandle());
        if (!still_full) spdlog::error("writer: cannot write the store: {}", e.what());
    }
}

void Writer::note_sync_failure(const std::string& message) {
    status_.record_failure(message);
    if (options_.inbox) {
        try {
            record_sync_error(*store_, inbox_source_name(*options_.inbox), message);
        } catch (const std::exception& e) {
            sqlite3* connection = store_->database().getHandle();
            const std::string why = is_disk_full(e, connection)
                                        ? disk_full_text("the store", options_.database)
                                        : e.what();
            roll_back_if_open(connection);
            spdlog::error("writer: cannot record sync error: {}", why);
        }
    }
}

}  // namespace db

// What the sync side tells the UI, readable without locks: whether an import is in
// flight, when data last synced, how many files went in or to quarantine, the last
// error, and whether the disk is full. Ages come from the steady clock, so a
// wall-clock jump never fakes freshness.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace core {

class SyncStatus {
  public:
    using SteadyClock = std::chrono::steady_clock;
    using WallClock = std::chrono::system_clock;

    struct View {
        bool source_configured = false;  // an inbox or hub is being synced from
        bool in_flight = false;
        std::optional<WallClock::time_point> last_success;  // for display (HH:MM)
        std::optional<SteadyClock::duration> age;           // since last success
        bool last_attempt_failed = false;
        std::string last_error;
        uint32_t files_imported = 0;
        uint32_t files_quarantined = 0;
        // Set while a configured hub cannot be reached: since when (the status bar
        // shows "hub offline since HH:MM"; see core/hub_status_text.hpp).
        std::optional<WallClock::time_point> hub_offline_since;
        // Set while writes fail because a disk is full: where ("the store
        // /var/lib/liftboard/store.db"). Nothing is lost (a file stays in the inbox, an
        // edit is answered "not saved"), and it clears at the next write that succeeds.
        std::optional<std::string> disk_full;
        // Stale: no success within `threshold`, or none at all with a source configured.
        bool stale(SteadyClock::duration threshold) const {
            return source_configured && (!age || *age > threshold);
        }
    };

    void set_source_configured(bool configured) { source_configured_.store(configured); }
    void set_in_flight(bool in_flight) { in_flight_.store(in_flight); }

    // A success recorded by an earlier run (from the store's sync_state): its age is
    // carried over onto the steady clock once, at start-up.
    void restore_last_success(WallClock::time_point when) {
        auto age = WallClock::now() - when;
        last_success_wall_.store(when.time_since_epoch().count());
        last_success_steady_.store(
            (SteadyClock::now() - std::chrono::duration_cast<SteadyClock::duration>(age))
                .time_since_epoch()
                .count());
    }
    void record_success() {
        last_success_wall_.store(WallClock::now().time_since_epoch().count());
        last_success_steady_.store(SteadyClock::now().time_since_epoch().count());
        last_attempt_failed_.store(false);
    }
    void record_failure(std::string message) {
        last_error_.store(std::make_shared<const std::string>(std::move(message)));
        last_attempt_failed_.store(true);
    }
    // The first failure of an outage sets the time; later ones keep it.
    void set_hub_offline_since(WallClock::time_point when) {
        int64_t never = kNever;
        hub_offline_since_.compare_exchange_strong(never, when.time_since_epoch().count());
    }
    void clear_hub_offline() { hub_offline_since_.store(kNever); }
    void set_disk_full(std::string where) {
        disk_full_.store(std::make_shared<const std::string>(std::move(where)));
    }
    void clear_disk_full() { disk_full_.store(nullptr); }
    bool disk_full() const { return disk_full_.load() != nullptr; }
    void count_imported() { files_imported_.fetch_add(1); }
    void count_quarantined() { files_quarantined_.fetch_add(1); }

    View read() const {
        View v;
        v.source_configured = source_configured_.load();
        v.in_flight = in_flight_.load();
        if (int64_t wall = last_success_wall_.load(); wall != kNever)
            v.last_success = WallClock::time_point(WallClock::duration(wall));
        if (int64_t steady = last_success_steady_.load(); steady != kNever)
            v.age = SteadyClock::now() - SteadyClock::time_point(SteadyClock::duration(steady));
        v.last_attempt_failed = last_attempt_failed_.load();
        if (auto error = last_error_.load()) v.last_error = *error;
        v.files_imported = files_imported_.load();
        v.files_quarantined = files_quarantined_.load();
        if (int64_t since = hub_offline_since_.load(); since != kNever)
            v.hub_offline_since = WallClock::time_point(WallClock::duration(since));
        if (auto where = disk_full_.load()) v.disk_full = *where;
        return v;
    }

  private:
    static constexpr int64_t kNever = INT64_MIN;
    std::atomic<bool> source_configured_{false};
    std::atomic<bool> in_flight_{false};
    std::atomic<int64_t> last_success_wall_{kNever};
    std::atomic<int64_t> last_success_steady_{kNever};
    std::atomic<bool> last_attempt_failed_{false};
    std::atomic<std::shared_ptr<const std::string>> last_error_;
    std::atomic<uint32_t> files_imported_{0};
    std::atomic<uint32_t> files_quarantined_{0};
    std::atomic<int64_t> hub_offline_since_{kNever};
    std::atomic<std::shared_ptr<const std::string>> disk_full_;
};

// The words every surface uses for a write refused by a full disk, so a person (and a
// test) sees the same cause on the board, in a form's answer and in the log.
inline constexpr const char* kDiskFullText = "the disk is full";

}  // namespace core

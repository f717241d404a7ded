// The hub as a sync source of the writer thread: each pass pushes the outbox, then
// pulls what changed; a LISTEN thread wakes the writer when the hub announces a
// change, and a poll catches anything a dropped notice missed. An unreachable hub
// leaves the board on its last data with "hub offline since" set in SyncStatus, and is
// retried with capped, jittered backoff; edits made meanwhile wait in the outbox.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <pqxx/connection>
#include <string>

#include "core/sync_status.hpp"
#include "db/hub/backoff.hpp"
#include "db/hub/hub_pull.hpp"
#include "db/sync/sync_source.hpp"

namespace db::hub {

class HubListener;

struct HubSourceOptions {
    std::string connection_string;  // libpq URI or key/value string; never stored or logged
    std::chrono::milliseconds poll{5000};
    std::chrono::milliseconds retry_initial{500};
    std::chrono::milliseconds retry_cap{30000};
    bool listen = true;  // LISTEN/NOTIFY; off leaves the poll alone
    PullOptions pull;
};

class HubSource final : public SyncSource {
  public:
    HubSource(HubSourceOptions options, core::SyncStatus& status);
    ~HubSource() override;

    const std::string& name() const override { return name_; }
    SourcePass sync(Store& store, bool force) override;
    Clock::time_point next_due() const override;
    void start(std::function<void()> wake) override;
    void stop() override;

  private:
    SourcePass attempt(Store& store);
    void note_failure(Store& store, const std::string& message);
    void note_success(Store& store);

    HubSourceOptions options_;
    core::SyncStatus& status_;
    std::string name_;
    std::unique_ptr<pqxx::connection> connection_;
    std::string hub_id_;
    Backoff backoff_;
    bool offline_ = false;
    bool old_names_forgotten_ = false;
    Clock::time_point due_{};  // next poll, or next retry while offline
    std::atomic<bool> news_{false};
    std::atomic<bool> stopping_{false};
    std::unique_ptr<HubListener> listener_;
};

// The `name()` of a hub source: "hub:" and its hub_label(), never the connection
// string (it is stored in sync_state and logged).
std::string hub_source_name(const std::string& connection_string);

}  // namespace db::hub

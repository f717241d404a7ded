// A source the writer thread syncs with besides the inbox (the PostgreSQL hub): each
// pass the writer lets it push and pull on the writer's own store connection, so the
// writer stays the only writer of SQLite. The source keeps its own schedule (poll
// interval, backoff after failures) and can wake the writer when it has news.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace db {

class Store;

struct SourcePass {
    bool attempted = false;  // false when the source was not due (e.g. backing off)
    bool ok = false;
    bool changed = false;  // the store changed: publish a snapshot
    std::string summary;   // one line for `sync --once`; passwords redacted
};

class SyncSource {
  public:
    using Clock = std::chrono::steady_clock;
    virtual ~SyncSource() = default;

    // "hub:<connection string without password>": the sync_state row it reports in.
    virtual const std::string& name() const = 0;
    // Called on the writer thread every pass. `force` runs it even when not due (for
    // `sync --once`). Never throws for a source failure (it is reported in SyncStatus);
    // throws only when the local store fails.
    virtual SourcePass sync(Store& store, bool force) = 0;
    // When it next wants a pass, at the latest.
    virtual Clock::time_point next_due() const = 0;
    // Starts and stops helper threads (a LISTEN connection) that call `wake` when the
    // source has news; `wake` must be cheap and thread-safe.
    virtual void start(std::function<void()> wake) = 0;
    virtual void stop() = 0;
};

}  // namespace db

// What the writer's commits touched since the last snapshot, so the next one can be
// built from the previous (core/snapshot_patch.cpp) instead of from the whole store.
// Recorded by TEMP triggers on the writer's own connection: every write path (triage
// commands, inbox imports of every kind, hub pulls) is seen, including ones added later,
// with no code on those paths to keep in step, and a rolled-back transaction takes its
// records with it. Writes by another connection (another process on the same file) are
// not seen by triggers; PRAGMA data_version tells of them, and then all is rebuilt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace db {

class Store;

struct StoreChanges {
    // Rebuild everything: a reference table (schools, terms, groups, staff, schedule,
    // districts) changed, a pupil came or went, a row of an event kind this version
    // cannot read was written, or another connection wrote.
    bool everything = false;
    std::vector<std::string> pupils;  // refs whose pupil, event, booking or case rows changed
    bool pupil_records = false;       // one of them had its own pupil row updated
};

class ChangeLog {
  public:
    // Creates the temp table and triggers on the store's connection.
    explicit ChangeLog(Store& store);
    // The changes since the last take() (or since construction), and forgets them.
    StoreChanges take();
    // Whether anything was recorded since the last take(), or another connection wrote
    // (a peek: nothing is forgotten). False means the snapshot built after that take()
    // still holds what the store holds.
    bool pending();
    // PRAGMA data_version as the last take() (or construction) saw it.
    int64_t data_version() const { return data_version_; }

  private:
    Store& store_;
    int64_t data_version_ = 0;
};

}  // namespace db

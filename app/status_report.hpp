// `liftboard ctl status`: one JSON object describing the running kiosk, built on the
// control server's thread from state every thread may read (LiveState, the snapshot
// channel, the writer's SyncStatus), so it answers even while the frame loop is stuck.
// Never holds pupil data: counts, times and texts the status bar already shows.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "app/live_state.hpp"
#include "core/snapshot_channel.hpp"
#include "core/sync_status.hpp"

namespace app {

struct StatusSources {
    std::chrono::steady_clock::time_point started;
    const LiveState* live = nullptr;
    const core::SnapshotChannel* channel = nullptr;
    const core::SyncStatus* sync = nullptr;
    bool hub_configured = false;
    std::optional<std::filesystem::path> inbox;  // counts files waiting there
};

std::string status_json(const StatusSources& sources);

// The process's resident memory in KiB (/proc/self/statm); 0 when unreadable.
uint64_t resident_kib();

// "caseload · data 4 min old": what systemd shows as the unit's STATUS=.
std::string status_line(const StatusSources& sources);

}  // namespace app

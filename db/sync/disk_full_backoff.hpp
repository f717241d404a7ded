// Inbox files that did not fit on a full disk, held back so the writer does not read
// and import a large file on every pass (every `rescan`, 2 s) while the disk stays full,
// logging an error each time into a journal on that same full disk. A held file is tried
// again when its delay has passed (the first pass's delay, doubled at each failure up to
// five minutes), or at once when its disk has gained at least the file's size in free
// space since it failed: freeing space is the fix, and the wall should catch up as soon
// as it is done, not minutes later.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <vector>

namespace db {

class DiskFullBackoff {
  public:
    using Clock = std::chrono::steady_clock;
    // Free bytes on the file system holding a path (0 when unknown).
    using FreeSpace = std::function<uint64_t(const std::filesystem::path&)>;

    explicit DiskFullBackoff(std::chrono::milliseconds first,
                             std::chrono::milliseconds longest = std::chrono::minutes(5),
                             FreeSpace free_space = free_bytes);

    // `file` did not fit on the disk holding `where` (the store, or the inbox folder).
    void failed(const std::filesystem::path& file, const std::filesystem::path& where,
                Clock::time_point now);
    // Whether this pass should try `file`.
    bool due(const std::filesystem::path& file, Clock::time_point now) const;
    // `file` went through (imported, quarantined) or is gone: forgotten.
    void done(const std::filesystem::path& file) { held_.erase(file); }
    // Forgets every held file not in `present` (taken out of the inbox, or being written
    // again: a new file is tried as new).
    void keep_only(const std::vector<std::filesystem::path>& present);
    size_t held() const { return held_.size(); }

    // statvfs: the bytes an unprivileged writer may still use; 0 when it fails.
    static uint64_t free_bytes(const std::filesystem::path& where);

  private:
    struct Held {
        std::filesystem::path where;
        Clock::time_point next_try;
        std::chrono::milliseconds delay;
        uint64_t free_at_failure = 0;
        uint64_t needs = 0;  // the file's size: the room that makes a retry worthwhile
    };
    std::chrono::milliseconds first_, longest_;
    FreeSpace free_space_;
    std::map<std::filesystem::path, Held> held_;
};

}  // namespace db

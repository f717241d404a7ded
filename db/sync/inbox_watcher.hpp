// Watches the inbox folder with inotify on a thread of its own and calls `on_change`
// whenever something in it is created, written, closed or moved in. Only a hint: the
// writer rescans the folder on a timer as well, so a missed event (or a file system
// without inotify) costs latency, never a file.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>

namespace db {

class InboxWatcher {
public:
    InboxWatcher(const std::filesystem::path& folder, std::function<void()> on_change);
    ~InboxWatcher();  // stops and joins at once
    InboxWatcher(const InboxWatcher&) = delete;
    InboxWatcher& operator=(const InboxWatcher&) = delete;

    bool active() const { return inotify_fd_ >= 0; }

private:
    void run();

    std::function<void()> on_change_;
    int inotify_fd_ = -1;
    int stop_fd_ = -1;  // eventfd: the destructor writes to it to end poll() at once
    std::thread thread_;
};

}  // namespace db

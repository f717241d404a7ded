#include "db/sync/inbox_watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstdint>

namespace db {

InboxWatcher::InboxWatcher(const std::filesystem::path& folder, std::function<void()> on_change)
    : on_change_(std::move(on_change)) {
    inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (inotify_fd_ >= 0 &&
        inotify_add_watch(inotify_fd_, folder.c_str(),
                          IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE_SELF) < 0) {
        ::close(inotify_fd_);
        inotify_fd_ = -1;
    }
    if (inotify_fd_ >= 0 && stop_fd_ >= 0) thread_ = std::thread([this] { run(); });
}

InboxWatcher::~InboxWatcher() {
    if (stop_fd_ >= 0) {
        uint64_t one = 1;
        [[maybe_unused]] auto written = ::write(stop_fd_, &one, sizeof one);
    }
    if (thread_.joinable()) thread_.join();
    if (inotify_fd_ >= 0) ::close(inotify_fd_);
    if (stop_fd_ >= 0) ::close(stop_fd_);
}

void InboxWatcher::run() {
    alignas(inotify_event) char buffer[8192];
    for (;;) {
        pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) continue;  // EINTR
        if (fds[1].revents) return;
        bool changed = false;
        while (::read(inotify_fd_, buffer, sizeof buffer) > 0) changed = true;
        if (changed) on_change_();
    }
}

}  // namespace db

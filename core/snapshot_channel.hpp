// The hand-off of snapshots from the writer thread to the UI thread: the writer
// publishes, the UI loads the current pointer once per frame and draws from it with
// no lock held.
//
// Why a mutex and not std::atomic<std::shared_ptr>: libstdc++ 12's atomic<shared_ptr>
// releases its internal lock in load() with relaxed ordering, a real data race that
// ThreadSanitizer reports (our sync test runs under it). The mutex here is held only
// for a pointer copy and a reference-count increment, never while a snapshot is built
// or drawn, so a frame cannot be held up by the writer's work.
#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "core/snapshot.hpp"

namespace core {

class SnapshotChannel {
public:
    // Called after each publish, from the publishing thread (the app passes a function
    // that wakes the UI, e.g. glfwPostEmptyEvent). Set before any thread publishes.
    void set_waker(std::function<void()> waker) { waker_ = std::move(waker); }

    void publish(std::shared_ptr<const Snapshot> snapshot) {
        {
            std::lock_guard lock(mutex_);
            current_.swap(snapshot);
        }
        // The previous snapshot (now in `snapshot`) is released here, outside the lock:
        // freeing a large one must not hold up a frame.
        snapshot.reset();
        if (waker_) waker_();
    }

    std::shared_ptr<const Snapshot> current() const {
        std::lock_guard lock(mutex_);
        return current_;
    }

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const Snapshot> current_;
    std::function<void()> waker_;
};

}  // namespace core

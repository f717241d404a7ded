// The hand-off of snapshots from the writer thread to the UI thread: the writer
// publishes, the UI loads the current pointer once per frame. Lock-free on both sides
// (std::atomic<std::shared_ptr>), so a frame never waits on the writer.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include "core/snapshot.hpp"

namespace core {

class SnapshotChannel {
public:
    // Called after each publish, from the publishing thread (the app passes a function
    // that wakes the UI, e.g. glfwPostEmptyEvent). Set before any thread publishes.
    void set_waker(std::function<void()> waker) { waker_ = std::move(waker); }

    void publish(std::shared_ptr<const Snapshot> snapshot) {
        current_.store(std::move(snapshot), std::memory_order_release);
        if (waker_) waker_();
    }

    std::shared_ptr<const Snapshot> current() const {
        return current_.load(std::memory_order_acquire);
    }

private:
    std::atomic<std::shared_ptr<const Snapshot>> current_;
    std::function<void()> waker_;
};

}  // namespace core

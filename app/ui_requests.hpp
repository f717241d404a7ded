// Requests that must run on the UI thread (they touch the window, ImGui or the App),
// handed over from other threads: the control server and the signal thread post; the
// frame loop drains the queue once per turn and answers each through its promise.
// Posting wakes the loop, so a request waits at most for the frame in progress.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>

#include "app/control_protocol.hpp"

namespace app {

class UiRequests {
  public:
    // `wake` interrupts the frame loop's sleep (Window::wake).
    explicit UiRequests(std::function<void()> wake) : wake_(std::move(wake)) {}

    std::future<std::string> post(ControlRequest request) {
        Item item{std::move(request), {}};
        auto reply = item.reply.get_future();
        {
            std::lock_guard lock(mutex_);
            if (closed_) {
                item.reply.set_value(control_error("liftboard is stopping"));
                return reply;
            }
            items_.push_back(std::move(item));
        }
        if (wake_) wake_();
        return reply;
    }

    // Posts and waits up to `timeout` for the reply; nullopt when the loop did not answer.
    std::optional<std::string> ask(ControlRequest request, std::chrono::milliseconds timeout) {
        auto reply = post(std::move(request));
        if (reply.wait_for(timeout) != std::future_status::ready) return std::nullopt;
        return reply.get();
    }

    // The loop has ended: waiting and later requests are answered at once, so a
    // client (and the control thread serving it) is not left waiting at shutdown.
    void close() {
        std::deque<Item> items;
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
            items.swap(items_);
        }
        for (Item& item : items) item.reply.set_value(control_error("liftboard is stopping"));
    }

    // UI thread: runs `answer` on every waiting request, in order.
    template <class Answer>
    void drain(Answer&& answer) {
        std::deque<Item> items;
        {
            std::lock_guard lock(mutex_);
            items.swap(items_);
        }
        for (Item& item : items) answer(item.request, item.reply);
    }

  private:
    struct Item {
        ControlRequest request;
        std::promise<std::string> reply;
    };
    std::function<void()> wake_;
    std::mutex mutex_;
    std::deque<Item> items_;
    bool closed_ = false;
};

}  // namespace app

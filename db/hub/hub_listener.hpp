// A thread with its own hub connection that LISTENs for the hub's change notices and
// calls back on each, so another client's edit reaches this board in well under a
// second instead of at the next poll. Reconnects with backoff; touches no SQLite.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace db::hub {

class HubListener {
  public:
    // `on_news` runs on the listener thread, also after each (re)connection, since
    // changes made while not listening were not announced.
    HubListener(std::string connection_string, std::function<void()> on_news);
    ~HubListener();  // stops and joins
    HubListener(const HubListener&) = delete;
    HubListener& operator=(const HubListener&) = delete;

  private:
    void run();
    bool sleep_unless_stopped(std::chrono::milliseconds delay);

    std::string connection_string_;
    std::function<void()> on_news_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::condition_variable stopped_;
    std::thread thread_;
};

}  // namespace db::hub

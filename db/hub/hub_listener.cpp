#include "db/hub/hub_listener.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include "db/hub/backoff.hpp"
#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_schema.hpp"

namespace db::hub {
namespace {

class Receiver final : public pqxx::notification_receiver {
  public:
    Receiver(pqxx::connection& connection, const std::function<void()>& on_news)
        : pqxx::notification_receiver(connection, kHubChannel), on_news_(on_news) {}
    void operator()(const std::string&, int) override { on_news_(); }

  private:
    const std::function<void()>& on_news_;
};

// How often the thread looks up from waiting to see whether it should stop.
constexpr long kStopCheckMicroseconds = 200000;

}  // namespace

HubListener::HubListener(std::string connection_string, std::function<void()> on_news)
    : connection_string_(std::move(connection_string)), on_news_(std::move(on_news)) {
    thread_ = std::thread([this] { run(); });
}

HubListener::~HubListener() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    stopped_.notify_all();
    thread_.join();
}

bool HubListener::sleep_unless_stopped(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    return !stopped_.wait_for(lock, delay, [this] { return stop_.load(); });
}

void HubListener::run() {
    Backoff backoff(std::chrono::milliseconds(500), std::chrono::seconds(30));
    while (!stop_) {
        try {
            auto connection = connect_hub(connection_string_);
            Receiver receiver(*connection, on_news_);  // LISTENs from here on
            backoff.reset();
            on_news_();
            while (!stop_) connection->await_notification(0, kStopCheckMicroseconds);
        } catch (...) {
            // The sync pass reports the outage; this thread only waits to reconnect.
            spdlog::debug("hub listener: {}", current_hub_error().what());
            if (!sleep_unless_stopped(backoff.next_delay())) return;
        }
    }
}

}  // namespace db::hub

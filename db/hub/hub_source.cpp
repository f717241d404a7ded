#include "db/hub/hub_source.hpp"

#include <SQLiteCpp/Exception.h>
#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_listener.hpp"
#include "db/hub/hub_push.hpp"
#include "db/hub/hub_schema.hpp"
#include "db/hub/outbox.hpp"
#include "db/store.hpp"
#include "db/sync/sync_state.hpp"

namespace db::hub {

std::string hub_source_name(const std::string& connection_string) {
    return "hub:" + hub_label(connection_string);
}

namespace {

// Versions before hub_label() named a hub by its whole connection string, redacted by
// pattern, and a password the pattern missed was kept in sync_state: those rows go.
void forget_connection_string_names(Store& store) {
    store.database().exec(
        "DELETE FROM sync_state WHERE source LIKE 'hub:%' AND (source LIKE '%://%' OR source "
        "LIKE '%=%')");
}

}  // namespace

HubSource::HubSource(HubSourceOptions options, core::SyncStatus& status)
    : options_(std::move(options)),
      status_(status),
      name_(hub_source_name(options_.connection_string)),
      backoff_(options_.retry_initial, options_.retry_cap) {
    auto user_stop = options_.pull.should_stop;
    options_.pull.should_stop = [this, user_stop] {
        return stopping_.load() || (user_stop && user_stop());
    };
}

HubSource::~HubSource() {
    stop();
}

void HubSource::start(std::function<void()> wake) {
    stopping_ = false;
    if (!options_.listen || listener_) return;
    listener_ = std::make_unique<HubListener>(options_.connection_string, [this, wake] {
        news_ = true;
        wake();
    });
}

void HubSource::stop() {
    stopping_ = true;
    listener_.reset();
}

SyncSource::Clock::time_point HubSource::next_due() const {
    return due_;
}

SourcePass HubSource::sync(Store& store, bool force) {
    if (!force) {
        auto now = Clock::now();
        if (offline_ && now < due_) return {};  // backing off; news waits for the retry
        bool news = news_.exchange(false);
        if (!offline_ && !news && now < due_ && outbox_empty(store)) return {};
    }
    return attempt(store);
}

SourcePass HubSource::attempt(Store& store) {
    SourcePass pass;
    pass.attempted = true;
    status_.set_in_flight(true);
    try {
        if (!connection_) {
            connection_ = connect_hub(options_.connection_string);
            int version = hub_schema_version(*connection_);
            if (version != hub_latest_schema_version())
                throw HubError(
                    "hub schema version " + std::to_string(version) + ", this liftboard needs " +
                        std::to_string(hub_latest_schema_version()) + " (run `liftboard hub init`)",
                    false);
            hub_id_ = hub_id(*connection_);
        }
        PushResult pushed = push_outbox(*connection_, store);
        PullResult pulled = pull_changes(*connection_, store, hub_id_, options_.pull);
        pass.ok = true;
        pass.changed = pushed.conflicts > 0 || pushed.refreshed > 0 || pulled.changed > 0;
        pass.summary = "hub: pushed " + std::to_string(pushed.pushed) + " edits (" +
                       std::to_string(pushed.conflicts) + " conflicts), pulled " +
                       std::to_string(pulled.rows) + " rows (" + std::to_string(pulled.changed) +
                       " changed)";
        note_success(store);
    } catch (const SQLite::Exception&) {
        status_.set_in_flight(false);
        connection_.reset();  // a half-read hub transaction is not reused
        throw;
    } catch (...) {
        const std::string message = current_hub_error().what();
        // The status bar, the banner and sync_state get the first line: PostgreSQL's
        // DETAIL line may quote a row. The log keeps it all.
        pass.summary = message.substr(0, message.find('\n'));
        if (pass.summary != message) spdlog::info("{}: {}", name_, message);
        note_failure(store, pass.summary);
    }
    status_.set_in_flight(false);
    return pass;
}

void HubSource::note_success(Store& store) {
    if (offline_) spdlog::info("{}: back online", name_);
    offline_ = false;
    backoff_.reset();
    due_ = Clock::now() + options_.poll;
    status_.clear_hub_offline();
    status_.record_success();
    if (!old_names_forgotten_) forget_connection_string_names(store);
    old_names_forgotten_ = true;
    record_sync_success(store, name_);
}

void HubSource::note_failure(Store& store, const std::string& message) {
    connection_.reset();
    offline_ = true;
    auto delay = backoff_.next_delay();
    due_ = Clock::now() + delay;
    status_.set_hub_offline_since(std::chrono::system_clock::now());
    status_.record_failure(message);
    spdlog::warn("{} (retry in {} ms)", message, delay.count());
    try {
        if (!old_names_forgotten_) forget_connection_string_names(store);
        old_names_forgotten_ = true;
        record_sync_error(store, name_, message);
    } catch (const std::exception& e) {
        spdlog::error("{}: cannot record the error: {}", name_, e.what());
    }
}

}  // namespace db::hub

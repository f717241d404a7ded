// SyncStatus: what the status bar and the stale banner are decided from.
#include <catch2/catch.hpp>

#include "core/sync_status.hpp"

using namespace std::chrono_literals;

TEST_CASE("with no sync source the data is never called stale") {
    core::SyncStatus status;
    CHECK_FALSE(status.read().stale(24h));
}

TEST_CASE("a configured source with no success yet is stale") {
    core::SyncStatus status;
    status.set_source_configured(true);
    auto view = status.read();
    CHECK_FALSE(view.last_success.has_value());
    CHECK(view.stale(24h));
}

TEST_CASE("a success makes the data fresh, a restored old success is stale") {
    core::SyncStatus status;
    status.set_source_configured(true);
    status.record_success();
    CHECK_FALSE(status.read().stale(24h));

    core::SyncStatus restarted;
    restarted.set_source_configured(true);
    restarted.restore_last_success(std::chrono::system_clock::now() - 30h);
    auto view = restarted.read();
    REQUIRE(view.age.has_value());
    CHECK(*view.age > 29h);
    CHECK(view.stale(24h));
    CHECK_FALSE(view.stale(48h));
}

TEST_CASE("a failure is reported with its message and cleared by the next success") {
    core::SyncStatus status;
    status.record_failure("events.csv: refused (2 problems)");
    status.count_quarantined();
    auto view = status.read();
    CHECK(view.last_attempt_failed);
    CHECK(view.last_error == "events.csv: refused (2 problems)");
    CHECK(view.files_quarantined == 1);
    status.record_success();
    CHECK_FALSE(status.read().last_attempt_failed);
}

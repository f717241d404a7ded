// The sync texts of the status bar and the stale/failed banner.
#include <catch2/catch.hpp>

#include "app/sync_text.hpp"

using namespace std::chrono_literals;

TEST_CASE("no banner and no sync text without a sync source") {
    core::SyncStatus status;
    auto now = std::chrono::system_clock::now();
    CHECK(app::last_sync_text(status.read(), now).empty());
    CHECK(app::sync_banner_text(status.read(), 24h, now).empty());
}

TEST_CASE("fresh data: a sync time and no banner") {
    core::SyncStatus status;
    status.set_source_configured(true);
    status.record_success();
    auto now = std::chrono::system_clock::now();
    CHECK_THAT(app::last_sync_text(status.read(), now), Catch::StartsWith("synced "));
    CHECK(app::sync_banner_text(status.read(), 24h, now).empty());
}

TEST_CASE("stale data gets a banner saying how old it is") {
    core::SyncStatus status;
    status.set_source_configured(true);
    auto now = std::chrono::system_clock::now();
    CHECK_THAT(app::sync_banner_text(status.read(), 24h, now), Catch::Contains("no successful sync yet"));
    status.restore_last_success(now - 26h);
    auto banner = app::sync_banner_text(status.read(), 24h, now);
    CHECK_THAT(banner, Catch::Contains("out of date") && Catch::Contains("26 h ago"));
    CHECK(app::sync_banner_text(status.read(), 48h, now).empty());
}

TEST_CASE("a failed import is shown until the next success") {
    core::SyncStatus status;
    status.set_source_configured(true);
    status.record_success();
    status.record_failure("pupils.csv: refused (1 problem)");
    auto now = std::chrono::system_clock::now();
    auto banner = app::sync_banner_text(status.read(), 24h, now);
    CHECK_THAT(banner, Catch::Contains("pupils.csv: refused") && Catch::Contains("last good data"));
    status.record_success();
    CHECK(app::sync_banner_text(status.read(), 24h, now).empty());
}

// Retry delays after hub failures: growing, capped, jittered, reset by a success; and
// the status bar's "hub offline since" text.
#include <catch2/catch.hpp>
#include <set>

#include "core/hub_status_text.hpp"
#include "db/hub/backoff.hpp"

using namespace std::chrono_literals;
using db::hub::Backoff;

TEST_CASE("delays double from the initial value up to the cap, each within [d/2, d]") {
    Backoff backoff(500ms, 8000ms, 42);
    const std::chrono::milliseconds ceilings[] = {500ms,  1000ms, 2000ms, 4000ms,
                                                  8000ms, 8000ms, 8000ms};
    for (auto ceiling : ceilings) {
        auto delay = backoff.next_delay();
        CHECK(delay >= ceiling / 2);
        CHECK(delay <= ceiling);
    }
    CHECK(backoff.failures() == 7);
}

TEST_CASE("a long outage never overflows and stays at the cap") {
    Backoff backoff(500ms, 30000ms, 1);
    for (int i = 0; i < 10000; ++i) backoff.next_delay();
    auto delay = backoff.next_delay();
    CHECK(delay >= 15000ms);
    CHECK(delay <= 30000ms);
}

TEST_CASE("jitter spreads clients that failed together") {
    std::set<int64_t> delays;
    for (uint64_t seed = 0; seed < 20; ++seed) {
        Backoff backoff(1000ms, 30000ms, seed);
        for (int i = 0; i < 4; ++i) backoff.next_delay();
        delays.insert(backoff.next_delay().count());
    }
    CHECK(delays.size() > 10);
}

TEST_CASE("a success starts the next outage from the initial delay") {
    Backoff backoff(500ms, 30000ms, 7);
    for (int i = 0; i < 6; ++i) backoff.next_delay();
    backoff.reset();
    CHECK(backoff.failures() == 0);
    CHECK(backoff.next_delay() <= 500ms);
}

TEST_CASE("the status bar text says since when the hub is offline, in local time") {
    core::SyncStatus status;
    CHECK(core::hub_offline_text(status.read()).empty());
    std::tm tm{};
    tm.tm_year = 125;
    tm.tm_mon = 10;
    tm.tm_mday = 20;
    tm.tm_hour = 14;
    tm.tm_min = 5;
    tm.tm_isdst = -1;
    auto when = std::chrono::system_clock::from_time_t(std::mktime(&tm));
    status.set_hub_offline_since(when);
    status.set_hub_offline_since(when + 10min);  // later failures keep the first time
    CHECK(core::hub_offline_text(status.read()) == "hub offline since 14:05");
    status.clear_hub_offline();
    CHECK(core::hub_offline_text(status.read()).empty());
}

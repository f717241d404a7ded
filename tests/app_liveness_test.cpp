// Watchdog gating: pings only while frames come and the writer's heartbeat is recent,
// a few per interval, and none without a watchdog. Times are made-up steady-clock
// points, so nothing here depends on the machine's speed.
#include <catch2/catch.hpp>

#include "app/liveness.hpp"

using app::Liveness;
using namespace std::chrono_literals;

namespace {

Liveness::Limits limits(std::chrono::seconds watchdog) {
    Liveness::Limits l;
    l.watchdog = watchdog;
    l.writer_quiet = 60s;
    return l;
}

}  // namespace

TEST_CASE("no watchdog armed: never ping, and the loop may sleep as long as it likes") {
    Liveness liveness(limits(0s));
    const auto t0 = Liveness::Clock::time_point(1000s);
    liveness.frame_presented(t0);
    CHECK_FALSE(liveness.should_ping(t0, t0));
    CHECK_FALSE(liveness.max_sleep());
}

TEST_CASE("frames coming and a recent writer heartbeat: pings, a few per interval") {
    Liveness liveness(limits(8s));
    REQUIRE(liveness.max_sleep());
    CHECK(liveness.max_sleep()->count() == Approx(2.0));
    const auto t0 = Liveness::Clock::time_point(1000s);
    CHECK_FALSE(liveness.should_ping(t0, t0));  // no frame yet
    liveness.frame_presented(t0);
    CHECK(liveness.should_ping(t0, t0));
    liveness.frame_presented(t0 + 1s);
    CHECK_FALSE(liveness.should_ping(t0 + 1s, t0 + 1s));  // rate-limited
    liveness.frame_presented(t0 + 2s);
    CHECK(liveness.should_ping(t0 + 2s, t0 + 2s));
}

TEST_CASE("a frame loop that stopped gets no more pings") {
    Liveness liveness(limits(8s));
    const auto t0 = Liveness::Clock::time_point(1000s);
    liveness.frame_presented(t0);
    CHECK(liveness.should_ping(t0, t0));
    CHECK_FALSE(liveness.should_ping(t0 + 5s, t0 + 5s));  // last frame older than half
    CHECK_FALSE(liveness.should_ping(t0 + 60s, t0 + 60s));
}

TEST_CASE("a writer whose heartbeat went quiet gets no more pings") {
    Liveness liveness(limits(8s));
    const auto t0 = Liveness::Clock::time_point(1000s);
    liveness.frame_presented(t0 + 61s);
    CHECK_FALSE(liveness.should_ping(t0 + 61s, t0));  // heartbeat 61 s old
    liveness.frame_presented(t0 + 70s);
    CHECK(liveness.should_ping(t0 + 70s, t0 + 69s));  // it came back
}

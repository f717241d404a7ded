// The event loop's sleep arithmetic and the status bar's clock texts.
#include <catch2/catch.hpp>
#include <chrono>

#include "app/frame_clock.hpp"

using namespace std::chrono;

namespace {

system_clock::time_point at_seconds(int64_t seconds, int64_t millis = 0) {
    return system_clock::time_point(
        duration_cast<system_clock::duration>(seconds * 1s + millis * 1ms));
}

}  // namespace

TEST_CASE("the loop sleeps until just after the next minute boundary") {
    const int64_t minute_start = 1'763'600'000 - 1'763'600'000 % 60;
    CHECK(app::seconds_until_next_minute(at_seconds(minute_start)) == Approx(60.05));
    CHECK(app::seconds_until_next_minute(at_seconds(minute_start + 59, 999)) == Approx(0.051));
    CHECK(app::seconds_until_next_minute(at_seconds(minute_start + 30, 500)) == Approx(29.55));
}

TEST_CASE("the sleep is always positive and never longer than a minute and a bit") {
    const auto now = system_clock::now();
    for (int ms = 0; ms < 60'000; ms += 997) {
        const double s = app::seconds_until_next_minute(now + milliseconds(ms));
        CHECK(s > 0.0);
        CHECK(s <= 60.05);
    }
}

TEST_CASE("the clock reads HH:MM and the as-of text names weekday, day, month, time") {
    const auto now = system_clock::now();
    const std::string clock = app::clock_text(now);
    REQUIRE(clock.size() == 5);
    CHECK(clock[2] == ':');
    const std::string as_of = app::as_of_text(now);
    CHECK(as_of.find(clock) == as_of.size() - 5);
    CHECK(as_of.find("  ") == std::string::npos);  // no space-padded day
}

TEST_CASE("the thread CPU clock moves forward with work") {
    const double before = app::thread_cpu_ms();
    volatile double sink = 0.0;
    for (int i = 0; i < 2'000'000; ++i) sink = sink + i * 0.5;
    CHECK(app::thread_cpu_ms() > before);
}

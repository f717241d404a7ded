// The kiosk's rotation, pause on input, idle return, night blanking and pixel shift.
#include <catch2/catch.hpp>

#include "app/kiosk_schedule.hpp"

using namespace std::chrono_literals;
using Clock = app::KioskSchedule::Clock;

namespace {

app::KioskSchedule::Settings four_boards() {
    app::KioskSchedule::Settings s;
    s.board_count = 4;
    s.rotate = 30s;
    s.idle_return = 120s;
    s.night = app::NightHours{{22 * 60}, {6 * 60}};
    s.pixel_shift = 10min;
    return s;
}

}  // namespace

TEST_CASE("boards rotate on the interval and wrap around") {
    Clock::time_point t0{};
    app::KioskSchedule k(four_boards(), t0);
    CHECK(k.board(t0) == 0);
    CHECK(k.board(t0 + 29s) == 0);
    CHECK(k.board(t0 + 30s) == 1);
    CHECK(k.board(t0 + 95s) == 3);
    CHECK(k.board(t0 + 120s) == 0);
}

TEST_CASE("input pauses the rotation until the idle period passes, then it resumes") {
    Clock::time_point t0{};
    app::KioskSchedule k(four_boards(), t0);
    CHECK(k.board(t0 + 40s) == 1);
    k.on_input(t0 + 50s);
    CHECK(k.paused(t0 + 60s));
    CHECK(k.board(t0 + 160s) == 1);  // 110 s after the touch: still paused
    CHECK_FALSE(k.paused(t0 + 170s));
    CHECK(k.board(t0 + 171s) == 1);  // a full interval after the pause ends
    CHECK(k.board(t0 + 200s) == 2);
}

TEST_CASE("a chosen board stays while the user is there") {
    Clock::time_point t0{};
    app::KioskSchedule k(four_boards(), t0);
    k.on_board_chosen(3, t0 + 5s);
    CHECK(k.board(t0 + 100s) == 3);
    CHECK(k.board(t0 + 125s + 30s) == 0);
}

TEST_CASE("the screen blanks at night unless someone is using it") {
    Clock::time_point t0{};
    app::KioskSchedule k(four_boards(), t0);
    CHECK(k.blank(t0, app::ClockTime{23 * 60}));
    CHECK_FALSE(k.blank(t0, app::ClockTime{12 * 60}));
    k.on_input(t0 + 1s);
    CHECK_FALSE(k.blank(t0 + 2s, app::ClockTime{23 * 60}));
    CHECK(k.blank(t0 + 200s, app::ClockTime{23 * 60}));
    auto settings = four_boards();
    settings.night.reset();
    app::KioskSchedule always_on(settings, t0);
    CHECK_FALSE(always_on.blank(t0, app::ClockTime{23 * 60}));
}

TEST_CASE("the pixel shift changes every period and stays within a few pixels") {
    app::KioskSchedule k(four_boards(), Clock::time_point{});
    std::chrono::system_clock::time_point w{};
    auto first = k.pixel_offset(w);
    CHECK(k.pixel_offset(w + 9min) == first);
    CHECK_FALSE(k.pixel_offset(w + 10min) == first);
    for (int m = 0; m < 200; m += 10) {
        auto o = k.pixel_offset(w + std::chrono::minutes(m));
        CHECK(o.x >= 0.0f);
        CHECK(o.x <= 4.0f);
        CHECK(o.y <= 4.0f);
    }
}

TEST_CASE("the loop sleeps until the next rotation or shift, not longer") {
    Clock::time_point t0{};
    app::KioskSchedule k(four_boards(), t0);
    std::chrono::system_clock::time_point w{};
    CHECK(k.until_next_change(t0 + 10s, w + 10s) == Clock::duration(20s));
    k.on_input(t0 + 10s);
    CHECK(k.until_next_change(t0 + 20s, w + 20s) == Clock::duration(110s));
    auto settings = four_boards();
    settings.board_count = 1;
    app::KioskSchedule single(settings, t0);
    CHECK(single.until_next_change(t0, w + 1min) == Clock::duration(9min));
}

TEST_CASE("a board with several pages shows each for an interval before the next board") {
    Clock::time_point t0{};
    app::KioskSchedule k(four_boards(), t0);
    CHECK(k.board(t0) == 0);
    k.set_pages(3);  // board 0, once drawn, has three pages
    CHECK(k.page() == 0);
    CHECK(k.board(t0 + 30s) == 0);
    CHECK(k.page() == 1);
    CHECK(k.board(t0 + 60s) == 0);
    CHECK(k.page() == 2);
    CHECK(k.board(t0 + 90s) == 1);
    CHECK(k.page() == 0);
    // A board whose list shrank while on a later page shows its last page.
    k.set_pages(2);
    CHECK(k.board(t0 + 119s) == 1);
    CHECK(k.board(t0 + 120s) == 1);
    CHECK(k.page() == 1);
    k.set_pages(1);
    CHECK(k.page() == 0);
    CHECK(k.board(t0 + 150s) == 2);
}

TEST_CASE("a single board with pages still turns them, and the loop wakes for each") {
    auto settings = four_boards();
    settings.board_count = 1;
    Clock::time_point t0{};
    app::KioskSchedule k(settings, t0);
    k.board(t0);
    k.set_pages(2);
    const std::chrono::system_clock::time_point wall{};
    CHECK(k.until_next_change(t0 + 10s, wall) <= 20s);
    CHECK(k.board(t0 + 30s) == 0);
    CHECK(k.page() == 1);
    CHECK(k.board(t0 + 60s) == 0);
    CHECK(k.page() == 0);  // round again
}

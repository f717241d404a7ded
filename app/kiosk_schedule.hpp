// What the kiosk shows when, as pure arithmetic over steady-clock time and the local
// time of day: the board rotation, which steps through the pages of a board that has
// several before the next board (paused by a touch or key, resumed after an idle
// period), night blanking, the slow pixel shift against burn-in, and how long the
// event loop may sleep before any of these changes. No window, so it is unit-tested.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>

#include "app/config.hpp"

namespace app {

struct PixelOffset {
    float x = 0.0f, y = 0.0f;  // design pixels; multiply by the UI scale
    bool operator==(const PixelOffset&) const = default;
};

class KioskSchedule {
public:
    using Clock = std::chrono::steady_clock;

    struct Settings {
        size_t board_count = 1;
        std::chrono::seconds rotate{30};
        std::chrono::seconds idle_return{120};
        std::optional<NightHours> night;
        std::chrono::minutes pixel_shift{10};  // 0: no shift
    };

    KioskSchedule(Settings settings, Clock::time_point start);

    // A touch, click or key: the rotation pauses (and a blank night screen wakes) until
    // `idle_return` passes without input.
    void on_input(Clock::time_point now);
    // The user chose a board (tabs, keys): it stays until the rotation resumes.
    void on_board_chosen(size_t index, Clock::time_point now);

    // Advances the rotation to `now`; returns the board to show.
    size_t board(Clock::time_point now);
    // The page of that board to show, from 0.
    size_t page() const { return page_; }
    // How many pages the board on show has (it knows once drawn): each takes a turn of
    // the rotation. A board not yet drawn counts as one page.
    void set_pages(size_t pages);
    // Shows page `page` of the board on show (tests, screenshots); clamped when drawn.
    void show_page(size_t page) {
        page_ = page;
        pages_ = std::max(pages_, page + 1);
    }
    bool paused(Clock::time_point now) const;
    // Night hours with nobody touching the screen: draw nothing.
    bool blank(Clock::time_point now, ClockTime local_time) const;
    PixelOffset pixel_offset(std::chrono::system_clock::time_point wall) const;

    // Longest the loop may sleep from `now` before the rotation, the idle return or the
    // pixel shift changes what is on screen (the caller also wakes for the clock minute
    // and for night changes, both on minute boundaries).
    Clock::duration until_next_change(Clock::time_point now, std::chrono::system_clock::time_point wall) const;

private:
    Settings settings_;
    size_t current_ = 0;
    size_t page_ = 0;
    size_t pages_ = 1;  // of the current board
    Clock::time_point shown_since_;
    std::optional<Clock::time_point> last_input_;
};

}  // namespace app

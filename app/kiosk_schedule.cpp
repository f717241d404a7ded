#include "app/kiosk_schedule.hpp"

#include <algorithm>
#include <array>

namespace app {

KioskSchedule::KioskSchedule(Settings settings, Clock::time_point start)
    : settings_(settings), shown_since_(start) {
    settings_.board_count = std::max<size_t>(settings_.board_count, 1);
}

void KioskSchedule::on_input(Clock::time_point now) { last_input_ = now; }

void KioskSchedule::on_board_chosen(size_t index, Clock::time_point now) {
    current_ = index % settings_.board_count;
    page_ = 0;
    pages_ = 1;
    shown_since_ = now;
    last_input_ = now;
}

bool KioskSchedule::paused(Clock::time_point now) const {
    return last_input_ && now - *last_input_ < settings_.idle_return;
}

size_t KioskSchedule::board(Clock::time_point now) {
    if (paused(now)) {
        // The idle period restarts the board's time on screen, so the rotation
        // resumes with a full interval rather than jumping at once.
        shown_since_ = *last_input_;
        return current_;
    }
    if (last_input_ && shown_since_ < *last_input_ + settings_.idle_return)
        shown_since_ = *last_input_ + settings_.idle_return;
    if (settings_.rotate.count() > 0 && (settings_.board_count > 1 || pages_ > 1)) {
        auto steps = (now - shown_since_) / settings_.rotate;
        shown_since_ += steps * settings_.rotate;
        // After a long sleep only the board's own pages are known: step through them,
        // then count boards (their pages are learnt when they are drawn).
        for (; steps > 0 && page_ + 1 < pages_; --steps) ++page_;
        if (steps > 0) {
            current_ = (current_ + static_cast<size_t>(steps)) % settings_.board_count;
            page_ = 0;
            pages_ = 1;
        }
    }
    return current_;
}

void KioskSchedule::set_pages(size_t pages) {
    pages_ = std::max<size_t>(pages, 1);
    page_ = std::min(page_, pages_ - 1);
}

bool KioskSchedule::blank(Clock::time_point now, ClockTime local_time) const {
    return settings_.night && settings_.night->contains(local_time) && !paused(now);
}

PixelOffset KioskSchedule::pixel_offset(std::chrono::system_clock::time_point wall) const {
    if (settings_.pixel_shift.count() <= 0) return {};
    // A slow walk around a small square: never more than 4 design pixels off, which
    // is invisible from across the room but spreads static edges over the panel.
    constexpr std::array<PixelOffset, 8> walk = {{{0, 0}, {2, 0}, {4, 2}, {4, 4}, {2, 4}, {0, 4}, {0, 2}, {2, 2}}};
    auto step = std::chrono::duration_cast<std::chrono::minutes>(wall.time_since_epoch()) / settings_.pixel_shift;
    return walk[static_cast<size_t>(step) % walk.size()];
}

KioskSchedule::Clock::duration KioskSchedule::until_next_change(Clock::time_point now,
                                                                std::chrono::system_clock::time_point wall) const {
    Clock::duration wait = std::chrono::hours(1);
    if (paused(now)) wait = std::min(wait, *last_input_ + settings_.idle_return - now);
    else if ((settings_.board_count > 1 || pages_ > 1) && settings_.rotate.count() > 0) {
        auto since = now - shown_since_;
        wait = std::min(wait, settings_.rotate - since % settings_.rotate);
    }
    if (settings_.pixel_shift.count() > 0) {
        auto period = std::chrono::duration_cast<std::chrono::system_clock::duration>(settings_.pixel_shift);
        auto into = wall.time_since_epoch() % period;
        wait = std::min(wait, std::chrono::duration_cast<Clock::duration>(period - into));
    }
    return std::max(wait, Clock::duration(std::chrono::milliseconds(10)));
}

}  // namespace app

// Clock arithmetic and formatting for the event loop and status bar (see frame_clock.hpp).
#include "app/frame_clock.hpp"

#include <time.h>

#include <array>
#include <ctime>

namespace app {
namespace {

constexpr double kWakeMargin = 0.05;  // seconds past the minute boundary

std::tm local_tm(std::chrono::system_clock::time_point when) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

std::string format(std::chrono::system_clock::time_point when, const char* pattern) {
    const std::tm tm = local_tm(when);
    std::array<char, 64> buffer{};
    const size_t n = std::strftime(buffer.data(), buffer.size(), pattern, &tm);
    return std::string(buffer.data(), n);
}

}  // namespace

double seconds_until_next_minute(std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    const auto since_epoch = duration_cast<milliseconds>(now.time_since_epoch());
    const auto into_minute = since_epoch % minutes(1);
    const auto left = milliseconds(minutes(1)) - into_minute;
    return static_cast<double>(left.count()) / 1000.0 + kWakeMargin;
}

std::string clock_text(std::chrono::system_clock::time_point now) {
    return format(now, "%H:%M");
}

std::string as_of_text(std::chrono::system_clock::time_point when) {
    const std::tm tm = local_tm(when);
    // strftime's %e pads the day with a space; the board wants "Thu 3 Apr 09:05".
    return format(when, "%a ") + std::to_string(tm.tm_mday) + format(when, " %b %H:%M");
}

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace app

namespace app {

ClockTime local_clock_time(std::chrono::system_clock::time_point now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&t, &local);
    return ClockTime{local.tm_hour * 60 + local.tm_min};
}

}  // namespace app

#include "core/date.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace core {
namespace {

using namespace std::chrono;

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

year_month_day to_ymd(Date d) { return year_month_day{sys_days{days{d.days}}}; }

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::optional<Date> make(int y, int m, int d) {
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count())};
}

}  // namespace

Date Date::from_ymd(int y, unsigned m, unsigned d) {
    // Qualified: inside Date, year/month/day name the member functions.
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    return Date{static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count())};
}

Date add_years(Date d, int years) {
    year_month_day ymd = to_ymd(d);
    year_month_day later{ymd.year() + std::chrono::years{years}, ymd.month(), ymd.day()};
    if (!later.ok()) later = later.year() / later.month() / std::chrono::last;
    return Date{static_cast<int32_t>(sys_days{later}.time_since_epoch().count())};
}

int Date::year() const { return static_cast<int>(to_ymd(*this).year()); }
unsigned Date::month() const { return static_cast<unsigned>(to_ymd(*this).month()); }
unsigned Date::day() const { return static_cast<unsigned>(to_ymd(*this).day()); }
unsigned Date::weekday() const {
    return std::chrono::weekday{sys_days{std::chrono::days{this->days}}}.iso_encoding() - 1;
}

std::optional<Date> parse_date(std::string_view t) {
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        auto y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
        if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
        return make(to_int(y), to_int(m), to_int(d));
    }
    // UK form, day and month may have one digit: 1/9/2025
    auto s1 = t.find('/');
    if (s1 == std::string_view::npos) return std::nullopt;
    auto s2 = t.find('/', s1 + 1);
    if (s2 == std::string_view::npos) return std::nullopt;
    auto d = t.substr(0, s1), m = t.substr(s1 + 1, s2 - s1 - 1), y = t.substr(s2 + 1);
    if (d.size() > 2 || m.size() > 2 || y.size() != 4) return std::nullopt;
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return make(to_int(y), to_int(m), to_int(d));
}

std::string to_iso(Date d) {
    auto ymd = to_ymd(d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string to_display(Date d) {
    auto ymd = to_ymd(d);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%u %s %d", static_cast<unsigned>(ymd.day()),
                  kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
    return buf;
}

std::string to_short_display(Date d) {
    auto ymd = to_ymd(d);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%s %u %s", kWeekdays[d.weekday()],
                  static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1]);
    return buf;
}

Date today_local() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                          static_cast<unsigned>(local.tm_mday));
}

}  // namespace core

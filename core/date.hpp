// A calendar date as a day number: cheap to compare, subtract and store, and free of
// time zones (the pathway is about school days, never about hours).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct Date {
    int32_t days = 0;  // days since 1970-01-01

    static Date from_ymd(int year, unsigned month, unsigned day);
    int year() const;
    unsigned month() const;
    unsigned day() const;
    // 0 = Monday ... 6 = Sunday
    unsigned weekday() const;

    Date operator+(int n) const { return Date{days + n}; }
    Date operator-(int n) const { return Date{days - n}; }
    int operator-(Date other) const { return days - other.days; }
    auto operator<=>(const Date&) const = default;
};

// The same day and month `years` later; 29 Feb becomes 28 Feb in a year without one
// (RULES.md annual-review: "one calendar year after", 29 Feb -> 28 Feb).
Date add_years(Date d, int years);

// Strict parse of "YYYY-MM-DD" or UK "DD/MM/YYYY"; rejects impossible dates (31/02/2025).
std::optional<Date> parse_date(std::string_view text);
// "2025-03-13"
std::string to_iso(Date d);
// "13 Mar 2025", for reasons a SENCo reads.
std::string to_display(Date d);
// "Thu 13 Mar"
std::string to_short_display(Date d);
// Today in the local time zone.
Date today_local();

}  // namespace core

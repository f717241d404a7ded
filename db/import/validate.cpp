#include "db/import/validate.hpp"

#include <charconv>

#include "db/import/row_checker.hpp"

namespace db::inbox {

Records validate(InboxKind kind, const TextTable& table, const References& refs,
                 const std::string& file, ProblemList& problems) {
    RowChecker rows(kind, table, file, problems);
    switch (kind) {
        case InboxKind::schools:
            return validate_schools(rows);
        case InboxKind::terms:
            return validate_terms(rows);
        case InboxKind::lift_groups:
            return validate_lift_groups(rows, refs);
        case InboxKind::staff:
            return validate_staff(rows);
        case InboxKind::lift_schedule:
            return validate_lift_schedule(rows);
        case InboxKind::surgeries:
            return validate_surgeries(rows, refs);
        case InboxKind::pupils:
            return validate_pupils(rows, refs);
        case InboxKind::events:
            return validate_events(rows, refs);
        case InboxKind::bookings:
            return validate_bookings(rows, refs);
    }
    return {};
}

namespace {

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::string> normalise_academic_year(std::string_view text) {
    if (text.size() != 7 && text.size() != 9) return std::nullopt;
    if (text[4] != '/' && text[4] != '-') return std::nullopt;
    auto first = parse_int(text.substr(0, 4));
    auto second = parse_int(text.substr(5));
    if (!first || !second || *first < 1900) return std::nullopt;
    int expected = text.size() == 7 ? (*first + 1) % 100 : *first + 1;
    if (*second != expected) return std::nullopt;
    std::string out(text.substr(0, 4));
    out += '/';
    int short_year = (*first + 1) % 100;
    out += static_cast<char>('0' + short_year / 10);
    out += static_cast<char>('0' + short_year % 10);
    return out;
}

std::optional<int> parse_year_group(std::string_view text) {
    std::string name = normalise_name(text);
    if (name == "r" || name == "reception" || name == "yr" || name == "year_r") return 0;
    std::string_view digits = name;
    if (digits.starts_with("year_"))
        digits.remove_prefix(5);
    else if (digits.starts_with("year"))
        digits.remove_prefix(4);
    else if (digits.starts_with("y"))
        digits.remove_prefix(1);
    auto value = parse_int(digits);
    if (!value || *value < 0 || *value > 14) return std::nullopt;
    return value;
}

}  // namespace db::inbox

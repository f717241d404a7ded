// TermCalendar: term lookups, holidays, and RULES.md's "two terms after a date" over a
// realistic calendar, including where the calendar runs out or has a missing term.
#include <catch2/catch.hpp>

#include "core/calendar.hpp"
#include "support/rules_fixture.hpp"

using core::TermCalendar;
using test_support::day;

namespace {

TermCalendar kent_calendar() {
    test_support::RulesFixture fixture;
    return TermCalendar(fixture.data.terms);
}

std::optional<core::Date> after(const TermCalendar& c, const char* d) {
    return c.two_terms_after(day(d)).date;
}

}  // namespace

TEST_CASE("term_containing finds the term on its first and last day, not in a holiday") {
    auto c = kent_calendar();
    REQUIRE(c.term_at(day("2024-09-03")) != nullptr);
    CHECK(core::term_label(*c.term_at(day("2024-09-03"))) == "autumn 2024/25");
    CHECK(core::term_label(*c.term_at(day("2024-12-20"))) == "autumn 2024/25");
    CHECK(c.term_at(day("2024-12-21")) == nullptr);
    CHECK(c.term_at(day("2024-09-02")) == nullptr);
    CHECK(c.term_at(day("2022-01-01")) == nullptr);
    CHECK(c.term_at(day("2027-01-01")) == nullptr);
}

TEST_CASE("a holiday date counts in the next term") {
    auto c = kent_calendar();
    auto christmas = c.term_counting(day("2024-12-25"));
    REQUIRE(christmas);
    CHECK(core::term_label(c.terms()[*christmas]) == "spring 2024/25");
    auto summer = c.term_counting(day("2025-08-15"));
    REQUIRE(summer);
    CHECK(core::term_label(c.terms()[*summer]) == "autumn 2025/26");
}

TEST_CASE("two terms after keeps the offset into the term two places later") {
    auto c = kent_calendar();
    CHECK(after(c, "2024-09-03") == day("2025-04-22"));  // first day of autumn -> first of summer
    CHECK(after(c, "2024-10-03") == day("2025-05-22"));  // 30 days in
    CHECK(after(c, "2025-03-13") == day("2025-11-08"));  // spring -> autumn of the next year
    CHECK(after(c, "2025-05-01") == day("2026-01-14"));  // summer -> spring
}

TEST_CASE("two terms after clamps to the last day of the target term") {
    auto c = kent_calendar();
    // 108 days into autumn; summer 2025 has only 91 days.
    CHECK(after(c, "2024-12-20") == day("2025-07-22"));
    CHECK(after(c, "2024-12-10") == day("2025-07-22"));
    // 85 days into spring 2024: autumn 2024 is long enough, no clamping.
    CHECK(after(c, "2024-03-28") == day("2024-11-27"));
}

TEST_CASE("two terms after a holiday date starts from the next term's first day") {
    auto c = kent_calendar();
    CHECK(after(c, "2024-12-21") == day("2025-09-03"));  // Christmas -> spring -> autumn
    CHECK(after(c, "2025-04-10") == day("2026-01-05"));  // Easter -> summer -> spring
    CHECK(after(c, "2025-08-20") == day("2026-04-13"));  // summer holiday -> autumn -> summer
}

TEST_CASE("two terms after says when the calendar does not reach") {
    auto c = kent_calendar();
    CHECK_FALSE(c.two_terms_after(day("2026-01-10")).covered());  // spring 2026 -> autumn 2026
    CHECK_FALSE(c.two_terms_after(day("2026-05-01")).covered());  // summer 2026
    CHECK_FALSE(c.two_terms_after(day("2026-08-01")).covered());  // after the last term
    CHECK_FALSE(c.two_terms_after(day("2023-08-01")).covered());  // before the first term
    CHECK(c.two_terms_after(day("2025-12-19")).covered());        // last reachable: autumn 2025
    CHECK_FALSE(TermCalendar().two_terms_after(day("2025-01-10")).covered());
}

TEST_CASE("a missing term in the data is not skipped over") {
    test_support::RulesFixture fixture;
    auto& terms = fixture.data.terms;
    std::erase_if(terms, [](const core::Term& t) {
        return t.academic_year == "2024/25" && t.term == core::TermName::spring;
    });
    TermCalendar c(terms);
    CHECK_FALSE(c.two_terms_after(day("2024-10-01")).covered());  // autumn -> (spring missing)
    CHECK_FALSE(c.two_terms_after(day("2025-02-01")).covered());  // in the gap
    CHECK_FALSE(c.two_terms_after(day("2024-06-01")).covered());  // summer 24 -> autumn -> gap
    CHECK(c.two_terms_after(day("2025-05-01")).covered());        // summer 25 -> autumn -> spring
}

TEST_CASE("terms given out of order are sorted") {
    test_support::RulesFixture fixture;
    std::vector<core::Term> reversed(fixture.data.terms.rbegin(), fixture.data.terms.rend());
    TermCalendar c(reversed);
    CHECK(after(c, "2024-10-03") == day("2025-05-22"));
}

TEST_CASE("two terms after over every day of the 2024/25 academic year") {
    auto c = kent_calendar();
    std::optional<core::Date> previous;
    for (core::Date d = day("2024-08-01"); d <= day("2025-08-31"); d = d + 1) {
        INFO(core::to_iso(d));
        auto shifted = c.two_terms_after(d);
        REQUIRE(shifted.covered());
        auto from = c.term_counting(d);
        REQUIRE(from);
        // Lands inside the term two places after the one the date counts in...
        auto landed = c.term_containing(*shifted.date);
        REQUIRE(landed);
        CHECK(*landed == *from + 2);
        // ...never before the date itself, and never moving backwards as the date advances.
        CHECK(*shifted.date > d);
        if (previous) CHECK(*shifted.date >= *previous);
        previous = shifted.date;
    }
}

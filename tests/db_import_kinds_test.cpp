// Inbox kinds: file name -> kind, dependency order, the contract's columns.
#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "db/import/kinds.hpp"

using db::InboxKind;

TEST_CASE("a file's kind comes from its name", "[import][kinds]") {
    CHECK(db::inbox_kind_of("schools.csv") == InboxKind::schools);
    CHECK(db::inbox_kind_of("/inbox/events-2025-spring.csv") == InboxKind::events);
    CHECK(db::inbox_kind_of("lift_schedule-maidstone.json") == InboxKind::lift_schedule);
    CHECK(db::inbox_kind_of("Pupils.CSV") == InboxKind::pupils);
    CHECK(db::inbox_kind_of("bookings.Json") == InboxKind::bookings);
    CHECK(db::inbox_format_of("bookings.Json") == db::InboxFormat::json);
    CHECK(db::inbox_format_of("bookings.csv") == db::InboxFormat::csv);
}

TEST_CASE("other files are not inbox files", "[import][kinds]") {
    CHECK_FALSE(db::inbox_kind_of("notes.txt"));
    CHECK_FALSE(db::inbox_kind_of("schools.xlsx"));
    CHECK_FALSE(db::inbox_kind_of("school.csv"));
    CHECK_FALSE(db::inbox_kind_of("schools_2025.csv"));
    CHECK_FALSE(db::inbox_kind_of("my-schools.csv"));
    CHECK_FALSE(db::inbox_kind_of("schools.csv.tmp"));
    CHECK_FALSE(db::inbox_kind_of("events"));
}

TEST_CASE("kinds are applied in the contract's dependency order", "[import][kinds]") {
    std::vector<InboxKind> order = {
        InboxKind::schools,     InboxKind::terms,         InboxKind::staff,
        InboxKind::lift_groups, InboxKind::lift_schedule, InboxKind::surgeries,
        InboxKind::pupils,      InboxKind::events,        InboxKind::bookings};
    for (size_t i = 0; i + 1 < order.size(); ++i)
        CHECK(db::dependency_rank(order[i]) < db::dependency_rank(order[i + 1]));
}

TEST_CASE("every kind has its contract name and columns", "[import][kinds]") {
    for (int i = 0; i < 9; ++i) {
        auto kind = static_cast<InboxKind>(i);
        CHECK(db::parse_inbox_kind(db::to_string(kind)) == kind);
        CHECK_FALSE(db::columns_of(kind).empty());
    }
    auto events = db::columns_of(InboxKind::events);
    auto required = std::count_if(events.begin(), events.end(), [](auto c) { return c.required; });
    CHECK(required == 3);
    CHECK(events[3].name == "detail");
}

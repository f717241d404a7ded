// Bookings name a meeting by date: resolution of district and LIFT group, and the
// bookings refused because no such meeting exists.
#include <catch2/catch.hpp>

#include "support/import_fixture.hpp"

using db::ImportOutcome;

namespace {

const std::string kHeader = "pupil_ref,kind,meeting_date,district,group,paperwork_received\n";

std::vector<core::Booking> bookings(test_support::ImportFixture& f) {
    const core::Dataset d = f.store().load_dataset();
    std::vector<core::Booking> out;
    for (const core::BookingEntry& b : d.bookings)
        out.push_back({std::string(d.pupils[b.pupil].pupil_ref), b.kind, b.meeting_date,
                       std::string(b.district), std::string(b.group), b.paperwork_received});
    return out;
}

}  // namespace

TEST_CASE("a LIFT booking without district or group takes the pupil's school's",
          "[import][bookings]") {
    test_support::ImportFixture f;
    f.seed();
    auto report = f.import("bookings.csv", kHeader +
                                               "P00001,lift,13/03/2025,,,2025-03-01\n"
                                               "P00003,LIFT,2025-03-13,,,\n");
    INFO(report.error_text());
    REQUIRE(report.outcome == ImportOutcome::imported);
    auto rows = bookings(f);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].district == "Maidstone");
    CHECK(rows[0].group == "A");  // two groups meet that day: the school's group decides
    CHECK(rows[0].paperwork_received == core::Date::from_ymd(2025, 3, 1));
    CHECK(rows[1].group == "B");
    CHECK_FALSE(rows[1].paperwork_received);
}

TEST_CASE("a term's lift_groups row overrides the school's group", "[import][bookings]") {
    test_support::ImportFixture f;
    f.seed();
    test_support::ImportFixture::must(
        f.import("lift_groups.csv", "urn,academic_year,term,group\n900001,2024/25,spring,B\n"));
    test_support::ImportFixture::must(
        f.import("bookings.csv", kHeader + "P00001,lift,2025-03-13,,,\n"));
    CHECK(bookings(f).at(0).group == "B");
}

TEST_CASE("a booking may name another district's meeting and its group", "[import][bookings]") {
    test_support::ImportFixture f;
    f.seed();
    auto report = f.import("bookings.csv", kHeader +
                                               "P00001,lift,2025-03-20,swale,,\n"
                                               "P00003,lift,2025-03-13,,a,\n");
    INFO(report.error_text());
    REQUIRE(report.outcome == ImportOutcome::imported);
    auto rows = bookings(f);
    CHECK(rows[0].district == "Swale");
    CHECK(rows[0].group == "B");
    CHECK(rows[1].group == "A");  // stored in the schedule's spelling
}

TEST_CASE("a booking for a meeting that does not exist is refused", "[import][bookings]") {
    test_support::ImportFixture f;
    f.seed();
    auto report = f.import("bookings.csv", kHeader +
                                               "P00001,lift,2025-03-14,,,\n"
                                               "P00001,lift,2025-03-20,Swale,C,\n"
                                               "P00001,surgery,2025-02-05,,,\n"
                                               "P00002,surgery,2025-02-05,,,\n"
                                               "P00002,dinner,2025-02-05,,,\n");
    CHECK(report.outcome == ImportOutcome::refused);
    std::string text = report.error_text();
    std::string file = (f.dir() / "bookings.csv").string();
    CHECK_THAT(text,
               Catch::Contains(
                   file + ":2: field 'meeting_date': no LIFT meeting in Maidstone on 2025-03-14"));
    CHECK_THAT(
        text, Catch::Contains(file +
                              ":3: field 'group': no LIFT group 'C' meets in Swale on 2025-03-20"));
    CHECK_THAT(text, Catch::Contains(
                         file + ":5: field 'meeting_date': no Surgery in Swale on 2025-02-05"));
    CHECK_THAT(
        text,
        Catch::Contains(file + ":6: field 'kind': 'dinner' is not a booking kind (lift, surgery)"));
    CHECK(report.problems.size() == 4);
    CHECK(f.count("booking") == 0);
}

// The Dataset's packed pupil, event and booking tables: what goes in comes out (texts,
// dates, kinds, staff ids), grouped by pupil in date order, lookups by ref whether or
// not the pupils arrive in ref order, re-indexing after more rows, and the memory a
// 100k-pupil dataset takes (the budget behind rss_data_100k_mb).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace {

core::Date d(const char* iso) {
    return core::parse_date(iso).value();
}

core::Pupil pupil(const std::string& ref, const std::string& first = "") {
    return {ref, "900001", "AB", first, first.empty() ? "" : "Testpupil", 4, core::NeedArea::cl};
}

}  // namespace

TEST_CASE("events come back per pupil, by date then kind, with their detail and staff") {
    core::Dataset data;
    data.pupils.push_back(pupil("P00001"));
    data.pupils.push_back(pupil("P00002"));
    data.events.push_back({"P00002", core::EventKind::visit, d("2025-03-01"), "", "ST01"});
    data.events.push_back({"P00001", core::EventKind::qfla, d("2025-02-01"), "", ""});
    data.events.push_back({"P00001", core::EventKind::concern_raised, d("2025-01-10"), "", ""});
    data.events.push_back({"P00001", core::EventKind::recommendation, d("2025-02-01"), "salt", ""});
    data.events.push_back(
        {"P09999", core::EventKind::qfla, d("2025-02-01"), "", ""});  // no such pupil
    data.index();

    auto first = data.events_of("P00001");
    REQUIRE(first.size() == 3);
    CHECK(first[0].kind == core::EventKind::concern_raised);
    CHECK(first[1].kind == core::EventKind::qfla);  // same day: kind order
    CHECK(first[2].kind == core::EventKind::recommendation);
    CHECK(first[2].detail == "salt");
    CHECK(first[2].staff_id.empty());
    auto second = data.events_of(size_t{1});
    REQUIRE(second.size() == 1);
    CHECK(second.front().staff_id == "ST01");
    CHECK(second.front().date == d("2025-03-01"));
    CHECK(data.events.size() == 4);  // the unknown pupil's event is dropped
    CHECK(data.events_of("P09999").empty());
}

TEST_CASE("adding rows after index() and indexing again keeps the earlier rows") {
    core::Dataset data;
    data.pupils.push_back(pupil("P00001"));
    data.events.push_back({"P00001", core::EventKind::visit, d("2025-03-01"), "", "ST01"});
    data.bookings.push_back(
        {"P00001", core::BookingKind::lift, d("2025-04-03"), "Maidstone", "A", {}});
    data.index();
    data.pupils.push_back(pupil("P00002"));
    data.events.push_back({"P00001", core::EventKind::qfla, d("2025-01-01"), "", ""});
    data.events.push_back({"P00002", core::EventKind::visit, d("2025-02-01"), "", "ST02"});
    data.bookings.push_back(
        {"P00001", core::BookingKind::surgery, d("2025-02-03"), "Maidstone", "", d("2025-01-20")});
    data.index();

    auto events = data.events_of("P00001");
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == core::EventKind::qfla);
    CHECK(events[1].staff_id == "ST01");
    CHECK(data.events_of("P00002").front().staff_id == "ST02");
    auto bookings = data.bookings_of("P00001");
    REQUIRE(bookings.size() == 2);
    CHECK(bookings[0].kind == core::BookingKind::surgery);
    CHECK(bookings[0].paperwork_received == d("2025-01-20"));
    CHECK(bookings[1].group == "A");
    CHECK_FALSE(bookings[1].paperwork_received);
    CHECK(bookings[1].pupil == 0);
    CHECK(data.bookings[bookings[1].index].meeting_date == d("2025-04-03"));
}

TEST_CASE("pupils are found by ref whether or not they arrive in ref order") {
    for (bool sorted : {true, false}) {
        core::Dataset data;
        std::vector<std::string> refs = {"P00003", "P00001", "P00002"};
        if (sorted) refs = {"P00001", "P00002", "P00003"};
        for (const auto& ref : refs) data.pupils.push_back(pupil(ref, "Ari"));
        data.index();
        for (size_t i = 0; i < refs.size(); ++i) {
            CHECK(data.pupil_index(refs[i]) == static_cast<int>(i));
            CHECK(data.pupil(refs[i])->pupil_ref == refs[i]);
        }
        CHECK(data.pupil_index("P00000") == -1);
        CHECK(data.pupil_index("P00004") == -1);
        CHECK(data.pupil_index("") == -1);
        CHECK_FALSE(data.pupil("P0000"));
    }
}

TEST_CASE("a pupil's record can be read back and replaced") {
    core::Dataset data;
    data.pupils.push_back(pupil("P00001"));
    core::Pupil p = data.pupils.record(0);
    CHECK(p == pupil("P00001"));
    p.first_name = "Fictional";
    p.year_group = 0;
    data.pupils.replace(0, p);
    data.index();
    CHECK(data.pupils[0].first_name == "Fictional");
    CHECK(data.pupils[0].year_group == 0);
    CHECK_THROWS_AS(data.pupils.at(1), std::out_of_range);
}

TEST_CASE("100k pupils with ten events each fit in 18 MB (records of strings took 150)") {
    core::Dataset data;
    const char* staff[] = {"", "", "", "ST01", "", "", "", "", "", ""};
    for (int i = 0; i < 100000; ++i) {
        const std::string ref = "P" + std::to_string(100000 + i);
        data.pupils.push_back(pupil(ref, i % 2 ? "Ari" : "Bo"));
        for (int e = 0; e < 10; ++e)
            data.events.add(ref, static_cast<core::EventKind>(e), core::Date{20000 + e * 30},
                            e == 8 ? "salt" : "", staff[e]);
        data.bookings.add(ref, core::BookingKind::lift, core::Date{20400}, "Maidstone", "A", {});
    }
    data.index();
    INFO("dataset heap: " << data.memory_bytes() << " bytes");
    CHECK(data.memory_bytes() < 18u * 1000 * 1000);
    CHECK(data.events_of("P154321").size() == 10);
    CHECK(data.events_of("P154321")[3].staff_id == "ST01");
    CHECK(data.events_of("P154321")[8].detail == "salt");
}

TEST_CASE("an event's note, owner and review date come back, also after re-indexing") {
    core::Dataset data;
    data.pupils.push_back(pupil("P00001"));
    core::Event rec{"P00001", core::EventKind::recommendation, d("2025-03-13"), "training", "ST01"};
    rec.note = "INSET, then “zones”";
    rec.owner = "school";
    rec.review_date = d("2025-06-12");
    data.events.push_back(rec);
    data.events.push_back({"P00001", core::EventKind::visit, d("2025-03-20"), "", "ST01"});
    data.index();
    data.events.push_back({"P00001", core::EventKind::concern_raised, d("2025-01-10"), "", ""});
    data.index();  // rows already indexed go back through staging with their extras

    auto events = data.events_of("P00001");
    REQUIRE(events.size() == 3);
    CHECK(events[1].kind == core::EventKind::recommendation);
    CHECK(events[1].note == "INSET, then “zones”");
    CHECK(events[1].owner == "school");
    CHECK(events[1].review_date == d("2025-06-12"));
    CHECK(events[1].staff_id == "ST01");
    for (size_t i : {size_t{0}, size_t{2}}) {
        CHECK(events[i].note.empty());
        CHECK(events[i].owner.empty());
        CHECK_FALSE(events[i].review_date);
    }
    CHECK(events[2].staff_id == "ST01");
}

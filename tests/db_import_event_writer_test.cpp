// The importer's batched event writer against Store::upsert: the same counts and the
// same rows, for whole batches, partial batches, updates and unchanged rows.
#include <catch2/catch.hpp>

#include "db/import/event_writer.hpp"
#include "support/import_fixture.hpp"

namespace {

const char* const kPupils[] = {"P00001", "P00002", "P00003"};

// `count` distinct events; `staff` decides each one's staff_id and, for some, the
// note, owner and review date (so a second call with other staff changes those too).
std::vector<core::Event> events(int first, int count, const std::string& staff) {
    std::vector<core::Event> out;
    auto day = core::Date::from_ymd(2024, 9, 2);
    for (int i = first; i < first + count; ++i) {
        core::Event e{kPupils[i % 3], static_cast<core::EventKind>(i % core::kEventKindCount),
                      day + i, i % 5 == 0 ? "Free text \xE2\x80\x9Cnote\xE2\x80\x9D" : "",
                      i % 2 ? staff : ""};
        if (i % 3 == 0) e.note = "agreed with " + staff;
        if (i % 4 == 0) e.owner = staff.empty() ? "school" : staff;
        if (i % 6 == 0) e.review_date = day + i + (staff == "EP01" ? 14 : 7);
        out.push_back(e);
    }
    return out;
}

db::inbox::WriteCounts upsert_all(db::Store& store, const std::vector<core::Event>& rows) {
    db::inbox::WriteCounts counts;
    for (const auto& row : rows) counts.add(store.upsert(row));
    return counts;
}

void check_same(const db::inbox::WriteCounts& a, const db::inbox::WriteCounts& b) {
    CHECK(a.inserted == b.inserted);
    CHECK(a.updated == b.updated);
    CHECK(a.unchanged == b.unchanged);
}

}  // namespace

TEST_CASE("the event writer and Store::upsert agree on counts and rows", "[import][writer]") {
    test_support::ImportFixture general, fast;
    general.seed();
    fast.seed();
    db::inbox::EventWriter writer(fast.store().database());

    // 130 rows: two whole batches and a partial one, all new.
    auto first = events(0, 130, "ST01");
    check_same(writer.write(first), upsert_all(general.store(), first));
    // 100 rows again (some staff, notes, owners or review dates changed, some not) and
    // 30 new ones, mixed in batches.
    auto second = events(70, 130, "EP01");
    auto counts = writer.write(second);
    check_same(counts, upsert_all(general.store(), second));
    CHECK(counts.inserted == 70);
    // Updated: the 30 odd rows (staff) and the 20 even rows with a note or an owner.
    CHECK(counts.updated == 50);
    CHECK(counts.unchanged == 10);
    // The same again: nothing changes.
    auto again = writer.write(second);
    CHECK(again.unchanged == 130);
    check_same(again, upsert_all(general.store(), second));

    CHECK(fast.dump_table("event") == general.dump_table("event"));
    CHECK(fast.count("event") == 200);
}

TEST_CASE("the event writer reports SQLite's refusal", "[import][writer]") {
    test_support::ImportFixture f;
    f.seed();
    db::inbox::EventWriter writer(f.store().database());
    // No such pupil: the foreign key still guards the table, in a batch or alone.
    auto orphans = events(0, 60, "");
    orphans[55].pupil_ref = "P99999";
    orphans[10].pupil_ref = "P99998";
    CHECK_THROWS_AS(writer.write(orphans), SQLite::Exception);
    // Statements were reset after the failure: the next rows go in.
    auto counts = writer.write(events(100, 3, ""));
    CHECK(counts.inserted == 3);
}

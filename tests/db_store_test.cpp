// The Store: migrations from empty and on re-open, file mode, pragmas, and a round trip
// of every table through upsert and load_dataset.
#include <SQLiteCpp/Transaction.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "db/migrations.hpp"
#include "db/store.hpp"
#include "support/temp_dir.hpp"

using core::Date;
using test_support::TempDir;

namespace {

Date d(const char* iso) { return core::parse_date(iso).value(); }

void fill(db::Store& store) {
    SQLite::Transaction tx(store.database());
    store.upsert(core::School{"900001", "Larkspur Primary School", "Maidstone", "A", "primary"});
    store.upsert(core::Term{"2024/25", core::TermName::autumn, d("2024-09-02"), d("2024-12-20")});
    store.upsert(core::LiftGroupAssignment{"900001", "2024/25", core::TermName::spring, "B"});
    store.upsert(core::Staff{"ST01", "Kit Fenwick", core::Role::specialist_teacher, "Maidstone"});
    store.upsert(core::LiftMeeting{"Maidstone", "A", d("2024-10-10"), d("2024-10-03"), "Room 2"});
    store.upsert(core::Surgery{"Maidstone", d("2024-10-01"), "Room 1", "ST01"});
    core::Pupil pupil{"P000001", "900001", "AB", "Ari", "Brightwell"};
    pupil.year_group = 4;
    pupil.need_area = core::NeedArea::semh;
    store.upsert(pupil);
    store.upsert(core::Event{"P000001", core::EventKind::caselist_opened, d("2024-10-20"),
                             "Reads a visual timetable — “independently” ✓", "ST01"});
    store.upsert(core::Booking{"P000001", core::BookingKind::lift, d("2024-10-10"), "Maidstone",
                               "A", d("2024-10-01")});
    store.upsert(core::CaseState{"P000001", "ST01", 2});
    tx.commit();
}

}  // namespace

TEST_CASE("a new store is created with mode 0600 and migrated to the latest version") {
    TempDir dir;
    auto file = dir / "new.db";
    {
        db::Store store(file);
        CHECK(store.database().execAndGet("PRAGMA user_version").getInt() ==
              db::latest_schema_version());
        CHECK(store.database().execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(store.database().execAndGet("PRAGMA foreign_keys").getInt() == 1);
        CHECK(store.database().execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
        CHECK(store.database().execAndGet("SELECT count(*) FROM district").getInt() == 12);
    }
    struct stat info {};
    REQUIRE(stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("re-opening a store keeps its data and does not migrate twice") {
    TempDir dir;
    auto file = dir / "reopen.db";
    {
        db::Store store(file);
        fill(store);
    }
    db::Store again(file);
    CHECK(again.database().execAndGet("SELECT count(*) FROM district").getInt() == 12);
    CHECK(again.database().execAndGet("SELECT count(*) FROM pupil").getInt() == 1);
}

TEST_CASE("a database from a newer liftboard is refused with the file named") {
    TempDir dir;
    auto file = dir / "newer.db";
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 999");
    }
    REQUIRE_THROWS_WITH(db::Store(file), Catch::Contains("newer.db") && Catch::Contains("newer"));
}

TEST_CASE("read-only access needs an existing database") {
    TempDir dir;
    REQUIRE_THROWS_WITH(db::Store(dir / "missing.db", db::Store::Access::read_only),
                        Catch::Contains("missing.db") && Catch::Contains("no such database"));
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("a file that is not a database gives an error naming it") {
    TempDir dir;
    test_support::write_file(dir / "junk.db", std::string(4096, 'x'));
    REQUIRE_THROWS_WITH(db::Store(dir / "junk.db"), Catch::Contains("junk.db"));
}

TEST_CASE("every table round-trips through upsert and load_dataset") {
    TempDir dir;
    db::Store store(dir / "rt.db");
    fill(store);
    core::Dataset data = store.load_dataset();

    REQUIRE(data.schools.size() == 1);
    CHECK(data.schools[0] == core::School{"900001", "Larkspur Primary School", "Maidstone", "A", "primary"});
    REQUIRE(data.terms.size() == 1);
    CHECK(data.terms[0] == core::Term{"2024/25", core::TermName::autumn, d("2024-09-02"), d("2024-12-20")});
    REQUIRE(data.lift_groups.size() == 1);
    CHECK(data.lift_groups[0].group == "B");
    CHECK(data.lift_groups[0].term == core::TermName::spring);
    REQUIRE(data.staff.size() == 1);
    CHECK(data.staff[0].role == core::Role::specialist_teacher);
    REQUIRE(data.meetings.size() == 1);
    CHECK(data.meetings[0].paperwork_deadline == d("2024-10-03"));
    REQUIRE(data.surgeries.size() == 1);
    CHECK(data.surgeries[0].staff_id == "ST01");
    REQUIRE(data.pupils.size() == 1);
    CHECK(data.pupils[0].year_group == 4);
    CHECK(data.pupils[0].need_area == core::NeedArea::semh);
    REQUIRE(data.events.size() == 1);
    CHECK(data.events[0].detail == "Reads a visual timetable — “independently” ✓");
    REQUIRE(data.bookings.size() == 1);
    CHECK(data.bookings[0].paperwork_received == d("2024-10-01"));
    REQUIRE(data.cases.size() == 1);
    CHECK(data.cases[0].priority == 2);

    CHECK(data.pupil_index("P000001") == 0);
    CHECK(data.pupil("P000001")->pupil_ref == "P000001");
    CHECK_FALSE(data.pupil("P000002"));
    CHECK(data.events_of("P000001").size() == 1);
    CHECK(data.bookings_of(size_t{0}).size() == 1);
    CHECK(data.school("nope") == nullptr);
}

TEST_CASE("upsert reports inserted, updated and unchanged") {
    TempDir dir;
    db::Store store(dir / "upsert.db");
    core::School school{"900001", "Larkspur Primary School", "Maidstone", "A", "primary"};
    CHECK(store.upsert(school) == db::Upsert::inserted);
    CHECK(store.upsert(school) == db::Upsert::unchanged);
    school.lift_group = "C";
    CHECK(store.upsert(school) == db::Upsert::updated);
    CHECK(store.load_dataset().schools[0].lift_group == "C");

    core::Booking booking{"P1", core::BookingKind::lift, d("2024-10-10"), "", "", std::nullopt};
    store.upsert(core::Pupil{"P1", "900001", "AB", "", ""});
    CHECK(store.upsert(booking) == db::Upsert::inserted);
    CHECK(store.upsert(booking) == db::Upsert::unchanged);  // NULL compared with IS NOT
    booking.paperwork_received = d("2024-10-02");
    CHECK(store.upsert(booking) == db::Upsert::updated);
}

TEST_CASE("the schema refuses values the contract does not have") {
    TempDir dir;
    db::Store store(dir / "checks.db");
    // An unknown district and a pupil at an unknown school break foreign keys.
    CHECK_THROWS(store.upsert(core::School{"1", "X", "Atlantis", "", ""}));
    CHECK_THROWS(store.upsert(core::Pupil{"P1", "no-such-school", "AB", "", ""}));
    CHECK(store.database().execAndGet("SELECT count(*) FROM school").getInt() == 0);
}

TEST_CASE("an event's note, owner and review date round-trip and update like other fields") {
    TempDir dir;
    db::Store store(dir / "extras.db");
    fill(store);
    core::Event rec{"P000001", core::EventKind::recommendation, d("2024-10-10"), "training", ""};
    rec.note = "Whole-class “zones”, reviewed by the SENCo";
    rec.owner = "school";
    rec.review_date = d("2025-01-10");
    CHECK(store.upsert(rec) == db::Upsert::inserted);
    CHECK(store.upsert(rec) == db::Upsert::unchanged);
    rec.review_date = d("2025-02-10");
    CHECK(store.upsert(rec) == db::Upsert::updated);

    core::Dataset data = store.load_dataset();
    auto events = data.events_of("P000001");
    REQUIRE(events.size() == 2);
    const core::EventEntry loaded =
        events[0].kind == core::EventKind::recommendation ? events[0] : events[1];
    CHECK(loaded.note == rec.note);
    CHECK(loaded.owner == "school");
    CHECK(loaded.review_date == d("2025-02-10"));
    const core::EventEntry other =
        events[0].kind == core::EventKind::recommendation ? events[1] : events[0];
    CHECK(other.note.empty());
    CHECK_FALSE(other.review_date);

    // A review date before its event is not a fact the contract has.
    rec.date = d("2025-03-01");
    CHECK_THROWS(store.upsert(rec));
}

TEST_CASE("a store of schema version 2 opens, migrates and keeps its events") {
    TempDir dir;
    {
        db::Store store(dir / "v2.db");
        fill(store);
        // Back to version 2 as it was before issue 11: no note, owner or review_date.
        SQLite::Database& raw = store.database();
        raw.exec("ALTER TABLE event DROP COLUMN review_date");
        raw.exec("ALTER TABLE event DROP COLUMN owner");
        raw.exec("ALTER TABLE event DROP COLUMN note");
        raw.exec("PRAGMA user_version = 2");
    }
    db::Store store(dir / "v2.db");
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() ==
          db::latest_schema_version());
    core::Dataset data = store.load_dataset();
    REQUIRE(data.events.size() == 1);
    CHECK(data.events[0].detail == "Reads a visual timetable — “independently” ✓");
    CHECK(data.events[0].note.empty());
    CHECK_FALSE(data.events[0].review_date);
    core::Event later{"P000001", core::EventKind::recommendation, d("2024-10-10"), "advice", ""};
    later.owner = "EP";
    later.review_date = d("2024-12-10");
    CHECK(store.upsert(later) == db::Upsert::inserted);
    core::Dataset after = store.load_dataset();
    CHECK(after.events_of("P000001")[0].owner == "EP");  // 10 Oct, first
}

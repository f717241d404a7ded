// The dataset cache beside the store (db/dataset_cache.hpp, core/dataset_image.hpp): it
// reads back equal row for row to Store::load_dataset(), it is never used once anything
// wrote to the store after it was made (another connection, the writer's own commands),
// a damaged file is refused without a crash, and a writer's first snapshot comes from it
// only while it is valid. Real SQLite files in a temp dir, a 1k-pupil demo district.
#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <random>

#include "core/dataset_image.hpp"
#include "db/dataset_cache.hpp"
#include "db/demo/demo_generator.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "db/sync/writer.hpp"
#include "support/dataset_compare.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

namespace fs = std::filesystem;
using core::Date;

namespace {

const Date kToday = *core::parse_date("2025-11-20");

// A 1k-pupil demo store, plus the rows the demo has none of: a triage state, an
// unresolved hub conflict and an event of a kind this version cannot read.
struct DemoStore {
    test_support::TempDir dir;
    fs::path database = dir / "store.db";
    fs::path cache = db::dataset_cache_path(database);
    std::string first_ref;

    DemoStore() {
        db::demo::DemoOptions demo;
        demo.pupils = 1000;
        demo.today = kToday;
        const auto world = db::demo::generate_demo(demo);
        first_ref = world.pupils.front().pupil_ref;
        db::Store store(database);
        db::demo::write_demo(store, world);
        store.upsert(core::CaseState{first_ref, "ST01", 2});
        store.database().exec(
            "INSERT INTO hub_conflict(op_id, detected_at, edited_at, who, what, pupil_ref, "
            "effects) VALUES ('op1', '2025-11-19T10:00:00Z', '2025-11-19T09:00:00Z', 'kiosk', "
            "'priority', '" +
            first_ref + "', '{}')");
        store.database().exec("INSERT INTO event(pupil_ref, event, date) VALUES ('" + first_ref +
                              "', 'kind_from_the_future', '2025-10-01')");
    }
};

// Saves the store's Dataset as its cache, as the writer does after a full load.
bool save_cache(db::Store& store, const fs::path& file) {
    const int64_t version = db::data_version(store);
    const core::Dataset data = store.load_dataset();
    return db::save_dataset_cache(store, data, version, file);
}

// `data` with the first pupil's initials changed: a Dataset the store does not hold.
core::Dataset with_other_initials(const core::Dataset& data) {
    core::DatasetPatch patch;
    patch.pupils = {0};
    patch.records = {data.pupils.record(0)};
    patch.records[0].initials = "QX";
    for (const core::EventEntry e : data.events_of(size_t{0}))
        patch.events.push_back({patch.records[0].pupil_ref, e.kind, e.date, std::string(e.detail),
                                std::string(e.staff_id), std::string(e.note), std::string(e.owner),
                                e.review_date});
    for (const core::BookingEntry b : data.bookings_of(size_t{0}))
        patch.bookings.push_back({patch.records[0].pupil_ref, b.kind, b.meeting_date,
                                  std::string(b.district), std::string(b.group),
                                  b.paperwork_received});
    patch.cases = data.cases;
    patch.conflicts = data.conflicts;
    return core::Dataset::patched(data, std::move(patch));
}

std::shared_ptr<const core::Snapshot> first_snapshot(core::SnapshotChannel& channel,
                                                     db::Writer& writer) {
    writer.start();
    REQUIRE(test_support::wait_until([&] { return channel.current() != nullptr; }));
    return channel.current();
}

db::WriterOptions writer_options(const fs::path& database) {
    db::WriterOptions options;
    options.database = database;
    options.today = kToday;
    return options;
}

// The snapshot against a full build from the store: its Dataset row for row, and the
// boards made from it.
int cache_triggers(db::Store& store) {
    return store.database()
        .execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB "
                    "'liftboard_cache_*'")
        .getInt();
}

std::string full_build_difference(const fs::path& database, const core::Snapshot& snapshot) {
    db::Store reader(database, db::Store::Access::read_only);
    const db::WriterOptions options = writer_options(database);
    const auto full = db::snapshot_from_store(
        reader, core::SnapshotOptions{kToday, options.rules, options.home_district}, 0);
    std::string difference = test_support::compare_datasets(*snapshot.data, *full->data);
    if (difference.empty() && snapshot.caseload.size() != full->caseload.size())
        difference = "caseload rows";
    if (difference.empty() && snapshot.triage.rows.size() != full->triage.rows.size())
        difference = "triage rows";
    if (difference.empty() && snapshot.assessments.size() != full->assessments.size())
        difference = "assessments";
    for (size_t i = 0; difference.empty() && i < snapshot.assessments.size(); ++i)
        if (snapshot.assessments[i].findings.size() != full->assessments[i].findings.size())
            difference = "findings of pupil " + std::to_string(i);
    return difference;
}

}  // namespace

TEST_CASE("the dataset cache reads back equal row for row to the store's dataset") {
    DemoStore demo;
    db::Store store(demo.database);
    REQUIRE(save_cache(store, demo.cache));

    struct stat st {};
    REQUIRE(::stat(demo.cache.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const auto cached = db::load_dataset_cache(store, demo.cache);
    REQUIRE(cached);
    const core::Dataset loaded = store.load_dataset();
    CHECK(test_support::compare_datasets(*cached, loaded) == "");
    // The rows the demo lacks came through too, and the lookups work.
    CHECK(cached->newer_version_rows == 1);
    REQUIRE(cached->conflicts.size() == 1);
    REQUIRE(cached->case_state(demo.first_ref));
    CHECK(cached->case_state(demo.first_ref)->priority == 2);
    CHECK(cached->pupil_index(demo.first_ref) == loaded.pupil_index(demo.first_ref));
    CHECK(cached->school(loaded.schools.front().urn));

    // A patched Dataset (what the writer holds at stop after edits) round-trips too.
    const core::Dataset patched = with_other_initials(loaded);
    std::string why;
    const auto again = core::dataset_from_image(core::dataset_image(patched), why);
    INFO(why);
    REQUIRE(again);
    CHECK(test_support::compare_datasets(*again, patched) == "");
    CHECK(again->pupils[0].initials == "QX");
}

TEST_CASE("the dataset cache is not used after a write by another connection") {
    DemoStore demo;
    db::Store store(demo.database);
    // One write to each table the Dataset is read from, each by a second connection.
    const std::string ref = demo.first_ref;
    const std::vector<std::string> writes = {
        "UPDATE pupil SET initials = 'ZZ' WHERE pupil_ref = '" + ref + "'",
        "INSERT INTO event(pupil_ref, event, date) VALUES ('" + ref + "', 'visit', '2025-11-01')",
        "DELETE FROM booking WHERE pupil_ref IN (SELECT pupil_ref FROM booking LIMIT 1)",
        "UPDATE case_state SET priority = 3",
        "UPDATE school SET name = name || ' Renamed' WHERE rowid = 1",
        "UPDATE term SET end_date = end_date WHERE academic_year IN (SELECT academic_year "
        "FROM term LIMIT 1)",
        "DELETE FROM lift_group WHERE urn IN (SELECT urn FROM lift_group LIMIT 1)",
        "UPDATE staff SET name = 'Renamed' WHERE rowid = 1",
        "UPDATE lift_meeting SET venue = 'Hall' WHERE district IN (SELECT district FROM "
        "lift_meeting LIMIT 1)",
        "DELETE FROM surgery WHERE district IN (SELECT district FROM surgery LIMIT 1)",
        "UPDATE hub_conflict SET resolved_at = '2025-11-20T08:00:00Z'",
    };
    for (const std::string& write : writes) {
        INFO(write);
        REQUIRE(save_cache(store, demo.cache));
        REQUIRE(db::load_dataset_cache(store, demo.cache).has_value());
        {
            SQLite::Database other(demo.database, SQLite::OPEN_READWRITE);
            REQUIRE(other.exec(write) > 0);
        }
        CHECK_FALSE(db::load_dataset_cache(store, demo.cache).has_value());
    }

    SECTION("a write between reading the Dataset and saving it leaves the cache unused") {
        const int64_t version = db::data_version(store);
        const core::Dataset data = store.load_dataset();
        {
            SQLite::Database other(demo.database, SQLite::OPEN_READWRITE);
            other.exec("UPDATE pupil SET initials = 'YY' WHERE pupil_ref = '" + ref + "'");
        }
        CHECK_FALSE(db::save_dataset_cache(store, data, version, demo.cache));
        CHECK_FALSE(db::load_dataset_cache(store, demo.cache).has_value());
        CHECK_FALSE(store.meta(db::kDatasetCacheTokenKey).has_value());
    }
}

TEST_CASE("a damaged, truncated or foreign dataset cache is refused without a crash") {
    DemoStore demo;
    db::Store store(demo.database);
    REQUIRE(save_cache(store, demo.cache));
    const std::string good = test_support::read_file(demo.cache);
    REQUIRE(db::load_dataset_cache(store, demo.cache).has_value());
    auto refused = [&](const std::string& bytes) {
        test_support::write_file(demo.cache, bytes);
        return !db::load_dataset_cache(store, demo.cache).has_value();
    };

    SECTION("truncated anywhere") {
        for (size_t size : {size_t{0}, size_t{7}, size_t{40}, size_t{60}, size_t{100},
                            good.size() / 2, good.size() - 1})
            CHECK(refused(good.substr(0, size)));
        CHECK(refused(good + "x"));
    }
    SECTION("a flipped byte anywhere") {
        std::mt19937 random(7);
        for (int i = 0; i < 40; ++i) {
            std::string bad = good;
            const size_t at = std::uniform_int_distribution<size_t>(0, bad.size() - 1)(random);
            bad[at] = static_cast<char>(bad[at] ^ 0x10);
            INFO("byte " << at);
            CHECK(refused(bad));
        }
    }
    SECTION("another file version, or a length field far past the end") {
        std::string bad = good;
        bad[8] = static_cast<char>(bad[8] + 1);  // the file version after the magic
        CHECK(refused(bad));
        bad = good;
        for (size_t i = 48; i < 56; ++i) bad[i] = '\x7f';  // the image length
        CHECK(refused(bad));
        // The same in the image's own header, right after the file's.
        bad = good;
        for (size_t i = 56 + 36; i < 56 + 44; ++i) bad[i] = '\x7f';
        CHECK(refused(bad));
    }
    SECTION("not a regular file, or a link") {
        fs::remove(demo.cache);
        fs::create_directory(demo.cache);
        CHECK_FALSE(db::load_dataset_cache(store, demo.cache).has_value());
        fs::remove(demo.cache);
        test_support::write_file(demo.dir / "elsewhere", good);
        fs::create_symlink(demo.dir / "elsewhere", demo.cache);
        CHECK_FALSE(db::load_dataset_cache(store, demo.cache).has_value());
    }
    SECTION("forged damage behind a valid checksum: refused, or in range everywhere") {
        // What the checksum hides: ids, offsets and counts the reader checks itself.
        const std::string image = core::dataset_image(store.load_dataset());
        std::mt19937 random(11);
        int refused_images = 0;
        for (int i = 0; i < 300; ++i) {
            std::string bad = image;
            const size_t at = std::uniform_int_distribution<size_t>(52, bad.size() - 1)(random);
            bad[at] = static_cast<char>(bad[at] ^ (1 << (i % 8)));
            REQUIRE(core::reseal_dataset_image(bad));
            std::string why;
            const auto data = core::dataset_from_image(bad, why);
            if (!data) {
                ++refused_images;
                continue;
            }
            // Read every row the way the rules do: ASan/UBSan see any read out of range.
            (void)test_support::compare_datasets(*data, *data);
            for (size_t p = 0; p < data->pupils.size(); ++p)
                for (const core::BookingEntry b : data->bookings_of(p)) CHECK(b.pupil == p);
        }
        CHECK(refused_images > 0);
    }
}

TEST_CASE("a writer's first snapshot comes from a valid cache, equal to a full build") {
    DemoStore demo;
    {
        core::SnapshotChannel channel;
        core::SyncStatus status;
        db::Writer writer(writer_options(demo.database), channel, status);
        first_snapshot(channel, writer);
        writer.stop();  // a clean stop writes the cache
    }
    REQUIRE(fs::exists(demo.cache));
    {
        core::SnapshotChannel channel;
        core::SyncStatus status;
        db::Writer writer(writer_options(demo.database), channel, status);
        const auto snapshot = first_snapshot(channel, writer);
        CHECK(full_build_difference(demo.database, *snapshot) == "");
    }

    SECTION("the cache is what it reads: one that differs from the store shows") {
        // Proof the first snapshot came from the cache and not from SQLite: a cache marked
        // valid for data the store does not hold (only a broken writer could make one).
        {
            db::Store store(demo.database);
            fs::remove(demo.cache);  // or the valid one there would be kept as it is
            const int64_t version = db::data_version(store);
            const core::Dataset other = with_other_initials(store.load_dataset());
            REQUIRE(db::save_dataset_cache(store, other, version, demo.cache));
        }
        core::SnapshotChannel channel;
        core::SyncStatus status;
        db::Writer writer(writer_options(demo.database), channel, status);
        const auto snapshot = first_snapshot(channel, writer);
        CHECK(snapshot->data->pupils[0].initials == "QX");
    }
}

TEST_CASE("a writer started after an outside write does not use the stale cache") {
    DemoStore demo;
    {
        core::SnapshotChannel channel;
        core::SyncStatus status;
        db::Writer writer(writer_options(demo.database), channel, status);
        first_snapshot(channel, writer);
    }  // stopped by its destructor: the cache is written
    {
        db::Store store(demo.database, db::Store::Access::read_only);
        REQUIRE(store.meta(db::kDatasetCacheTokenKey).has_value());
    }
    {
        SQLite::Database other(demo.database, SQLite::OPEN_READWRITE);
        other.exec("UPDATE pupil SET initials = 'WW' WHERE pupil_ref = '" + demo.first_ref + "'");
    }
    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::Writer writer(writer_options(demo.database), channel, status);
    const auto snapshot = first_snapshot(channel, writer);
    CHECK(snapshot->data->pupil(demo.first_ref)->initials == "WW");
    CHECK(full_build_difference(demo.database, *snapshot) == "");
}

TEST_CASE("a writer's command unmarks the cache, and its clean stop writes a current one") {
    DemoStore demo;
    core::SnapshotChannel channel;
    core::SyncStatus status;
    {
        db::Writer writer(writer_options(demo.database), channel, status);
        first_snapshot(channel, writer);
        // No cache at the start: the writer writes one after its first snapshot.
        db::Store reader(demo.database, db::Store::Access::read_only);
        REQUIRE(test_support::wait_until(
            [&] { return reader.meta(db::kDatasetCacheTokenKey).has_value(); }));

        auto result = writer.submit(core::SetPriority{demo.first_ref, 1}, "cache test").get();
        REQUIRE(result.ok);
        CHECK_FALSE(reader.meta(db::kDatasetCacheTokenKey).has_value());
        CHECK_FALSE(db::load_dataset_cache(reader, demo.cache).has_value());
        // The cache's own meta write did not make the change log rebuild everything.
        CHECK(channel.current()->patched);
        // With the token gone the triggers guard nothing: dropped, so imports skip them.
        CHECK(test_support::wait_until([&] { return cache_triggers(reader) == 0; }));
        writer.stop();
        CHECK(cache_triggers(reader) == 33);
        // The stop wrote a cache that holds the command, marked valid.
        REQUIRE(reader.meta(db::kDatasetCacheTokenKey).has_value());
        const auto cached = db::load_dataset_cache(reader, demo.cache);
        REQUIRE(cached.has_value());
        CHECK(test_support::compare_datasets(*cached, reader.load_dataset()) == "");
    }
    core::SnapshotChannel again;
    db::Writer writer(writer_options(demo.database), again, status);
    const auto snapshot = first_snapshot(again, writer);
    REQUIRE(snapshot->data->case_state(demo.first_ref));
    CHECK(snapshot->data->case_state(demo.first_ref)->priority == 1);
    CHECK(full_build_difference(demo.database, *snapshot) == "");
}

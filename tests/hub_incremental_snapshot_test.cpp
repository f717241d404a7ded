// The property test of db_incremental_snapshot_test with hub pulls in the sequence, on
// a real PostgreSQL hub: a board's writer (inbox and hub) takes random changes of four
// sources, and after each pass its incremental snapshot must equal a full rebuild of
// its store. The sources: this board's triage commands and inbox files, another
// board's commands (pushed by that board, pulled by this one), and files imported
// straight into the hub by an office (pulled). LIFTBOARD_PROPERTY_SEED replays a run.
#include <catch2/catch.hpp>
#include <cstdio>

#include "db/hub/hub_importer.hpp"
#include "db/hub/hub_schema.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "db/sync/writer.hpp"
#include "support/hub_demo_world.hpp"
#include "support/incremental_property.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace test_support::incremental;

namespace {

// One board: a store in `folder` and a writer on the hub, driven with run_once.
struct Board {
    Board(const fs::path& folder, const std::string& hub, core::Date today, bool with_inbox) {
        fs::create_directories(folder / "inbox");
        options.database = folder / "store.db";
        options.hub = hub;
        options.today = today;
        if (with_inbox) options.inbox = folder / "inbox";
        writer = std::make_unique<db::Writer>(options, channel, status);
    }
    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    std::unique_ptr<db::Writer> writer;
};

// Imports every file in `folder` into the hub and removes it. A refused file (a
// bookings row for a pupil only this board knows yet) changes nothing: also a step.
std::string import_into_hub(const std::string& hub, const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
    pqxx::connection connection(hub);
    std::string outcome;
    for (const db::ImportReport& report : db::hub::import_files_to_hub(connection, files))
        outcome += report.outcome == db::ImportOutcome::imported ? " (in the hub)" : " (refused)";
    for (const fs::path& file : files) fs::remove(file);
    return outcome;
}

}  // namespace

TEST_CASE("incremental snapshots equal a full rebuild after hub pulls, commands and files") {
    const uint64_t seed = seed_to_use();
    INFO("seed " << seed << " (LIFTBOARD_PROPERTY_SEED=" << seed << " replays this run)");
    test_support::TempDir dir;
    db::demo::DemoOptions demo;
    demo.pupils = 1000;
    demo.today = *core::parse_date("2025-11-20");
    const db::demo::DemoWorld world = db::demo::generate_demo(demo);
    const std::string hub = test_support::fresh_hub_uri();
    {
        pqxx::connection connection(hub);
        db::hub::migrate_hub(connection);
        test_support::load_demo_into_hub(connection, world);
    }

    Board here(dir / "here", hub, demo.today, true), other(dir / "other", hub, demo.today, false);
    here.writer->run_once();  // the first pull of the whole district: a full build
    other.writer->run_once();
    REQUIRE(here.channel.current()->data->pupils.size() == world.pupils.size());
    db::Store reader(here.options.database, db::Store::Access::read_only);
    const core::SnapshotOptions snapshot_options{demo.today, here.options.rules,
                                                 here.options.home_district};
    const fs::path office = dir / "office";
    fs::create_directories(office);

    Changes changes(seed, world, *here.options.inbox);
    std::mt19937_64 random(seed ^ 0x5eed);
    constexpr int kSteps = 500;
    int patched = 0, pulled = 0;
    for (int step = 0; step < kSteps; ++step) {
        std::string what;
        const int roll = std::uniform_int_distribution<int>(0, 99)(random);
        if (roll < 40) {
            what = changes.next(*here.writer);
        } else if (roll < 80) {
            what = "other board's " + changes.command(*other.writer);
            other.writer->run_once();  // applied there and pushed
        } else {
            changes.set_drop_folder(office);
            what = "office's " + changes.pupil_file() + import_into_hub(hub, office);
            changes.set_drop_folder(*here.options.inbox);
        }
        const uint64_t before = here.channel.current()->generation;
        here.writer->run_once();  // commands, inbox, push and pull, then the snapshot
        INFO("step " << step << ": " << what);
        REQUIRE(here.writer->source_passes().size() == 1);
        REQUIRE(here.writer->source_passes()[0].ok);
        const auto incremental = here.channel.current();
        REQUIRE(incremental->generation > before);
        const auto full = db::snapshot_from_store(reader, snapshot_options, 0);
        const std::string difference = compare(*incremental, *full);
        if (!difference.empty())
            std::fprintf(stderr, "hub_incremental_snapshot_test: seed %llu, step %d (%s): %s\n",
                         static_cast<unsigned long long>(seed), step, what.c_str(),
                         difference.c_str());
        REQUIRE(difference == "");
        if (incremental->patched) ++patched;
        if (roll >= 40) ++pulled;
    }
    // Changes from the hub were pulled, and most snapshots took the incremental path.
    CHECK(pulled > kSteps / 3);
    CHECK(patched > kSteps / 2);
}

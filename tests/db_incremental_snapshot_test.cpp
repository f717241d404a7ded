// The writer's incremental snapshots (change_log, Dataset::patched, patch_snapshot)
// against a full rebuild from the same store, after every one of a random sequence of
// changes to a 1k-pupil district: inbox files of every kind (pupil-level ones mostly,
// reference tables now and then), every triage command, both in one pass. Equal row for
// row and finding for finding, or the test names the step, the change and the first
// difference, with its seed (LIFTBOARD_PROPERTY_SEED=<seed> replays a run).
// Hub pulls are in hub_incremental_snapshot_test (they need the PostgreSQL fixture).
#include <catch2/catch.hpp>
#include <cstdio>

#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "db/sync/writer.hpp"
#include "support/incremental_property.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace test_support::incremental;

TEST_CASE("incremental snapshots equal a full rebuild after every random change") {
    const uint64_t seed = seed_to_use();
    INFO("seed " << seed << " (LIFTBOARD_PROPERTY_SEED=" << seed << " replays this run)");
    test_support::TempDir dir;
    const fs::path database = dir / "store.db", inbox = dir / "inbox";
    fs::create_directories(inbox);
    db::demo::DemoOptions demo;
    demo.pupils = 1000;
    demo.today = *core::parse_date("2025-11-20");
    const db::demo::DemoWorld world = db::demo::generate_demo(demo);
    {
        db::Store store(database);
        db::demo::write_demo(store, world);
    }

    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = database;
    options.inbox = inbox;
    options.today = demo.today;
    db::Writer writer(options, channel, status);
    writer.run_once();  // the first snapshot: a full build
    db::Store reader(database, db::Store::Access::read_only);
    const core::SnapshotOptions snapshot_options{demo.today, options.rules, options.home_district};

    Changes changes(seed, world, inbox);
#ifdef __SANITIZE_ADDRESS__
    constexpr int kSteps = 150;  // the instrumented copy: the same paths, a third of the time
#else
    constexpr int kSteps = 500;
#endif
    int patched = 0;
    for (int step = 0; step < kSteps; ++step) {
        const std::string what = changes.next(writer);
        writer.run_once();
        const auto incremental = channel.current();
        const auto full = db::snapshot_from_store(reader, snapshot_options, 0);
        const std::string difference = compare(*incremental, *full);
        if (!difference.empty())
            std::fprintf(stderr, "db_incremental_snapshot_test: seed %llu, step %d (%s): %s\n",
                         static_cast<unsigned long long>(seed), step, what.c_str(),
                         difference.c_str());
        INFO("step " << step << ": " << what);
        REQUIRE(difference == "");
        if (incremental->patched) ++patched;
    }
    // Most changes are a few pupils' rows: those must have taken the incremental path,
    // or this test compared full builds with full builds.
    CHECK(patched > kSteps / 2);
}

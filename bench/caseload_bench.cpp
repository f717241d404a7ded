// Caseload benchmark on the 100k-pupil demo district: the time to open the store, load
// it and build the snapshot, and the CPU cost of a caseload frame (NewFrame to Render)
// while scrolling, in a real window (scripts/bench runs it under Xvfb).
// Prints "BENCH <name> <value> <unit>" lines.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "bench/bench_support.hpp"
#include "db/sync/store_snapshot.hpp"
#include "core/date.hpp"
#include "db/store.hpp"

namespace fs = std::filesystem;

namespace {

using bench_support::bench;
using bench_support::milliseconds_since;
using bench_support::percentile;
using bench_support::scrolled_frame_times;

constexpr int kPupils = 100000;
constexpr int kBuildRuns = 3;
constexpr int kWarmupFrames = 10;
constexpr int kMeasuredFrames = 300;
}  // namespace

int main() try {
    const fs::path db = bench_support::demo_database(kPupils);
    const core::Date today = *core::parse_date(bench_support::kToday);

    std::vector<double> builds;
    std::shared_ptr<const core::Snapshot> snapshot;
    for (int i = 0; i < kBuildRuns; ++i) {
        snapshot.reset();  // the previous snapshot's teardown is not part of a build
        const auto start = std::chrono::steady_clock::now();
        db::Store store(db, db::Store::Access::read_only);
        snapshot = db::snapshot_from_store(store, core::SnapshotOptions{today, {}}, 1);
        builds.push_back(milliseconds_since(start));
    }
    bench("snapshot_build_100k_ms", percentile(builds, 0.5), "ms");
    bench("caseload_rows_100k", static_cast<double>(snapshot->caseload.size()), "");
    {
        // The same build in its two halves, to show where the time goes.
        const auto load_start = std::chrono::steady_clock::now();
        db::Store store(db, db::Store::Access::read_only);
        auto data = std::make_shared<core::Dataset>(store.load_dataset());
        bench("store_load_100k_ms", milliseconds_since(load_start), "ms");
        core::SnapshotOptions snapshot_options;
        snapshot_options.today = today;
        const auto build_start = std::chrono::steady_clock::now();
        auto rebuilt = core::build_snapshot(std::move(data), snapshot_options);
        bench("snapshot_rules_100k_ms", milliseconds_since(build_start), "ms");
    }

    app::AppOptions options;
    options.window.size = {1920, 1080};
    options.window.visible = false;
    options.window.vsync = false;  // measure the CPU, not the display's refresh
    const auto start = std::chrono::steady_clock::now();
    app::App app(options);
    app.channel().publish(snapshot);
    app.render_frame();
    app.present();
    bench("window_first_frame_ms", milliseconds_since(start), "ms");

    // A page a frame, back to the top every 100 frames: new rows on every frame.
    const std::vector<double> frames =
        scrolled_frame_times(app, kWarmupFrames, kMeasuredFrames, 100);
    bench("caseload_frame_cpu_median_ms", percentile(frames, 0.5), "ms");
    bench("caseload_frame_cpu_p99_ms", percentile(frames, 0.99), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "caseload_bench: %s\n", e.what());
    return 1;
}

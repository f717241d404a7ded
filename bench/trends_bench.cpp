// Trends benchmark on the 100k-pupil demo district: the time the trends figures add to
// a snapshot build (core::build_trends over a loaded Dataset, with the rules engine the
// build has anyway), and the CPU cost of a trends board frame (NewFrame to Render) in a
// real window (scripts/bench runs it under Xvfb). Prints "BENCH <name> <value> <unit>".
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "app/app.hpp"
#include "bench/bench_support.hpp"
#include "core/date.hpp"
#include "core/trends.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"

namespace {

using bench_support::bench;
using bench_support::milliseconds_since;
using bench_support::percentile;

constexpr int kPupils = 100000;
constexpr int kRuns = 5;
constexpr int kWarmupFrames = 10;
constexpr int kMeasuredFrames = 300;

}  // namespace

int main() try {
    const std::filesystem::path db = bench_support::demo_database(kPupils);
    const core::Date today = *core::parse_date(bench_support::kToday);

    db::Store store(db, db::Store::Access::read_only);
    auto data = std::make_shared<const core::Dataset>(store.load_dataset());
    core::RulesConfig config;
    core::RulesEngine engine(*data, config);
    std::vector<double> runs;
    size_t terms = 0;
    for (int i = 0; i < kRuns; ++i) {
        const auto start = std::chrono::steady_clock::now();
        core::TrendFigures figures = core::build_trends(*data, engine, config, today);
        runs.push_back(milliseconds_since(start));
        terms = figures.terms.size();
    }
    bench("trends_100k_ms", percentile(runs, 0.5), "ms");
    bench("trends_terms_100k", static_cast<double>(terms), "");

    auto snapshot = core::build_snapshot(data, core::SnapshotOptions{today, config}, 1);
    app::AppOptions options;
    options.board = "trends";
    options.window.size = {1920, 1080};
    options.window.visible = false;
    options.window.vsync = false;  // measure the CPU, not the display's refresh
    app::App app(options);
    app.channel().publish(snapshot);
    app.render_frame();
    app.present();
    // The board has nothing to scroll: every frame draws all twelve charts.
    const std::vector<double> frames =
        bench_support::scrolled_frame_times(app, kWarmupFrames, kMeasuredFrames, 100);
    bench("trends_frame_cpu_median_ms", percentile(frames, 0.5), "ms");
    bench("trends_frame_cpu_p99_ms", percentile(frames, 0.99), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "trends_bench: %s\n", e.what());
    return 1;
}

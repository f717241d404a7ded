// Meeting board benchmark on the 100k-pupil demo district: the time to build the meeting
// model once the rules have run, and the CPU cost of a meeting-board frame (NewFrame to
// Render) while every card's booking list pages down, in a real window (scripts/bench
// runs it under Xvfb). Prints "BENCH <name> <value> <unit>" lines.
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "bench/bench_support.hpp"
#include "core/date.hpp"
#include "core/meetings.hpp"
#include "core/snapshot.hpp"

using namespace bench_support;

namespace {

constexpr int kPupils = 100000;
constexpr int kModelRuns = 5;
constexpr int kWarmupFrames = 10;
constexpr int kMeasuredFrames = 300;

}  // namespace

int main() try {
    const core::Date today = bench_today();
    const core::SnapshotOptions options{today, {}};
    const std::shared_ptr<const core::Snapshot> snapshot = demo_snapshot(kPupils);
    {
        // The model alone, over rules already built (build_snapshot shares its engine).
        core::RulesEngine engine(*snapshot->data, options.rules);
        std::vector<double> runs;
        for (int i = 0; i < kModelRuns; ++i) {
            const auto start = std::chrono::steady_clock::now();
            auto model =
                core::build_meetings(*snapshot->data, engine, snapshot->assessments,
                                     {today, options.home_district, options.rules.referral_cap});
            runs.push_back(milliseconds_since(start));
        }
        bench("meetings_model_100k_ms", percentile(runs, 0.5), "ms");
    }
    bench("meetings_cards_100k", static_cast<double>(snapshot->meetings.cards.size()), "");
    bench("meetings_bookings_100k", static_cast<double>(snapshot->meetings.booked), "");

    // Back to the top every 10 frames: the lists hold 30 to 110 bookings, so most
    // frames draw rows not drawn the frame before.
    const std::vector<double> frames =
        board_frame_times("meetings", snapshot, kWarmupFrames, kMeasuredFrames, 10);
    bench("meetings_frame_cpu_median_ms", percentile(frames, 0.5), "ms");
    bench("meetings_frame_cpu_p99_ms", percentile(frames, 0.99), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "meetings_bench: %s\n", e.what());
    return 1;
}

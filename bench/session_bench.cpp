// LIFT session board benchmark on the 100k-pupil demo district: the time to build the
// session model (the meeting's agenda, readiness and case summaries, over the snapshot's
// rules engine), and the CPU cost of a session-board frame (NewFrame to Render) while the
// case pane pages down, in a real window (scripts/bench runs it under Xvfb). Prints
// "BENCH <name> <value> <unit>" lines.
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "bench/bench_support.hpp"
#include "core/date.hpp"
#include "core/lift_session.hpp"
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
    const core::MeetingPick pick =
        core::pick_meeting(*snapshot->data, options.home_district, "", "", today);
    if (!pick.ok()) throw std::runtime_error(pick.error);
    {
        // What the board does once per snapshot: the model, over the snapshot's engine.
        std::vector<double> runs;
        size_t booked = 0;
        for (int i = 0; i < kModelRuns; ++i) {
            const auto start = std::chrono::steady_clock::now();
            const core::LiftSession session =
                core::build_lift_session(*snapshot, *pick.meeting, {});
            runs.push_back(milliseconds_since(start));
            booked = session.agenda.size();
        }
        bench("session_model_100k_ms", percentile(runs, 0.5), "ms");
        bench("session_booked_100k", static_cast<double>(booked), "");
    }

    // The case pane pages down and back to the top every 10 frames: most frames draw
    // lines of the summary not drawn the frame before.
    const std::vector<double> frames =
        board_frame_times("session", snapshot, kWarmupFrames, kMeasuredFrames, 10);
    bench("session_frame_cpu_median_ms", percentile(frames, 0.5), "ms");
    bench("session_frame_cpu_p99_ms", percentile(frames, 0.99), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "session_bench: %s\n", e.what());
    return 1;
}

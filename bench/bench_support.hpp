// What the benchmarks share: the cached demo databases (generated once with
// `liftboard demo-data`, reused across runs from $LIFTBOARD_BENCH_DIR), timing, the
// nearest-rank percentile, and the "BENCH <name> <value> <unit>" output line.
// Compiled into every bench program (bench/CMakeLists.txt), which defines LIFTBOARD_BINARY.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace app {
class App;
}
namespace core {
struct Snapshot;
}

namespace bench_support {

// $LIFTBOARD_BENCH_DIR, else <temp>/liftboard-bench; created when missing.
std::filesystem::path bench_dir();

// The day every benchmark pins, so the cached databases and the boards' "overdue" and
// "this week" never drift.
inline constexpr const char* kToday = "2025-11-20";

// The demo district of `pupils` pupils (seed 1) around kToday, generated on first use
// and cached: only a complete database is ever left in the cache. Throws on failure.
std::filesystem::path demo_database(int pupils);

// A snapshot of that district as of kToday (default rules and district), built from the
// store opened read-only, as the writer's first snapshot is.
std::shared_ptr<const core::Snapshot> demo_snapshot(int pupils);
core::Date bench_today();  // kToday as a date

double milliseconds_since(std::chrono::steady_clock::time_point start);

// Nearest rank: the smallest value with at least `p` of the samples at or below it.
double percentile(std::vector<double> values, double p);

// Frame CPU times (NewFrame to Render) of the app's current board over `frames` frames,
// after `warmup` unmeasured ones. Each measured frame first scrolls a page, and every
// `top_every` frames back to the top, so most frames draw rows the last one did not.
std::vector<double> scrolled_frame_times(app::App& app, int warmup, int frames, int top_every);

// The same for `board` drawn from `snapshot` in a hidden 1920x1080 window of its own,
// vsync off (the CPU is measured, not the display's refresh).
std::vector<double> board_frame_times(const char* board,
                                      std::shared_ptr<const core::Snapshot> snapshot, int warmup,
                                      int frames, int top_every);

// Resident memory (VmRSS) of a process in MB: "self", or a pid as text; 0 when unreadable.
double process_rss_mb(const std::string& process = "self");

// Prints "BENCH <name> <value> <unit>" and flushes (scripts read the lines as they come).
void bench(const char* name, double value, const char* unit);

}  // namespace bench_support

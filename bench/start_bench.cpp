// The store's share of a cold start at 100k pupils, without a window (kiosk_bench times
// the whole process): the start-up check (store_check_quick_ms: SQLite's quick_check, as
// the dashboard ran it at every start; store_check_at_start_ms: what it runs now after a
// clean close), and from opening the writer to its first published snapshot: read from
// the store (start_to_first_snapshot_ms, the dataset cache removed before each start) and
// from the dataset cache a previous clean stop wrote (start_to_first_snapshot_cached_ms,
// how a wall restarts). Medians of 3.
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "bench/bench_support.hpp"
#include "db/dataset_cache.hpp"
#include "db/store_diagnosis.hpp"
#include "db/sync/writer.hpp"

using bench_support::bench;
using bench_support::milliseconds_since;
using bench_support::percentile;

namespace {

// From constructing the writer to its first published snapshot; the writer then stops
// cleanly (and writes the dataset cache).
double first_snapshot_ms(const std::filesystem::path& db) {
    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = db;
    options.today = core::parse_date(bench_support::kToday);
    const auto start = std::chrono::steady_clock::now();
    db::Writer writer(options, channel, status);
    writer.start();
    while (!channel.current()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double ms = milliseconds_since(start);
    writer.stop();
    return ms;
}

}  // namespace

int main() try {
    const auto db = bench_support::demo_database(100000);
    const auto cache = db::dataset_cache_path(db);
    std::vector<double> quick, at_start, first, cached;
    for (int i = 0; i < 3; ++i) {
        auto start = std::chrono::steady_clock::now();
        if (!db::diagnose_store(db).ok()) throw std::runtime_error("the demo store is damaged");
        quick.push_back(milliseconds_since(start));
        start = std::chrono::steady_clock::now();
        bool checked = false;
        if (!db::diagnose_store_at_start(db, checked).ok())
            throw std::runtime_error("the demo store is damaged");
        at_start.push_back(milliseconds_since(start));

        std::filesystem::remove(cache);
        first.push_back(first_snapshot_ms(db));
    }
    // Each start after the previous one's clean stop: the cache it wrote is valid.
    for (int i = 0; i < 3; ++i) cached.push_back(first_snapshot_ms(db));
    bench("store_check_quick_ms", percentile(quick, 0.5), "ms");
    bench("store_check_at_start_ms", percentile(at_start, 0.5), "ms");
    bench("start_to_first_snapshot_ms", percentile(first, 0.5), "ms");
    bench("start_to_first_snapshot_cached_ms", percentile(cached, 0.5), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "start_bench: %s\n", e.what());
    return 1;
}

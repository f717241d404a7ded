// The store's share of a cold start at 100k pupils, without a window (kiosk_bench times
// the whole process): the start-up check (store_check_quick_ms: SQLite's quick_check, as
// the dashboard ran it at every start; store_check_at_start_ms: what it runs now after a
// clean close), and from opening the writer to its first published snapshot
// (start_to_first_snapshot_ms). Medians of 3.
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "bench/bench_support.hpp"
#include "db/store_diagnosis.hpp"
#include "db/sync/writer.hpp"

using bench_support::bench;
using bench_support::milliseconds_since;
using bench_support::percentile;

int main() try {
    const auto db = bench_support::demo_database(100000);
    std::vector<double> quick, at_start, first;
    for (int i = 0; i < 3; ++i) {
        auto start = std::chrono::steady_clock::now();
        if (!db::diagnose_store(db).ok()) throw std::runtime_error("the demo store is damaged");
        quick.push_back(milliseconds_since(start));
        start = std::chrono::steady_clock::now();
        bool checked = false;
        if (!db::diagnose_store_at_start(db, checked).ok())
            throw std::runtime_error("the demo store is damaged");
        at_start.push_back(milliseconds_since(start));

        core::SnapshotChannel channel;
        core::SyncStatus status;
        db::WriterOptions options;
        options.database = db;
        options.today = core::parse_date(bench_support::kToday);
        start = std::chrono::steady_clock::now();
        db::Writer writer(options, channel, status);
        writer.start();
        while (!channel.current()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        first.push_back(milliseconds_since(start));
        writer.stop();
    }
    bench("store_check_quick_ms", percentile(quick, 0.5), "ms");
    bench("store_check_at_start_ms", percentile(at_start, 0.5), "ms");
    bench("start_to_first_snapshot_ms", percentile(first, 0.5), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "start_bench: %s\n", e.what());
    return 1;
}

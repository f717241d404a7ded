// Sync latency: a 1k-row events file lands in the inbox of a store holding 100k
// pupils; how long until a snapshot with its rows is published (what the board shows).
// Prints inbox_to_snapshot_ms (median of 7 drops) and its worst case.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "bench/bench_support.hpp"
#include "db/store.hpp"
#include "db/sync/writer.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// 1k visit events on distinct days for 1k existing pupils; `round` keeps files distinct.
std::string events_file(int round) {
    std::string out = "pupil_ref,event,date,detail,staff_id\n";
    char line[96];
    for (int i = 0; i < 1000; ++i) {
        std::snprintf(line, sizeof line, "P%06d,visit,2019-%02d-%02d,,\n", i * 97 % 100000 + 1, round % 12 + 1, i % 28 + 1);
        out += line;
    }
    return out;
}

}  // namespace

int main() {
    fs::path work = bench_support::bench_dir() / "sync";
    fs::remove_all(work);
    fs::create_directories(work / "inbox");
    fs::path database = work / "store.db";
    fs::copy_file(bench_support::demo_database(100000), database);

    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = database;
    options.inbox = work / "inbox";
    options.today = core::parse_date(bench_support::kToday);
    db::Writer writer(options, channel, status);
    writer.start();
    while (!channel.current()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

    std::vector<double> latencies;
    for (int round = 0; round < 7; ++round) {
        uint64_t before = channel.current()->generation;
        std::string name = "events-bench-" + std::to_string(round) + ".csv";
        {
            std::ofstream(work / (name + ".tmp")) << events_file(round);
        }
        auto landed = Clock::now();
        fs::rename(work / (name + ".tmp"), work / "inbox" / name);
        while (channel.current()->generation == before) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - landed).count());
    }
    writer.stop();
    std::sort(latencies.begin(), latencies.end());
    bench_support::bench("inbox_to_snapshot_ms", bench_support::percentile(latencies, 0.5), "ms");
    bench_support::bench("inbox_to_snapshot_max_ms", latencies.back(), "ms");
    fs::remove_all(work);
    return 0;
}

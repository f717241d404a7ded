// One triage edit at 100k pupils, end to end through the writer thread: from submit()
// to the published snapshot that shows it (edit_to_snapshot_100k_ms, median), set
// against a full snapshot build from the same store in the same run
// (edit_to_snapshot_vs_full_ratio), and how much resident memory 1,000 such edits add
// to the figure after the first snapshot (rss_growth_1000_edits_mb): sharing between
// snapshots must not leak. LIFTBOARD_BENCH_EDITS sets the edit count (default 1000).
// edit_to_snapshot_full_rebuild_100k_ms is the same edit with incremental snapshots
// off (every snapshot from the whole store, as before them): the "before" figure.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_support.hpp"
#include "db/store.hpp"
#include "db/sync/release_memory.hpp"
#include "db/sync/store_snapshot.hpp"
#include "db/sync/writer.hpp"

namespace fs = std::filesystem;
using bench_support::bench;
using bench_support::milliseconds_since;
using bench_support::percentile;

namespace {

// The edits a triage board makes, in turn: priority, assignment, a recorded visit.
// Every one changes the store (the pupil and value move on each round).
core::Command edit(int round, const std::vector<std::string>& refs,
                   const std::vector<std::string>& teachers) {
    const std::string& ref = refs[static_cast<size_t>(round) % refs.size()];
    switch (round % 3) {
        case 0:
            return core::SetPriority{ref, round / 3 % 3 + 1};
        case 1:
            return core::AssignTeacher{ref,
                                       teachers[static_cast<size_t>(round / 3) % teachers.size()]};
        default: {
            core::Event visit{ref, core::EventKind::visit,
                              *core::parse_date("2025-06-01") + round % 150, "", ""};
            return core::RecordEvent{visit};
        }
    }
}

struct EditRun {
    std::vector<double> latencies;
    double rss_first = 0, rss_after = 0;  // after the first snapshot, after the last edit
};

// `edits` edits (rounds first_round..) through a writer on `database`, each timed from
// submit() to the published snapshot that holds it.
EditRun edit_latencies(const fs::path& database, core::Date today, bool incremental,
                       int first_round, int edits, const std::vector<std::string>& refs,
                       const std::vector<std::string>& teachers) {
    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = database;
    options.today = today;
    options.incremental = incremental;
    db::Writer writer(options, channel, status);
    writer.start();
    while (!channel.current()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EditRun run;
    run.rss_first = bench_support::process_rss_mb();
    for (int round = first_round; round < first_round + edits; ++round) {
        const uint64_t generation = channel.current()->generation;
        const auto start = std::chrono::steady_clock::now();
        auto result = writer.submit(edit(round, refs, teachers), "bench").get();
        if (!result.ok) throw std::runtime_error("edit refused: " + result.message);
        // The result is answered once its snapshot is out; wait for it all the same.
        while (channel.current()->generation == generation)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        run.latencies.push_back(milliseconds_since(start));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    run.rss_after = bench_support::process_rss_mb();
    writer.stop();
    return run;
}

}  // namespace

int main() try {
    db::configure_allocator();  // as the dashboard does at start-up
    const int edits = std::getenv("LIFTBOARD_BENCH_EDITS")
                          ? std::atoi(std::getenv("LIFTBOARD_BENCH_EDITS"))
                          : 1000;
    const fs::path work = bench_support::bench_dir() / "edit";
    fs::remove_all(work);
    fs::create_directories(work);
    const fs::path database = work / "store.db";
    fs::copy_file(bench_support::demo_database(100000), database);
    const core::Date today = *core::parse_date(bench_support::kToday);

    // Pupils on the caselist and the specialist teachers: what triage edits touch.
    std::vector<std::string> refs, teachers;
    {
        db::Store store(database, db::Store::Access::read_only);
        SQLite::Statement open(
            store.database(),
            "SELECT DISTINCT pupil_ref FROM event WHERE event = 'caselist_opened' "
            "ORDER BY pupil_ref LIMIT 500");
        while (open.executeStep()) refs.push_back(open.getColumn(0).getString());
        SQLite::Statement staff(store.database(),
                                "SELECT staff_id FROM staff WHERE role = 'specialist_teacher'");
        while (staff.executeStep()) teachers.push_back(staff.getColumn(0).getString());
    }
    if (refs.empty() || teachers.empty()) throw std::runtime_error("demo store has no caselist");

    // The "before": every snapshot rebuilt from the whole store.
    const std::vector<double> before =
        edit_latencies(database, today, false, 1000, 7, refs, teachers).latencies;
    const EditRun run = edit_latencies(database, today, true, 0, edits, refs, teachers);
    const std::vector<double>& latencies = run.latencies;

    // A full build from the same store now, as the writer did before incremental
    // snapshots: open, load, rules, boards.
    std::vector<double> full;
    for (int i = 0; i < 3; ++i) {
        const auto start = std::chrono::steady_clock::now();
        db::Store store(database, db::Store::Access::read_only);
        auto snapshot = db::snapshot_from_store(store, core::SnapshotOptions{today, {}}, 1);
        full.push_back(milliseconds_since(start));
    }
    const double edit_ms = percentile(latencies, 0.5), full_ms = percentile(full, 0.5);
    bench("edit_to_snapshot_100k_ms", edit_ms, "ms");
    bench("edit_to_snapshot_100k_max_ms", *std::max_element(latencies.begin(), latencies.end()),
          "ms");
    bench("full_snapshot_100k_ms", full_ms, "ms");
    bench("edit_to_snapshot_full_rebuild_100k_ms", percentile(before, 0.5), "ms");
    bench("edit_to_snapshot_vs_full_ratio", edit_ms / full_ms, "");
    if (edits == 1000)
        bench("rss_growth_1000_edits_mb", run.rss_after - run.rss_first, "MB");
    else
        std::printf("BENCH rss_growth_%d_edits_mb %.3f MB\n", edits, run.rss_after - run.rss_first);
    fs::remove_all(work);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "edit_bench: %s\n", e.what());
    return 1;
}

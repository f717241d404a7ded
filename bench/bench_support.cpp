// Shared benchmark helpers (see bench_support.hpp).
#include "bench/bench_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include "app/app.hpp"
#include "core/snapshot.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"

namespace fs = std::filesystem;

namespace bench_support {

std::vector<double> scrolled_frame_times(app::App& app, int warmup, int frames, int top_every) {
    for (int i = 0; i < warmup; ++i) {
        app.render_frame();
        app.present();
    }
    std::vector<double> times;
    times.reserve(static_cast<size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        const bool top = i % top_every == top_every - 1;
        app.board().scroll(top ? widgets::Scroll::top : widgets::Scroll::page_down);
        times.push_back(app.render_frame().cpu_ms);
        app.present();
    }
    return times;
}

fs::path bench_dir() {
    const char* dir = std::getenv("LIFTBOARD_BENCH_DIR");
    fs::path path = dir && *dir ? fs::path(dir) : fs::temp_directory_path() / "liftboard-bench";
    fs::create_directories(path);
    return path;
}

fs::path demo_database(int pupils) {
    // Named as caseload_bench.cpp names its cache, so the two share one database.
    const fs::path db = bench_dir() / ("demo-" + std::to_string(pupils) + "-seed1.db");
    if (fs::exists(db)) return db;
    fs::path partial = db;
    partial += ".partial";
    fs::remove(partial);
    const std::string command = std::string(LIFTBOARD_BINARY) + " demo-data --out " +
                                partial.string() + " --pupils " + std::to_string(pupils) +
                                " --seed 1 --today " + kToday + " > /dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("demo-data failed: " + command);
    fs::rename(partial, db);
    return db;
}

core::Date bench_today() {
    return *core::parse_date(kToday);
}

std::shared_ptr<const core::Snapshot> demo_snapshot(int pupils) {
    core::SnapshotOptions options;
    options.today = bench_today();
    db::Store store(demo_database(pupils), db::Store::Access::read_only);
    return db::snapshot_from_store(store, options, 1);
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

std::vector<double> board_frame_times(const char* board,
                                      std::shared_ptr<const core::Snapshot> snapshot, int warmup,
                                      int frames, int top_every) {
    app::AppOptions options;
    options.window.size = {1920, 1080};
    options.window.visible = false;
    options.window.vsync = false;
    options.board = board;
    app::App app(options);
    app.channel().publish(std::move(snapshot));
    return scrolled_frame_times(app, warmup, frames, top_every);
}

double process_rss_mb(const std::string& process) {
    std::ifstream in("/proc/" + process + "/status");
    std::string key;
    while (in >> key) {
        if (key == "VmRSS:") {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        in.ignore(4096, '\n');
    }
    return 0.0;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

void bench(const char* name, double value, const char* unit) {
    // A ratio has no unit: the line then ends after the value.
    if (unit && *unit)
        std::printf("BENCH %s %.3f %s\n", name, value, unit);
    else
        std::printf("BENCH %s %.3f\n", name, value);
    std::fflush(stdout);
}

}  // namespace bench_support

// The dashboard as a process, on the 100k-pupil demo under the bench's X server:
// cold start to first frame (and to the first frame with data), resident memory with
// the 100k store and with an empty one, and the idle kiosk's CPU over 60 s counting
// its share of the X server (the Xvfb that scripts/bench starts).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_support.hpp"
#include "db/dataset_cache.hpp"
#include "db/store.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using bench_support::bench;

namespace {

pid_t spawn(const std::vector<std::string>& args) {
    pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        // Quiet: the bench prints only its figures.
        freopen("/dev/null", "w", stdout);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// CPU time of every thread of a process, in nanoseconds (sum of the first field of
// /proc/PID/task/*/schedstat): clock ticks are too coarse for a process that draws a
// frame or two a minute.
double cpu_ns(pid_t pid) {
    double total = 0.0;
    std::error_code error;
    for (const auto& task :
         fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
        std::ifstream in(task.path() / "schedstat");
        double ns = 0.0;
        if (in >> ns) total += ns;
    }
    return total;
}

// The X server drawing for us: the Xvfb whose command line names our $DISPLAY.
pid_t x_server() {
    const char* display = std::getenv("DISPLAY");
    if (!display) return -1;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        std::ifstream in(entry.path() / "cmdline");
        std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (cmdline.find("Xvfb") != std::string::npos &&
            cmdline.find(std::string(display) + '\0') != std::string::npos)
            return static_cast<pid_t>(std::stol(entry.path().filename().string()));
    }
    return -1;
}

std::vector<std::string> dashboard(const fs::path& db, std::vector<std::string> extra) {
    std::vector<std::string> args = {LIFTBOARD_BINARY, "--db",    db.string(),           "--board",
                                     "caseload",       "--today", bench_support::kToday, "--size",
                                     "1920x1080"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// With `remove_cache`, the dataset cache beside the store is removed before each start
// (a first start, or one after a crash); otherwise each start finds the one the previous
// run's clean exit wrote, as a wall restarting does.
double median_start_ms(const fs::path& db, const char* exit_after, bool remove_cache = false) {
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        if (remove_cache) fs::remove(db::dataset_cache_path(db));
        auto start = std::chrono::steady_clock::now();
        pid_t pid = spawn(dashboard(db, {"--exit-after", exit_after}));
        if (wait_exit(pid) != 0)
            throw std::runtime_error(std::string("liftboard failed (") + exit_after + ")");
        runs.push_back(bench_support::milliseconds_since(start));
    }
    return bench_support::percentile(runs, 0.5);
}

double settled_rss(const fs::path& db) {
    pid_t pid = spawn(dashboard(db, {}));
    std::this_thread::sleep_for(8s);  // store loaded, snapshot built, frames drawn
    double rss = bench_support::process_rss_mb(std::to_string(pid));
    kill(pid, SIGTERM);
    wait_exit(pid);
    return rss;
}

}  // namespace

int main() try {
    const fs::path db = bench_support::demo_database(100000);
    const fs::path empty = bench_support::bench_dir() / "empty.db";
    { db::Store store(empty); }

    bench("cold_start_first_frame_ms", median_start_ms(db, "first-frame"), "ms");
    // One start first, so the measured ones find the cache a clean exit leaves. The
    // no-cache figure includes that exit's writing of the cache (the process's lifetime).
    if (wait_exit(spawn(dashboard(db, {"--exit-after", "data-frame"}))) != 0)
        throw std::runtime_error("liftboard failed (warm-up)");
    bench("cold_start_data_frame_ms", median_start_ms(db, "data-frame"), "ms");
    bench("cold_start_data_frame_no_cache_ms", median_start_ms(db, "data-frame", true), "ms");

    const double rss_full = settled_rss(db), rss_empty = settled_rss(empty);
    bench("rss_100k_mb", rss_full, "MB");
    bench("rss_data_100k_mb", rss_full - rss_empty, "MB");

    pid_t app = spawn(dashboard(db, {"--kiosk"}));
    pid_t xvfb = x_server();
    std::this_thread::sleep_for(10s);  // past start-up and the first frames
    const double app_before = cpu_ns(app), x_before = xvfb > 0 ? cpu_ns(xvfb) : 0.0;
    std::this_thread::sleep_for(60s);
    const double app_used = cpu_ns(app) - app_before,
                 x_used = xvfb > 0 ? cpu_ns(xvfb) - x_before : 0.0;
    kill(app, SIGTERM);
    wait_exit(app);
    bench("kiosk_idle_cpu_pct", 100.0 * (app_used + x_used) / 60e9, "%");
    if (xvfb <= 0)
        std::fprintf(stderr, "kiosk_bench: X server not found; its share is not counted\n");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk_bench: %s\n", e.what());
    return 1;
}

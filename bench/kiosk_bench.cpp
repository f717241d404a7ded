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

// utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15).
long cpu_ticks(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(in, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) {
            stime = std::stol(field);
            break;
        }
    }
    return utime + stime;
}

double rss_mb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
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
    std::vector<std::string> args = {LIFTBOARD_BINARY, "--db", db.string(), "--board", "caseload",
                                     "--today", bench_support::kToday, "--size", "1920x1080"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

double median_start_ms(const fs::path& db, const char* exit_after) {
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        auto start = std::chrono::steady_clock::now();
        pid_t pid = spawn(dashboard(db, {"--exit-after", exit_after}));
        if (wait_exit(pid) != 0) throw std::runtime_error(std::string("liftboard failed (") + exit_after + ")");
        runs.push_back(bench_support::milliseconds_since(start));
    }
    return bench_support::percentile(runs, 0.5);
}

double settled_rss(const fs::path& db) {
    pid_t pid = spawn(dashboard(db, {}));
    std::this_thread::sleep_for(8s);  // store loaded, snapshot built, frames drawn
    double rss = rss_mb(pid);
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
    bench("cold_start_data_frame_ms", median_start_ms(db, "data-frame"), "ms");

    const double rss_full = settled_rss(db), rss_empty = settled_rss(empty);
    bench("rss_100k_mb", rss_full, "MB");
    bench("rss_data_100k_mb", rss_full - rss_empty, "MB");

    pid_t app = spawn(dashboard(db, {"--kiosk"}));
    pid_t xvfb = x_server();
    std::this_thread::sleep_for(10s);  // past start-up and the first frames
    const long app_before = cpu_ticks(app), x_before = xvfb > 0 ? cpu_ticks(xvfb) : 0;
    std::this_thread::sleep_for(60s);
    const long app_ticks = cpu_ticks(app) - app_before, x_ticks = xvfb > 0 ? cpu_ticks(xvfb) - x_before : 0;
    kill(app, SIGTERM);
    wait_exit(app);
    const double ticks_per_s = static_cast<double>(sysconf(_SC_CLK_TCK));
    bench("kiosk_idle_cpu_pct", 100.0 * static_cast<double>(app_ticks + x_ticks) / (60.0 * ticks_per_s), "%");
    if (xvfb <= 0) std::fprintf(stderr, "kiosk_bench: X server not found; its share is not counted\n");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk_bench: %s\n", e.what());
    return 1;
}

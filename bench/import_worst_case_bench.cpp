// The worst case of checking one inbox file (issue 17): each hostile shape of
// tests/support/hostile_files.hpp at 10 MB, imported with db::import_file into an empty
// store (reading, SHA-256, decoding, validation; every shape but one is refused).
// Prints each shape's best time of --runs and, as the figure to hold under 2 s,
//   BENCH import_worst_case_10mb_ms <slowest shape> ms
//
//   import_worst_case_bench [--mb N] [--runs N] [--only NAME-PART]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/bench_support.hpp"
#include "db/import/importer.hpp"
#include "db/store.hpp"
#include "tests/support/hostile_files.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    size_t megabytes = 10;
    int runs = 3;
    std::string only;  // profiling one shape
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--mb")
            megabytes = std::stoul(argv[i + 1]);
        else if (flag == "--runs")
            runs = std::stoi(argv[i + 1]);
        else if (flag == "--only")
            only = argv[i + 1];
    }
    const fs::path dir = bench_support::bench_dir() / "worst-case";
    fs::remove_all(dir);
    fs::create_directories(dir);
    db::Store store(dir / "store.db");

    double slowest = 0;
    for (const auto& shape : test_support::hostile_files(megabytes << 20)) {
        if (shape.name.find(only) == std::string::npos) continue;
        const fs::path file = dir / shape.name;
        std::ofstream(file, std::ios::binary) << shape.bytes;
        double best = 1e300;
        db::ImportReport report;
        for (int run = 0; run < runs; ++run) {
            auto start = std::chrono::steady_clock::now();
            report = db::import_file(store, file);
            best = std::min(best, bench_support::milliseconds_since(start));
        }
        std::cout << "  " << shape.name << ": " << best << " ms, " << report.summary() << "\n";
        slowest = std::max(slowest, best);
        fs::remove(file);
    }
    std::string name = "import_worst_case_" + std::to_string(megabytes) + "mb_ms";
    bench_support::bench(name.c_str(), slowest, "ms");
    fs::remove_all(dir);
    return 0;
}

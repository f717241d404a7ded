// How long the demo generator takes for a 100k-pupil district (benchmarks and the
// issue's "--pupils 100000 must work in seconds"), and how large the file is.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "db/demo/demo_generator.hpp"
#include "db/store.hpp"

int main() {
    auto dir = std::filesystem::temp_directory_path() / "liftboard-demo-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto file = dir / "demo-100k.db";

    db::demo::DemoOptions options;
    options.pupils = 100000;
    options.seed = 1;
    options.today = core::today_local();
    auto started = std::chrono::steady_clock::now();
    {
        db::Store store(file);
        auto world = db::demo::generate_demo(options);
        db::demo::write_demo(store, world);
        std::printf("# %zu pupils, %zu events, %zu bookings\n", world.pupils.size(),
                    world.events.size(), world.bookings.size());
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    std::printf("BENCH demo_data_100k_ms %.0f ms\n", ms);
    std::printf("BENCH demo_db_100k_mb %.1f MB\n",
                static_cast<double>(std::filesystem::file_size(file)) / (1024.0 * 1024.0));
    std::filesystem::remove_all(dir);
    return 0;
}

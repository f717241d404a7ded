// `liftboard demo-data --out FILE [--pupils N] [--seed S] [--today DATE]`: writes the
// fictional demo district into a store (created if missing).
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>

#include "app/cli.hpp"
#include "db/demo/demo_generator.hpp"
#include "db/store.hpp"

namespace app {
namespace {

struct DemoDataOptions {
    std::string out;
    int pupils = 300;
    uint64_t seed = 1;
    std::string today;
};

int run_demo_data(const DemoDataOptions& options) {
    db::demo::DemoOptions demo;
    demo.pupils = options.pupils;
    demo.seed = options.seed;
    if (options.today.empty()) {
        demo.today = core::today_local();
    } else if (auto today = core::parse_date(options.today)) {
        demo.today = *today;
    } else {
        std::cerr << "liftboard demo-data: --today: not a date: " << options.today << "\n";
        return 2;
    }
    try {
        auto started = std::chrono::steady_clock::now();
        db::Store store(options.out);
        auto world = db::demo::generate_demo(demo);
        db::demo::write_demo(store, world);
        store.set_meta("demo_seed", std::to_string(options.seed));
        store.set_meta("demo_today", core::to_iso(demo.today));
        store.database().exec(
            "INSERT INTO meta(key, value) VALUES ('data_changed_at', strftime('%Y-%m-%dT%H:%M:%SZ','now')) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started).count();
        std::cout << options.out << ": " << world.pupils.size() << " pupils, "
                  << world.events.size() << " events, " << world.bookings.size() << " bookings, "
                  << world.schools.size() << " schools, " << world.breaches.size()
                  << " deliberate breaches (" << ms << " ms)\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "liftboard demo-data: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

void add_demo_data_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<DemoDataOptions>();
    CLI::App* sub = cli.add_subcommand("demo-data", "Write a fictional demo district into a database");
    sub->add_option("--out", options->out, "Database file to write (created if missing)")->required();
    sub->add_option("--pupils", options->pupils, "Number of pupils")->check(CLI::Range(1, 10000000));
    sub->add_option("--seed", options->seed, "Random seed (same seed, same district)");
    sub->add_option("--today", options->today, "Date the district is generated around (YYYY-MM-DD)");
    sub->callback([options, &exit_code] { exit_code = run_demo_data(*options); });
}

}  // namespace app

// Quick lookup benchmark on the 100k-pupil demo district: the search index's build time
// and size; the latency of one keystroke over the whole store (the index query with
// prefix and substring matching and ranking, plus formatting the result lines), for
// realistic searches typed one character at a time; and the CPU cost of a lookup frame
// (NewFrame to Render) while typing in a real window, opening cards as a user would
// (scripts/bench runs it under Xvfb). Prints "BENCH <name> <value> <unit>" lines.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "bench/bench_support.hpp"
#include "core/date.hpp"
#include "core/search_index.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "widgets/lookup_board.hpp"
#include "widgets/lookup_lines.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kPupils = 100000;
constexpr const char* kToday = "2025-11-20";
constexpr int kKeystrokeRounds = 40;  // each search typed this many times
constexpr int kMeasuredFrames = 600;
constexpr size_t kLimit = 200;  // what the board asks for

// What people type in a meeting: refs whole and in part, digits from the middle of a
// ref, initials with and without dots, school names, a district; and with privacy off
// (office screens) names. Typed one character at a time, every prefix is a query.
struct Search {
    const char* text;
    bool names;
};
constexpr Search kSearches[] = {
    {"P012345", false},
    {"P0999", false},
    {"p100004", false},
    {"2345", false},
    {"0071", false},
    {"KT", false},
    {"a.b.", false},
    {"m", false},
    {"wren", false},
    {"Kestrel Hill", false},
    {"primary academy", false},
    {"Maidstone Lark", false},
    {"junior", false},
    {"zz", false},
    {"Ari Ash", true},
    {"pennywh", true},
    {"sage", true},
};

using bench_support::bench;
using bench_support::milliseconds_since;
using bench_support::percentile;

fs::path demo_database() { return bench_support::demo_database(kPupils); }

void keystrokes(const core::Snapshot& snapshot) {
    std::vector<double> query_ms, keystroke_ms;
    size_t checksum = 0;
    for (int round = 0; round < kKeystrokeRounds; ++round) {
        for (const Search& search : kSearches) {
            const std::string text = search.text;
            for (size_t n = 1; n <= text.size(); ++n) {
                core::SearchOptions options;
                options.names = search.names;
                options.limit = kLimit;
                const auto start = std::chrono::steady_clock::now();
                const core::SearchResults results =
                    snapshot.search->find(text.substr(0, n), options);
                query_ms.push_back(milliseconds_since(start));
                const std::vector<widgets::LookupLine> lines =
                    widgets::lookup_lines(snapshot, results);
                keystroke_ms.push_back(milliseconds_since(start));
                checksum += lines.size() + results.pupil_count;
            }
        }
    }
    if (checksum == 0) throw std::runtime_error("no search found anything");
    bench("lookup_query_median_ms", percentile(query_ms, 0.5), "ms");
    bench("lookup_query_p99_ms", percentile(query_ms, 0.99), "ms");
    bench("lookup_keystroke_median_ms", percentile(keystroke_ms, 0.5), "ms");
    bench("lookup_keystroke_p99_ms", percentile(keystroke_ms, 0.99), "ms");
}

// A frame per typed character, as a person types: "/", the search, Enter (a card
// opens), Esc twice (card closed, search cleared); names searched with privacy off.
void frames(const std::shared_ptr<const core::Snapshot>& snapshot) {
    app::AppOptions options;
    options.window.size = {1920, 1080};
    options.window.visible = false;
    options.window.vsync = false;  // measure the CPU, not the display's refresh
    options.board = "lookup";
    app::App app(options);
    app.channel().publish(snapshot);
    auto& board = dynamic_cast<widgets::LookupBoard&>(app.board());
    auto frame = [&]() {
        const app::FrameStats stats = app.render_frame();
        app.present();
        return stats.cpu_ms;
    };
    auto press = [&](widgets::KeyInput::Key key) {
        widgets::KeyInput input;
        input.key = key;
        board.key(input);
    };
    for (int i = 0; i < 10; ++i) frame();

    std::vector<double> cpu;
    cpu.reserve(kMeasuredFrames + 64);
    while (cpu.size() < kMeasuredFrames) {
        for (const Search& search : kSearches) {
            if (search.names) continue;  // the App's privacy is on, as on the wall
            ImGui::GetIO().AddInputCharacter('/');
            cpu.push_back(frame());
            for (const char* c = search.text; *c; ++c) {
                ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(*c));
                cpu.push_back(frame());
            }
            if (board.query() != search.text)
                throw std::runtime_error("typing did not reach the search box");
            press(widgets::KeyInput::Key::down);
            cpu.push_back(frame());
            press(widgets::KeyInput::Key::enter);
            cpu.push_back(frame());
            cpu.push_back(frame());  // the card settles
            // Enter opened a card, or (on a school line) listed the school's pupils.
            if (!board.lines().empty() && !board.card().is_open() && !board.query().empty())
                throw std::runtime_error("Enter did nothing after typing " +
                                         std::string(search.text));
            press(widgets::KeyInput::Key::escape);
            press(widgets::KeyInput::Key::escape);
            cpu.push_back(frame());
        }
    }
    bench("lookup_frame_cpu_median_ms", percentile(cpu, 0.5), "ms");
    bench("lookup_frame_cpu_p99_ms", percentile(cpu, 0.99), "ms");
}

}  // namespace

int main() try {
    const fs::path db = demo_database();
    db::Store store(db, db::Store::Access::read_only);
    core::SnapshotOptions snapshot_options;
    snapshot_options.today = *core::parse_date(kToday);
    const std::shared_ptr<const core::Snapshot> snapshot =
        db::snapshot_from_store(store, snapshot_options, 1);

    std::vector<double> builds;
    for (int i = 0; i < 3; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const core::SearchIndex index(*snapshot->data);
        builds.push_back(milliseconds_since(start));
    }
    bench("lookup_index_build_100k_ms", percentile(builds, 0.5), "ms");
    bench("lookup_index_memory_mb", static_cast<double>(snapshot->search->memory_bytes()) / 1e6,
          "MB");

    keystrokes(*snapshot);
    frames(snapshot);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "lookup_bench: %s\n", e.what());
    return 1;
}

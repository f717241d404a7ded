// Does an import disturb the board? Caseload frame CPU time (NewFrame to Render, UI
// thread) on the 100k-pupil store while idle, then while the writer thread imports a
// 100k-row events file dropped into the inbox. Prints frame_p99_during_import_ratio.
#include <cstdio>
#include <fstream>
#include <thread>

#include "app/app.hpp"
#include "bench/bench_support.hpp"
#include "db/sync/writer.hpp"

namespace fs = std::filesystem;
using bench_support::bench;

namespace {

void write_events(const fs::path& file, int rows) {
    std::ofstream out(file);
    out << "pupil_ref,event,date,detail,staff_id\n";
    char line[96];
    for (int i = 0; i < rows; ++i) {
        std::snprintf(line, sizeof line, "P%06d,visit,2019-%02d-%02d,,\n", i % 100000 + 1, i / 100000 % 12 + 1,
                      i / 1200000 % 28 + 1);
        out << line;
    }
}

}  // namespace

int main() try {
    const fs::path work = bench_support::bench_dir() / "import-frame";
    fs::remove_all(work);
    fs::create_directories(work / "inbox");
    fs::copy_file(bench_support::demo_database(100000), work / "store.db");
    write_events(work / "events-big.csv.tmp", 100000);

    core::SyncStatus status;
    app::AppOptions options;
    options.window.size = {1920, 1080};
    options.window.visible = false;
    options.window.vsync = false;
    app::App app(options);
    db::WriterOptions writer_options;
    writer_options.database = work / "store.db";
    writer_options.inbox = work / "inbox";
    writer_options.today = core::parse_date(bench_support::kToday);
    db::Writer writer(writer_options, app.channel(), status);
    writer.start();
    while (!app.channel().current()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const uint64_t before = app.channel().current()->generation;

    auto frame = [&app](int i) {
        app.board().scroll(i % 100 == 99 ? widgets::Scroll::top : widgets::Scroll::page_down);
        const double ms = app.render_frame().cpu_ms;
        app.present();
        return ms;
    };
    std::vector<double> idle, during;
    for (int i = 0; i < 400; ++i) idle.push_back(frame(i));

    fs::rename(work / "events-big.csv.tmp", work / "inbox" / "events-big.csv");
    // Frames until the import's snapshot is published: settle wait, parse, write, rebuild.
    for (int i = 0; app.channel().current()->generation == before && i < 100000; ++i) during.push_back(frame(i));
    writer.stop();

    const double idle_p99 = bench_support::percentile(idle, 0.99);
    const double during_p99 = bench_support::percentile(during, 0.99);
    bench("frame_p99_idle_ms", idle_p99, "ms");
    bench("frame_p99_during_import_ms", during_p99, "ms");
    bench("frame_p99_during_import_ratio", during_p99 / idle_p99, "");
    std::printf("# %zu frames during the import\n", during.size());
    fs::remove_all(work);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "import_frame_bench: %s\n", e.what());
    return 1;
}

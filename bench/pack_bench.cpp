// Meeting pack benchmark: the time to lay out, render and write (0600) the PDF meeting
// pack of a 12-pupil LIFT meeting from its session model (target: 1000 ms), and the
// whole `liftboard pack` command on the same meeting (load the store, build the
// session, render, write). The 1k-pupil demo district; its first Maidstone meeting with
// 12 bookings, else the smallest with more, cut to its first 12 agenda items. Prints
// "BENCH <name> <value> <unit>" lines.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "core/lift_session.hpp"
#include "db/store.hpp"
#include "report/lift_documents.hpp"

using namespace bench_support;

namespace {

constexpr int kPupils = 1000;
constexpr size_t kCases = 12;
constexpr int kRuns = 7;

// The meeting with exactly kCases bookings, else the smallest with more.
core::LiftSession twelve_pupil_session(const core::Dataset& data, const core::RulesEngine& engine,
                                       core::Date today) {
    core::LiftSession best;
    for (const core::LiftMeeting& m : data.meetings) {
        if (m.district != "Maidstone") continue;
        core::LiftSession session = core::build_lift_session(data, engine, m, {}, today);
        const size_t n = session.agenda.size();
        if (n < kCases) continue;
        if (best.agenda.empty() || n < best.agenda.size()) best = std::move(session);
        if (n == kCases) break;
    }
    if (best.agenda.size() < kCases) throw std::runtime_error("no meeting with 12 bookings");
    best.agenda.resize(kCases);
    return best;
}

}  // namespace

int main() try {
    const auto db = demo_database(kPupils);
    const core::Date today = *core::parse_date(kToday);
    core::Dataset data;
    {
        db::Store store(db, db::Store::Access::read_only);
        data = store.load_dataset();
    }
    const core::RulesEngine engine(data, {});
    const core::LiftSession session = twelve_pupil_session(data, engine, today);
    const auto out = bench_dir() / "pack-bench.pdf";

    std::vector<double> runs;
    int pages = 0;
    for (int i = 0; i < kRuns; ++i) {
        const auto start = std::chrono::steady_clock::now();
        pages = report::write_pdf(out, report::meeting_pack_document(session, false));
        runs.push_back(milliseconds_since(start));
    }
    bench("pack_pdf_ms", percentile(runs, 0.5), "ms");
    bench("pack_pdf_pages", pages, "");

    // The command as an office runs it (its meeting may have more than 12 bookings).
    const std::string command =
        std::string(LIFTBOARD_BINARY) + " pack --db '" + db.string() + "' --today " + kToday +
        " --meeting " + core::to_iso(session.meeting.meeting_date) + " --group '" +
        session.meeting.group + "' --out '" + out.string() + "' > /dev/null";
    std::vector<double> commands;
    for (int i = 0; i < 3; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (std::system(command.c_str()) != 0) throw std::runtime_error("liftboard pack failed");
        commands.push_back(milliseconds_since(start));
    }
    bench("pack_command_1k_ms", percentile(commands, 0.5), "ms");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "pack_bench: %s\n", e.what());
    return 1;
}

// Under ThreadSanitizer: a UI-like reader thread loads the current snapshot over and
// over and reads it, while the writer thread imports files and applies commands and
// publishes new snapshots. Any data race fails the run.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "db/sync/writer.hpp"
#include "support/inbox_files.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

using namespace std::chrono_literals;
namespace fs = std::filesystem;

TEST_CASE("a reader thread loads snapshots while imports and commands run") {
    test_support::TempDir dir;
    fs::path inbox = dir / "inbox";
    fs::create_directories(inbox);
    test_support::write_file(inbox / "schools.csv", test_support::schools_csv());
    test_support::write_file(inbox / "staff.csv", test_support::staff_csv());

    core::SnapshotChannel channel;
    core::SyncStatus status;
    std::atomic<int> wakes{0};
    channel.set_waker([&] { wakes.fetch_add(1); });
    db::WriterOptions options;
    options.database = dir / "store.db";
    options.inbox = inbox;
    options.today = core::parse_date("2025-11-20");
    options.settle = 50ms;
    options.rescan = 100ms;
    db::Writer writer(options, channel, status);
    writer.start();

    std::atomic<bool> done{false};
    std::atomic<size_t> frames{0};
    std::atomic<size_t> most_pupils{0};
    std::atomic<bool> torn{false};  // Catch2 assertions are not thread-safe: report after join
    std::thread reader([&] {
        while (!done.load()) {
            auto snapshot = channel.current();  // once per "frame"
            if (snapshot) {
                // Read through the snapshot as a frame would.
                size_t labelled = 0;
                for (const auto& row : snapshot->caseload) labelled += !row.pupil_label.empty();
                if (labelled != snapshot->caseload.size()) torn.store(true);
                if (snapshot->data->pupils.size() > most_pupils.load()) most_pupils.store(snapshot->data->pupils.size());
            }
            auto view = status.read();
            (void)view.stale(std::chrono::hours(24));
            frames.fetch_add(1);
        }
    });

    test_support::write_file(dir / "pupils.csv", test_support::pupils_csv());
    fs::rename(dir / "pupils.csv", inbox / "pupils.csv");
    test_support::write_file(dir / "events.csv", test_support::events_csv());
    fs::rename(dir / "events.csv", inbox / "events.csv");
    REQUIRE(
        test_support::wait_until([&] { return fs::exists(inbox / "processed" / "events.csv"); }));

    for (int i = 0; i < 20; ++i) {
        auto result = writer.submit(core::SetPriority{"P000001", i % 4}, "tsan").get();
        REQUIRE(result.ok);
        writer.submit(core::AssignTeacher{"P000002", i % 2 ? "ST01" : "ST02"}, "tsan");
    }
    test_support::write_file(dir / "more.csv", test_support::many_pupils_csv(500));
    fs::rename(dir / "more.csv", inbox / "pupils-more.csv");
    // The state the checks below need: a snapshot with the new pupils, seen by the reader.
    REQUIRE(test_support::wait_until([&] { return most_pupils.load() >= 500; }));

    writer.stop();
    done.store(true);
    reader.join();
    CHECK(most_pupils >= 500);
    CHECK(frames.load() > 0);
    CHECK_FALSE(torn.load());
    CHECK(wakes.load() >= 3);
}

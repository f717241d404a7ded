// The PostgreSQL hub at scale, on a throwaway local server: a hub holding the
// 100k-pupil demo district (pupils with their events and bookings) pulled into an
// empty local store (hub_initial_pull_rows_per_s), then the time from a change
// committed on the hub to a new snapshot on a running client (hub_change_to_snapshot_ms,
// median of several changes; target under 2000), and to the pulled row being in the
// client's store (hub_change_to_local_store_ms: the hub's share of that time).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "db/demo/demo_generator.hpp"
#include "db/hub/hub_rows.hpp"
#include "db/hub/hub_schema.hpp"
#include "db/hub/hub_source.hpp"
#include "db/store.hpp"
#include "db/sync/writer.hpp"
#include "tests/support/hub_demo_world.hpp"
#include "tests/support/pg_cluster.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

fs::path bench_dir() {
    const char* dir = std::getenv("LIFTBOARD_BENCH_DIR");
    fs::path path = dir ? fs::path(dir) : fs::temp_directory_path() / "liftboard-bench";
    fs::create_directories(path);
    return path;
}

}  // namespace

int main() {
    test_support::PgCluster cluster("-c shared_buffers=256MB -c max_wal_size=4GB");
    const std::string uri = cluster.uri();
    db::demo::DemoOptions demo;
    demo.pupils = 100000;
    demo.today = core::parse_date("2025-11-20").value();
    auto world = db::demo::generate_demo(demo);
    size_t hub_rows = 0;
    {
        pqxx::connection connection(uri);
        db::hub::migrate_hub(connection);
        auto start = Clock::now();
        hub_rows = test_support::load_demo_into_hub(connection, world);
        std::printf("BENCH hub_import_rows_per_s %.0f rows/s\n",
                    static_cast<double>(hub_rows) / seconds_since(start));
    }

    fs::path work = bench_dir() / "hub";
    fs::remove_all(work);
    fs::create_directories(work);
    fs::path database = work / "client.db";
    {
        db::Store store(database);
        core::SyncStatus status;
        db::hub::HubSourceOptions options;
        options.connection_string = uri;
        options.listen = false;
        db::hub::HubSource source(options, status);
        auto start = Clock::now();
        auto pass = source.sync(store, true);
        double elapsed = seconds_since(start);
        if (!pass.ok) {
            std::fprintf(stderr, "initial pull failed: %s\n", pass.summary.c_str());
            return 1;
        }
        std::printf("BENCH hub_initial_pull_rows %zu\n", hub_rows);
        std::printf("BENCH hub_initial_pull_rows_per_s %.0f rows/s\n",
                    static_cast<double>(hub_rows) / elapsed);
    }

    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = database;
    options.hub = uri;
    options.today = demo.today;
    db::Writer writer(options, channel, status);
    writer.start();
    while (!channel.current()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the listener's first wake settles

    pqxx::connection hub(uri);
    // A second, read-only view of the client's store: when the pulled row is there,
    // the hub's part is done and the rest is the snapshot rebuild.
    SQLite::Database reader(database.string(), SQLite::OPEN_READONLY);
    std::vector<double> to_store, to_snapshot;
    for (int round = 0; round < 7; ++round) {
        uint64_t before = channel.current()->generation;
        const std::string& ref =
            world.pupils[static_cast<size_t>(round) * 9973 % world.pupils.size()].pupil_ref;
        std::string date = "2019-0" + std::to_string(round + 1) + "-15";
        pqxx::work tx(hub);
        tx.exec_params0(
            "INSERT INTO event(pupil_ref, event, date, detail, staff_id) VALUES ($1, 'visit', $2, "
            "'', '')",
            ref, date);
        tx.commit();
        auto committed = Clock::now();
        SQLite::Statement pulled(reader, "SELECT 1 FROM event WHERE pupil_ref = ? AND date = ?");
        pulled.bind(1, ref);
        pulled.bind(2, date);
        while (!pulled.executeStep()) {
            pulled.reset();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        to_store.push_back(seconds_since(committed) * 1000.0);
        while (channel.current()->generation == before)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        to_snapshot.push_back(seconds_since(committed) * 1000.0);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    writer.stop();
    std::sort(to_store.begin(), to_store.end());
    std::sort(to_snapshot.begin(), to_snapshot.end());
    std::printf("BENCH hub_change_to_local_store_ms %.0f ms\n", to_store[to_store.size() / 2]);
    std::printf("BENCH hub_change_to_snapshot_ms %.0f ms\n", to_snapshot[to_snapshot.size() / 2]);
    std::printf("BENCH hub_change_to_snapshot_max_ms %.0f ms\n", to_snapshot.back());
    fs::remove_all(work);
    return 0;
}

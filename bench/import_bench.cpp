// Importer throughput: a 100k-row `events` CSV (its 10k pupils already in the store)
// through db::import_file — reading, SHA-256, parsing, validation and the upserts in
// one transaction — side by side with the sqlite3 shell's `.import` of the same file
// into a plain table of the same columns. Prints BENCH lines (name value unit).
//
//   import_bench [--rows N] [--pupils N] [--runs N]
// Data goes to $LIFTBOARD_BENCH_DIR (or a temp dir) and is regenerated each run.
#include <SQLiteCpp/Transaction.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "core/date.hpp"
#include "db/import/importer.hpp"
#include "db/store.hpp"

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    int rows = 100000;
    int pupils = 10000;
    int runs = 5;
};

std::string pupil_ref(int i) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "P%05d", i + 1);
    return buffer;
}

// A fresh store holding the schools, staff and pupils the events refer to.
void make_store(const fs::path& file, int pupils) {
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
    db::Store store(file);
    SQLite::Transaction transaction(store.database());
    for (int s = 0; s < 100; ++s)
        store.upsert(core::School{std::to_string(900000 + s), "Bench School " + std::to_string(s),
                                  "Maidstone", "A", "primary"});
    for (int s = 0; s < 20; ++s)
        store.upsert(core::Staff{"ST" + std::to_string(s), "Bench Staff " + std::to_string(s),
                                 core::Role::specialist_teacher, "Maidstone"});
    for (int p = 0; p < pupils; ++p)
        store.upsert(core::Pupil{pupil_ref(p), std::to_string(900000 + p % 100), "XY", "", "",
                                 p % 7, core::NeedArea::cl});
    transaction.commit();
}

// Events as an office exports them: in date order, pupils interleaved, a mix of kinds
// with enumerated details, free text and staff ids. Keys are unique: rows of one
// pupil are `pupils` apart, and of one pupil and kind 9 * `pupils` apart, which for
// five pupils or more is a later date.
void write_events(const fs::path& file, int rows, int pupils) {
    static const char* kinds[] = {
        "concern_raised", "qfla",           "qfla_review", "monitoring_start", "agency_referral",
        "assessment",     "recommendation", "visit",       "caselist_opened"};
    static const char* details[] = {"",
                                    "",
                                    "",
                                    "",
                                    "salt",
                                    "boxall",
                                    "school_support",
                                    "",
                                    "Agreed outcome: reads with confidence, \"independently\""};
    std::ofstream out(file, std::ios::binary);
    out << "pupil_ref,event,date,detail,staff_id\r\n";
    core::Date start = core::Date::from_ymd(2022, 9, 1);
    for (int i = 0; i < rows; ++i) {
        int pupil = (i * 7919) % pupils;  // a stride co-prime with the pupil count
        int kind = (i / pupils) % 9;
        core::Date date = start + (i / 40);
        std::string detail = details[kind];
        if (detail.find(',') != std::string::npos) {
            std::string quoted = "\"";
            for (char c : detail) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
            detail = quoted + "\"";
        }
        out << pupil_ref(pupil) << ',' << kinds[kind] << ',' << core::to_iso(date) << ',' << detail
            << ",ST" << (i % 20) << "\r\n";
    }
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double time_importer(const fs::path& store_file, const fs::path& events, const Options& o) {
    make_store(store_file, o.pupils);
    db::Store store(store_file);
    auto start = Clock::now();
    db::ImportReport report = db::import_file(store, events);
    double seconds = seconds_since(start);
    if (report.outcome != db::ImportOutcome::imported || report.inserted != size_t(o.rows)) {
        std::cerr << report.summary() << "\n" << report.error_text();
        std::exit(1);
    }
    return seconds;
}

double time_cli(const fs::path& db_file, const fs::path& events) {
    fs::remove(db_file);
    std::string create = "sqlite3 '" + db_file.string() +
                         "' 'CREATE TABLE plain_events(pupil_ref TEXT, event TEXT, date TEXT, "
                         "detail TEXT, staff_id TEXT)'";
    if (std::system(create.c_str()) != 0) return -1;
    std::string import = "sqlite3 '" + db_file.string() + "' '.mode csv' '.import --skip 1 " +
                         events.string() + " plain_events'";
    auto start = Clock::now();
    if (std::system(import.c_str()) != 0) return -1;
    return seconds_since(start);
}

// $LIFTBOARD_BENCH_DIR (kept), or a temp dir removed when the bench ends.
struct BenchDir {
    fs::path path;
    bool temporary = false;
    BenchDir() {
        if (const char* dir = std::getenv("LIFTBOARD_BENCH_DIR")) {
            path = dir;
            fs::create_directories(path);
            return;
        }
        std::string pattern = (fs::temp_directory_path() / "liftboard-bench-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path = pattern;
        temporary = true;
    }
    ~BenchDir() {
        std::error_code ignored;
        if (temporary) fs::remove_all(path, ignored);
    }
};

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        int value = std::atoi(argv[i + 1]);
        if (flag == "--rows")
            o.rows = value;
        else if (flag == "--pupils")
            o.pupils = value;
        else if (flag == "--runs")
            o.runs = value;
    }
    // Five pupils or more keep the generated keys unique (see write_events).
    if (o.rows <= 0 || o.pupils < 5 || o.runs <= 0) {
        std::cerr << "usage: import_bench [--rows N] [--pupils N] [--runs N]\n";
        return 2;
    }
    BenchDir bench_dir;
    const fs::path& dir = bench_dir.path;
    fs::path events = dir / "events-bench.csv";
    write_events(events, o.rows, o.pupils);

    // Best of N, alternating the two, so a busy moment on a shared machine hurts neither
    // side alone.
    double ours = 1e9, cli = 1e9;
    for (int run = 0; run < o.runs; ++run) {
        ours = std::min(ours, time_importer(dir / "import-bench.db", events, o));
        double shell = time_cli(dir / "cli-bench.db", events);
        if (shell < 0) {
            std::cerr
                << "import_bench: the sqlite3 shell failed (is the sqlite3 package installed?)\n";
            return 1;
        }
        cli = std::min(cli, shell);
    }
    double ours_rate = o.rows / ours, cli_rate = o.rows / cli;
    std::printf("BENCH import_events_rows_per_s %.0f rows/s\n", ours_rate);
    std::printf("BENCH sqlite3_cli_import_rows_per_s %.0f rows/s\n", cli_rate);
    std::printf("BENCH import_vs_cli_ratio %.2f\n", ours_rate / cli_rate);
    return 0;
}

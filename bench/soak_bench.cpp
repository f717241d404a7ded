// Soak: the writer thread on a 10k-pupil store in compressed time, as a kiosk would run
// it for months: inbox drops (small event files, each a new version of the same rows),
// triage edits from the UI, and the date turning, with a reader thread taking the
// published snapshot as the UI does each frame and, now and then, a read transaction on
// its own connection (as `liftboard backup`, `doctor` or a second kiosk do). What must
// not grow is measured after a warm-up against the end:
//   soak_rss_growth_mb   resident memory (target <= 5 MB)
//   soak_wal_max_mb      largest the WAL file ever was (target <= 64 MB: checkpoints work)
//   soak_fd_growth       open file descriptors (target 0)
//   soak_thread_growth   threads (target 0)
// and soak_seconds, the run time. LIFTBOARD_SOAK_SCALE (default 1) multiplies the
// amount of work: 0.1 for a quick look.
//
// The store lives in /dev/shm when there is one: every edit is its own durable commit
// (synchronous=FULL), and on a shared disk 30,000 fsyncs would make this a benchmark of
// the disk's flush latency, not of what grows. WAL and checkpoints behave the same on
// tmpfs. LIFTBOARD_SOAK_DIR puts it elsewhere (a real disk: expect a much longer run).
#include <SQLiteCpp/Database.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_support.hpp"
#include "db/store.hpp"
#include "db/sync/release_memory.hpp"
#include "db/sync/writer.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

double env_scale() {
    const char* text = std::getenv("LIFTBOARD_SOAK_SCALE");
    const double scale = text ? std::atof(text) : 1.0;
    return scale > 0 ? scale : 1.0;
}

size_t entries_in(const char* folder) {
    std::error_code error;
    size_t n = 0;
    for (auto it = fs::directory_iterator(folder, error); !error && it != fs::directory_iterator();
         it.increment(error))
        ++n;
    return n;
}

double resident_mb() {
    long pages_total = 0, pages_resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = 0;
        std::fclose(f);
    }
    return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
           (1024.0 * 1024.0);
}

// A line of /proc/self/status in MB ("RssAnon:", "RssFile:").
double status_mb(const char* key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(key, 0) == 0) return std::atof(line.c_str() + std::strlen(key)) / 1024.0;
    return 0;
}

uint64_t size_on_disk(const fs::path& file) {
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

// Drop `round` of the events file: the same 20 events each time (so the data stays
// the size it is), with a note that makes every drop new bytes and an update.
std::string events_drop(const std::vector<std::string>& pupils, int round) {
    std::string out = "pupil_ref,event,date,detail,staff_id,note\n";
    char line[160];
    for (int i = 0; i < 20; ++i) {
        std::snprintf(line, sizeof line, "%s,visit,2025-10-%02d,,,soak round %d\n",
                      pupils[static_cast<size_t>(i * 37) % pupils.size()].c_str(), i % 28 + 1,
                      round);
        out += line;
    }
    return out;
}

// The kiosk's side: each "frame" takes the current snapshot and reads from it; every
// so often a read transaction on a connection of its own, held a moment.
class Reader {
  public:
    Reader(core::SnapshotChannel& channel, fs::path database)
        : channel_(channel), database_(std::move(database)), wal_(database_.string() + "-wal") {
        thread_ = std::thread([this] { run(); });
    }
    ~Reader() {
        stop_ = true;
        thread_.join();
    }
    // Held while counting descriptors and threads: the reader's own connection is closed.
    std::mutex& quiet() { return quiet_; }
    uint64_t wal_max() const { return wal_max_.load(); }
    uint64_t frames() const { return frames_.load(); }
    uint64_t reads() const { return reads_.load(); }
    uint64_t read_failures() const { return read_failures_.load(); }

  private:
    void run() {
        // The first read at once: closing a connection while the writer's holds a lock
        // on the same file, SQLite keeps its descriptor for the next open (POSIX locks
        // belong to the process), so one descriptor stays from then on, by design.
        auto next_read = Clock::now();
        size_t seen = 0;
        while (!stop_) {
            if (auto snapshot = channel_.current()) {
                seen += snapshot->caseload.size() + snapshot->data->pupils.size();
                std::this_thread::sleep_for(2ms);  // a frame holds it while drawing
            }
            ++frames_;
            wal_max_.store(std::max(wal_max_.load(), size_on_disk(wal_)));
            if (Clock::now() >= next_read) {
                std::lock_guard lock(quiet_);
                try {
                    SQLite::Database db(database_.string(), SQLite::OPEN_READONLY, 5000);
                    db.exec("BEGIN");
                    seen +=
                        static_cast<size_t>(db.execAndGet("SELECT count(*) FROM event").getInt());
                    std::this_thread::sleep_for(50ms);  // a read transaction that takes a while
                    db.exec("COMMIT");
                    ++reads_;
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "soak: reader: %s\n", e.what());
                    ++read_failures_;
                }
                next_read = Clock::now() + 1s;
            }
        }
        sink_ = seen;
    }

    core::SnapshotChannel& channel_;
    fs::path database_;
    fs::path wal_;
    std::atomic<bool> stop_{false};
    std::atomic<uint64_t> wal_max_{0};
    std::atomic<uint64_t> frames_{0}, reads_{0}, read_failures_{0};
    std::mutex quiet_;
    size_t sink_ = 0;
    std::thread thread_;
};

fs::path soak_dir() {
    if (const char* dir = std::getenv("LIFTBOARD_SOAK_DIR"))
        return fs::path(dir) / "liftboard-soak";
    std::error_code error;
    if (fs::is_directory("/dev/shm", error) && ::access("/dev/shm", W_OK) == 0)
        return fs::path("/dev/shm") / ("liftboard-soak-" + std::to_string(::getpid()));
    return bench_support::bench_dir() / "soak";
}

// What each open descriptor points at: printed when the count grew, to say what leaked.
std::map<std::string, std::string> open_files() {
    std::map<std::string, std::string> files;
    std::error_code error;
    for (auto it = fs::directory_iterator("/proc/self/fd", error);
         !error && it != fs::directory_iterator(); it.increment(error))
        files[it->path().filename().string()] = fs::read_symlink(it->path(), error).string();
    return files;
}

struct Counts {
    double rss_mb;
    size_t fds, threads;
    double heap_mb = 0;               // bytes malloc has handed out and not had back
    double anon_mb = 0, file_mb = 0;  // resident: private memory, and mapped files (code)
    std::map<std::string, std::string> files;
};

// The least resident memory, descriptors and threads of a few looks over half a
// second, the work paused: the writer opens a file or folder for a moment on each pass
// and holds a second snapshot while it builds one; a leak is what stays, not what comes
// and goes.
Counts measure(Reader& reader, core::SnapshotChannel& channel) {
    // Quiet first: no new snapshot for a while, so the writer is not building one.
    for (auto generation = channel.current()->generation, last = generation;;) {
        std::this_thread::sleep_for(300ms);
        generation = channel.current()->generation;
        if (generation == last) break;
        last = generation;
    }
    // The writer hands free memory back after each publish, but the snapshot it replaced
    // is often freed a moment later, by the reader dropping it: so is it here, or the
    // figure would swing by a snapshot's size with that timing, hiding a real leak.
    malloc_trim(0);
    Counts counts{1e9, SIZE_MAX, SIZE_MAX, 0, 0, 0, {}};
    const struct mallinfo2 heap = mallinfo2();
    counts.heap_mb = static_cast<double>(heap.uordblks + heap.hblkhd) / (1024.0 * 1024.0);
    for (int look = 0; look < 50; ++look) {
        {
            std::lock_guard lock(reader.quiet());
            const size_t fds = entries_in("/proc/self/fd");
            if (fds < counts.fds) {
                counts.fds = fds;
                counts.files = open_files();
            }
            counts.threads = std::min(counts.threads, entries_in("/proc/self/task"));
            if (const double rss = resident_mb(); rss < counts.rss_mb) {
                counts.rss_mb = rss;
                counts.anon_mb = status_mb("RssAnon:");
                counts.file_mb = status_mb("RssFile:");
            }
        }
        std::this_thread::sleep_for(10ms);
    }
    return counts;
}

}  // namespace

int main() {
    db::configure_allocator();  // as the dashboard does at start-up (app/main.cpp)
    const double scale = env_scale();
    const int drops = static_cast<int>(5000 * scale), commands = static_cast<int>(20000 * scale),
              days = std::max(1, static_cast<int>(30 * scale));
    constexpr int kFilesPerBatch = 25, kCommandsPerBatch = 100;

    const fs::path work = soak_dir();
    fs::remove_all(work);
    fs::create_directories(work / "inbox");
    const fs::path database = work / "store.db";
    fs::copy_file(bench_support::demo_database(10000), database);

    std::vector<std::string> pupils, teachers;
    {
        SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
        SQLite::Statement p(db, "SELECT pupil_ref FROM pupil ORDER BY pupil_ref");
        while (p.executeStep()) pupils.push_back(p.getColumn(0).getString());
        SQLite::Statement t(db, "SELECT staff_id FROM staff WHERE role = 'specialist_teacher'");
        while (t.executeStep()) teachers.push_back(t.getColumn(0).getString());
    }

    const core::Date first_day = *core::parse_date(bench_support::kToday);
    std::atomic<int> day_offset{0};
    core::SnapshotChannel channel;
    core::SyncStatus status;
    db::WriterOptions options;
    options.database = database;
    options.inbox = work / "inbox";
    options.today_source = [&] { return first_day + day_offset.load(); };
    options.settle = 0ms;
    options.rescan = 20ms;  // compressed time: the writer looks round often

    const auto start = Clock::now();
    db::Writer writer(options, channel, status);
    writer.start();
    while (!channel.current()) std::this_thread::sleep_for(5ms);
    auto reader = std::make_unique<Reader>(channel, database);

    // The work in rounds: a batch of drops, a batch of edits, now and then a new day.
    const int batches = std::max(drops / kFilesPerBatch, commands / kCommandsPerBatch);
    const int warmup = batches / 10;
    Counts before{};
    int dropped = 0, sent = 0, turned = 0;
    for (int batch = 0; batch < batches; ++batch) {
        if (batch == warmup) before = measure(*reader, channel);
        for (int i = 0; i < kFilesPerBatch && dropped < drops; ++i, ++dropped) {
            const std::string name = "events-soak-" + std::to_string(dropped) + ".csv";
            { std::ofstream(work / (name + ".tmp")) << events_drop(pupils, dropped); }
            fs::rename(work / (name + ".tmp"), work / "inbox" / name);
        }
        std::vector<std::future<core::CommandResult>> answers;
        for (int i = 0; i < kCommandsPerBatch && sent < commands; ++i, ++sent) {
            const std::string& pupil = pupils[static_cast<size_t>(sent * 7919) % pupils.size()];
            if (sent % 2 == 0)
                answers.push_back(writer.submit(core::SetPriority{pupil, sent % 4}, "soak"));
            else
                answers.push_back(writer.submit(
                    core::AssignTeacher{pupil,
                                        teachers[static_cast<size_t>(sent) % teachers.size()]},
                    "soak"));
        }
        for (auto& answer : answers) answer.get();
        // Every file of the batch gone from the inbox (imported and moved).
        while (entries_in((work / "inbox").c_str()) > 2) std::this_thread::sleep_for(1ms);
        if (turned < days && batch % std::max(1, batches / days) == 0) {
            ++turned;
            day_offset.fetch_add(1);
            const core::Date want = first_day + day_offset.load();
            while (channel.current()->today != want) std::this_thread::sleep_for(1ms);
        }
    }
    const Counts after = measure(*reader, channel);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const auto view = status.read();
    std::fprintf(stderr,
                 "soak: %d drops (%u imported, %u quarantined), %d commands, %d day changes, "
                 "%llu reader frames, %llu read transactions\n",
                 dropped, view.files_imported, view.files_quarantined, sent, turned,
                 static_cast<unsigned long long>(reader->frames()),
                 static_cast<unsigned long long>(reader->reads()));
    if (after.fds != before.fds)
        for (const auto& [fd, target] : after.files)
            if (before.files.count(fd) == 0 || before.files.at(fd) != target)
                std::fprintf(stderr, "soak: fd %s -> %s opened since the warm-up\n", fd.c_str(),
                             target.c_str());
    std::fprintf(stderr,
                 "soak: resident %.1f -> %.1f MB (private %.1f -> %.1f, mapped files %.1f -> "
                 "%.1f), heap in use %.1f -> %.1f MB\n",
                 before.rss_mb, after.rss_mb, before.anon_mb, after.anon_mb, before.file_mb,
                 after.file_mb, before.heap_mb, after.heap_mb);
    bench_support::bench("soak_rss_growth_mb", after.rss_mb - before.rss_mb, "MB");
    bench_support::bench("soak_wal_max_mb",
                         static_cast<double>(reader->wal_max()) / (1024.0 * 1024.0), "MB");
    bench_support::bench("soak_fd_growth",
                         static_cast<double>(after.fds) - static_cast<double>(before.fds), "");
    bench_support::bench("soak_thread_growth",
                         static_cast<double>(after.threads) - static_cast<double>(before.threads),
                         "");
    bench_support::bench("soak_seconds", seconds, "s");
    const bool reads_ok = reader->read_failures() == 0;
    reader.reset();  // before the store goes
    writer.stop();
    fs::remove_all(work);
    return reads_ok ? 0 : 1;
}

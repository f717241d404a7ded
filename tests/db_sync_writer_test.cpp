// The writer thread on real folders and files: drops imported and moved, bad files
// quarantined with their report, slow writers waited for, commands applied and
// audited, shutdown in the middle of an import, a new day.
#include <SQLiteCpp/Database.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <thread>

#include "db/store.hpp"
#include "db/sync/command_applier.hpp"
#include "db/sync/writer.hpp"
#include "support/inbox_files.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

using namespace std::chrono_literals;
using test_support::TempDir;
using test_support::wait_until;
using test_support::write_file;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    TempDir dir;
    fs::path inbox = dir / "inbox";
    fs::path database = dir / "store.db";
    core::SnapshotChannel channel;
    core::SyncStatus status;

    db::WriterOptions options() const {
        db::WriterOptions o;
        o.database = database;
        o.inbox = inbox;
        o.today = core::parse_date("2025-11-20");
        o.settle = 200ms;
        o.rescan = 500ms;
        return o;
    }
    size_t pupils() const {
        auto s = channel.current();
        return s ? s->data->pupils.size() : 0;
    }
    // Writes a file under a .tmp name and renames it in, as a careful exporter does.
    void drop(const std::string& name, const std::string& content) {
        fs::create_directories(inbox);
        write_file(inbox / (name + ".tmp"), content);
        fs::rename(inbox / (name + ".tmp"), inbox / name);
    }
};

int count(const fs::path& database, const std::string& sql) {
    SQLite::Database db(database.string());
    return db.execAndGet(sql).getInt();
}

}  // namespace

TEST_CASE("a drop is imported in dependency order, moved to processed and published") {
    Fixture f;
    // Pupils before their school, in one drop: dependency order makes it work. Both are
    // in the inbox before the writer's first scan, so they are one drop however slowly
    // this thread runs (renamed in while it runs, a pause between the two renames
    // longer than the settle period would make them two drops, pupils first, refused).
    f.drop("pupils.csv", test_support::pupils_csv());
    f.drop("schools.csv", test_support::schools_csv());
    db::Writer writer(f.options(), f.channel, f.status);
    writer.start();

    REQUIRE(wait_until([&] { return f.pupils() == 2; }));
    // The first scan only starts the settle clock: the start's own snapshot came first.
    CHECK(f.channel.current()->generation > 1);
    CHECK(fs::exists(f.inbox / "processed" / "pupils.csv"));
    CHECK(fs::exists(f.inbox / "processed" / "schools.csv"));
    CHECK_FALSE(fs::exists(f.inbox / "pupils.csv"));
    auto view = f.status.read();
    CHECK(view.files_imported == 2);
    CHECK(view.last_success.has_value());
    CHECK_FALSE(view.last_attempt_failed);
    CHECK_FALSE(view.stale(std::chrono::hours(24)));
}

TEST_CASE("a bad file goes to quarantine with its report and the last good data stays") {
    Fixture f;
    f.drop("schools.csv", test_support::schools_csv());
    db::Writer writer(f.options(), f.channel, f.status);
    writer.start();
    REQUIRE(wait_until([&] { auto s = f.channel.current(); return s && s->data->schools.size() == 2; }));

    f.drop("schools-update.csv", "urn,name,district\n900001,Renamed School,Atlantis\n");
    // The report is written beside the file after the move: wait for the report itself.
    const fs::path report_file = f.inbox / "quarantine" / "schools-update.csv.error.txt";
    std::string report;
    wait_until([&] {
        report = test_support::read_file(report_file);
        return report.find("schools-update.csv:2") != std::string::npos &&
               report.find("district") != std::string::npos;
    });
    CHECK_THAT(report, Catch::Contains("schools-update.csv:2"));
    CHECK_THAT(report, Catch::Contains("district"));
    CHECK(fs::exists(f.inbox / "quarantine" / "schools-update.csv"));
    REQUIRE(wait_until([&] { return f.status.read().last_attempt_failed; }));
    auto view = f.status.read();
    CHECK(view.files_quarantined == 1);
    CHECK_THAT(view.last_error, Catch::Contains("schools-update.csv"));
    // The previous data is intact, in the store and on screen.
    CHECK(f.channel.current()->data->school("900001")->name == "Larkspur Primary School");
    CHECK(count(f.database, "SELECT count(*) FROM school WHERE name = 'Renamed School'") == 0);
}

TEST_CASE("a file written slowly in pieces is read once, complete") {
    Fixture f;
    f.drop("schools.csv", test_support::schools_csv());
    db::Writer writer(f.options(), f.channel, f.status);
    writer.start();
    REQUIRE(wait_until([&] { auto s = f.channel.current(); return s && s->data->schools.size() == 2; }));

    std::string content = test_support::many_pupils_csv(300);
    {
        std::ofstream out(f.inbox / "pupils.csv", std::ios::binary);
        for (size_t at = 0; at < content.size(); at += content.size() / 4 + 1) {
            out << content.substr(at, content.size() / 4 + 1) << std::flush;
            // Longer than the settle period: only the open file handle says "not done".
            std::this_thread::sleep_for(450ms);
        }
    }
    // The snapshot that shows the rows (published after the file moved to processed/).
    REQUIRE(wait_until([&] { return f.pupils() == 300; }));
    CHECK(fs::exists(f.inbox / "processed" / "pupils.csv"));
    CHECK(f.status.read().files_quarantined == 0);
    CHECK(count(f.database, "SELECT count(*) FROM import_log WHERE file LIKE '%pupils.csv'") == 1);
}

TEST_CASE("*.tmp and dot files are left alone") {
    Fixture f;
    f.drop("schools.csv", test_support::schools_csv());
    write_file(f.inbox / "pupils.csv.tmp", test_support::pupils_csv());
    write_file(f.inbox / ".pupils.csv", test_support::pupils_csv());
    db::Writer writer(f.options(), f.channel, f.status);
    auto outcomes = writer.run_once();
    REQUIRE(outcomes.size() == 1);
    CHECK(fs::exists(f.inbox / "pupils.csv.tmp"));
    CHECK(fs::exists(f.inbox / ".pupils.csv"));
    CHECK(f.pupils() == 0);
}

TEST_CASE("commands are applied in a transaction, audited and shown in the next snapshot") {
    Fixture f;
    f.drop("schools.csv", test_support::schools_csv());
    f.drop("staff.csv", test_support::staff_csv());
    f.drop("pupils.csv", test_support::pupils_csv());
    f.drop("events.csv", test_support::events_csv());
    db::Writer writer(f.options(), f.channel, f.status);
    writer.start();
    REQUIRE(wait_until([&] { return f.pupils() == 2 && !f.channel.current()->caseload.empty(); }));
    CHECK(f.channel.current()->caseload[0].teacher_id == "ST01");

    auto result = writer.submit(core::AssignTeacher{"P000001", "ST02"}, "tester").get();
    REQUIRE(result.ok);
    // The result arrives after the snapshot that shows it.
    CHECK(f.channel.current()->caseload[0].teacher_id == "ST02");
    CHECK(count(f.database, "SELECT count(*) FROM audit WHERE who = 'tester' AND what LIKE 'assign P000001 to ST02%' "
                            "AND after LIKE '%ST02%'") == 1);

    auto refused = writer.submit(core::AssignTeacher{"P000001", "NOBODY"}, "tester").get();
    CHECK_FALSE(refused.ok);
    CHECK_THAT(refused.message, Catch::Contains("NOBODY"));
    auto unknown = writer.submit(core::SetPriority{"P999999", 1}, "tester").get();
    CHECK_FALSE(unknown.ok);
    CHECK(count(f.database, "SELECT count(*) FROM audit") == 1);

    auto referral = core::NewReferral{core::Pupil{"P000777", "900002", "EF", "", ""}, core::parse_date("2025-11-01").value()};
    REQUIRE(writer.submit(referral, "tester").get().ok);
    CHECK(f.channel.current()->data->pupil("P000777").has_value());
    CHECK(count(f.database, "SELECT count(*) FROM event WHERE pupil_ref = 'P000777' AND event = 'consent_given'") == 1);
}

TEST_CASE("taking a pupil onto the caselist records the event and assigns the teacher in one edit") {
    Fixture f;
    f.drop("schools.csv", test_support::schools_csv());
    f.drop("staff.csv", test_support::staff_csv());
    f.drop("pupils.csv", test_support::pupils_csv());
    db::Writer writer(f.options(), f.channel, f.status);
    writer.start();
    REQUIRE(wait_until([&] { return f.pupils() == 2; }));

    core::Event opened{"P000002", core::EventKind::caselist_opened,
                       core::parse_date("2025-11-20").value(), "Reads a page unaided", "ST02"};
    opened.note = "Zo\xc3\xab's plan, \"reading\"";
    auto result = writer.submit(core::OpenCaselist{opened}, "chair").get();
    REQUIRE(result.ok);
    CHECK(count(f.database, "SELECT count(*) FROM event WHERE pupil_ref = 'P000002' AND "
                            "event = 'caselist_opened' AND staff_id = 'ST02'") == 1);
    CHECK(count(f.database, "SELECT count(*) FROM case_state WHERE pupil_ref = 'P000002' AND "
                            "assigned_staff_id = 'ST02'") == 1);
    CHECK(count(f.database, "SELECT count(*) FROM audit WHERE who = 'chair' AND what LIKE "
                            "'open caselist for P000002 on 2025-11-20 with ST02'") == 1);

    // Not a specialist teacher, no agreed outcome, or the same again: refused, nothing written.
    opened.staff_id = "NOBODY";
    CHECK_FALSE(writer.submit(core::OpenCaselist{opened}, "chair").get().ok);
    opened.staff_id = "ST02";
    opened.detail = "";
    CHECK_FALSE(writer.submit(core::OpenCaselist{opened}, "chair").get().ok);
    opened.detail = "Reads a page unaided";
    auto again = writer.submit(core::OpenCaselist{opened}, "chair").get();
    CHECK_FALSE(again.ok);
    CHECK(again.message == "already recorded");
    CHECK(count(f.database, "SELECT count(*) FROM audit") == 1);
}

TEST_CASE("a caselist opening queued for the hub carries the event and the case edit") {
    Fixture f;
    f.drop("schools.csv", test_support::schools_csv());
    f.drop("staff.csv", test_support::staff_csv());
    f.drop("pupils.csv", test_support::pupils_csv());
    {
        db::Writer writer(f.options(), f.channel, f.status);
        writer.start();
        REQUIRE(wait_until([&] { return f.pupils() == 2; }));
    }
    db::Store store(f.database);
    core::Event opened{"P000002", core::EventKind::caselist_opened,
                       core::parse_date("2025-11-20").value(), "Joins in at lunch", "ST01"};
    REQUIRE(db::apply_command(store, core::OpenCaselist{opened}, "chair", true).ok);
    SQLite::Statement q(store.database(), "SELECT effects FROM hub_outbox");
    REQUIRE(q.executeStep());
    const std::string effects = q.getColumn(0).getString();
    CHECK_THAT(effects, Catch::Contains("\"table\":\"event\"") &&
                            Catch::Contains("\"table\":\"case_state\"") &&
                            Catch::Contains("Joins in at lunch"));
    CHECK_FALSE(q.executeStep());
}

TEST_CASE("stopping during a large import is prompt and leaves all or nothing of the file") {
    Fixture f;
    f.drop("schools.csv", test_support::schools_csv());
    f.drop("pupils.csv", test_support::many_pupils_csv(10000));
    {
        db::Writer setup(f.options(), f.channel, f.status);
        setup.run_once();
    }
    f.drop("events.csv", test_support::many_events_csv(100000, 10000));
    {
        db::Writer writer(f.options(), f.channel, f.status);
        writer.start();
        REQUIRE(wait_until([&] { return f.status.read().in_flight || fs::exists(f.inbox / "processed" / "events.csv"); }));
        writer.stop();
    }
    int events = count(f.database, "SELECT count(*) FROM event");
    CHECK((events == 0 || events == 100000));
    CHECK(fs::exists(f.inbox / "events.csv") == (events == 0));
    // A restart finishes the job.
    db::Writer again(f.options(), f.channel, f.status);
    again.run_once();
    CHECK(count(f.database, "SELECT count(*) FROM event") == 100000);
    CHECK(fs::exists(f.inbox / "processed" / "events.csv"));
}

TEST_CASE("when today turns (an injected clock) the writer publishes a snapshot for the new day "
          "with nothing else changed") {
    Fixture f;
    const core::Date first = *core::parse_date("2025-11-20");
    std::atomic<int> days_on{0};
    db::WriterOptions options = f.options();
    options.today.reset();
    options.today_source = [&] { return first + days_on.load(); };
    options.rescan = 50ms;
    db::Writer writer(options, f.channel, f.status);
    writer.start();
    REQUIRE(wait_until([&] { return f.channel.current() != nullptr; }));
    CHECK(f.channel.current()->today == first);
    days_on = 1;
    REQUIRE(wait_until([&] { return f.channel.current()->today == first + 1; }));
    const uint64_t generation = f.channel.current()->generation;
    days_on = 2;
    REQUIRE(wait_until([&] { return f.channel.current()->today == first + 2; }));
    CHECK(f.channel.current()->generation == generation + 1);
}

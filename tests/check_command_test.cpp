// `liftboard check` end to end: inbox CSV files loaded with `liftboard import`, then
// checked as CSV and JSON; errors for a missing or corrupt database, an unknown pupil
// and a bad date; and every deliberate breach of the demo district reported.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "core/rules.hpp"
#include "db/demo/demo_generator.hpp"
#include "db/store.hpp"
#include "support/temp_dir.hpp"

using test_support::CommandResult;
using test_support::run_command;
using test_support::TempDir;
using test_support::write_file;

namespace {

const std::string binary = LIFTBOARD_BINARY;

std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

// A small district: a Maidstone school that changes group for the summer term, a Swale
// school, the LIFT schedule, and pupils each breaking (or keeping) some rules.
void write_inbox(const TempDir& dir) {
    write_file(dir / "schools.csv",
               "urn,name,district,lift_group,phase\n"
               "900001,Oakfield Primary,Maidstone,A,primary\n"
               "900002,Elm Academy,Swale,C,secondary\n");
    write_file(dir / "terms.csv",
               "academic_year,term,start_date,end_date\n"
               "2024/25,autumn,2024-09-03,2024-12-20\n"
               "2024/25,spring,2025-01-06,2025-04-04\n"
               "2024/25,summer,2025-04-22,2025-07-22\n"
               "2025/26,autumn,2025-09-03,2025-12-19\n"
               "2025/26,spring,2026-01-05,2026-03-27\n"
               "2025/26,summer,2026-04-13,2026-07-21\n");
    write_file(dir / "lift_groups.csv",
               "urn,academic_year,term,group\n"
               "900001,2024/25,summer,B\n");
    write_file(dir / "lift_schedule.csv",
               "district,group,meeting_date,paperwork_deadline,venue\n"
               "Maidstone,A,2025-03-13,2025-03-06,Hall\n"
               "Maidstone,A,2025-04-24,2025-04-14,Hall\n"
               "Maidstone,B,2025-04-24,2025-04-17,Library\n");
    write_file(dir / "pupils.csv",
               "pupil_ref,school_urn,initials\n"
               "P00001,900001,AB\nP00002,900001,CD\nP00003,900001,EF\nP00004,900002,GH\n"
               "P00005,900002,IJ\nP00006,900002,KL\nP00007,900001,MN\n");
    write_file(dir / "events.csv",
               "pupil_ref,event,date,detail\n"
               "P00001,qfla,2025-03-03,\n"
               "P00002,consent_given,2024-09-20,\n"
               "P00002,surgery,2024-10-03,\n"
               "P00004,caselist_opened,2025-01-06,\"Reading age within a year, by July\"\n"
               "P00004,visit,2025-02-10,\n"
               "P00005,monitoring_start,2024-10-03,\n"
               "P00005,sen_support,2025-01-15,\n"
               "P00006,concern_raised,2025-02-01,\n"
               "P00007,consent_given,2024-09-20,\n"
               "P00007,surgery,2024-10-03,\n");
    write_file(dir / "bookings.csv",
               "pupil_ref,kind,meeting_date,district,group,paperwork_received\n"
               "P00002,lift,2025-03-13,Maidstone,A,2025-03-07\n"
               "P00003,lift,2025-04-24,Maidstone,A,\n"
               "P00007,lift,2025-03-13,Maidstone,A,2025-03-01\n");
}

// Imports the inbox into dir/x.db; returns the database path.
std::filesystem::path imported(const TempDir& dir) {
    write_inbox(dir);
    std::string files;
    for (const char* f :
         {"schools", "terms", "lift_groups", "lift_schedule", "pupils", "events", "bookings"})
        files += " " + quoted(dir / (std::string(f) + ".csv"));
    CommandResult import = run_command(binary + " import --db " + quoted(dir / "x.db") + files);
    INFO(import.output);
    REQUIRE(import.status == 0);
    return dir / "x.db";
}

CommandResult check(const std::filesystem::path& db, const std::string& args) {
    return run_command(binary + " check --db " + quoted(db) + " " + args);
}

}  // namespace

TEST_CASE("check prints every finding as CSV, one row per pupil and rule") {
    TempDir dir;
    auto db = imported(dir);
    CommandResult result = check(db, "--today 2025-04-01 --format csv");
    CHECK(result.status == 0);
    CHECK(result.output ==
          "pupil_ref,rule,status,due_date,reason\n"
          "P00001,qfla-review,overdue,2025-03-31,QFLA on 3 Mar 2025 needed a progress review by 31 "
          "Mar 2025; none recorded\n"
          "P00002,paperwork-deadline,warning,,\"paperwork for LIFT on 13 Mar 2025 arrived on 7 Mar "
          "2025, after its deadline of 6 Mar 2025\"\n"
          "P00003,consent-before-referral,blocked,,LIFT on 24 Apr 2025 is booked without parental "
          "consent on or before that date\n"
          "P00003,surgery-before-lift,blocked,,LIFT on 24 Apr 2025 is booked without an earlier "
          "STLS Surgery discussion\n"
          "P00003,paperwork-deadline,due,2025-04-14,paperwork for LIFT on 24 Apr 2025 is due by 14 "
          "Apr 2025 and has not arrived\n"
          "P00003,lift-group,warning,,LIFT on 24 Apr 2025 is for group A; the school's group for "
          "summer 2024/25 is B\n"
          "P00004,caselist-visit,overdue,2025-03-24,an STLS visit was due by 24 Mar 2025 (6 weeks "
          "after the visit on 10 Feb 2025); none recorded since\n"
          "P00005,monitor-two-terms,warning,,SEN Support on 15 Jan 2025 came before two terms of "
          "monitoring from 3 Oct 2024 (which run to 22 May 2025)\n");
    // csv is the default format
    CHECK(check(db, "--today 2025-04-01").output == result.output);
}

TEST_CASE("check prints JSON with the same keys, and one pupil with --pupil") {
    TempDir dir;
    auto db = imported(dir);
    CommandResult result = check(db, "--today 2025-04-01 --format json --pupil P00004");
    CHECK(result.status == 0);
    CHECK(
        result.output ==
        "[\n"
        "  {\"pupil_ref\": \"P00004\", \"rule\": \"caselist-visit\", \"status\": \"overdue\", "
        "\"due_date\": \"2025-03-24\", \"reason\": \"an STLS visit was due by 24 Mar 2025 (6 weeks "
        "after the visit on 10 Feb 2025); none recorded since\"}\n"
        "]\n");
    CommandResult quiet = check(db, "--today 2025-04-01 --format json --pupil P00006");
    CHECK(quiet.status == 0);
    CHECK(quiet.output == "[]\n");
}

TEST_CASE("check takes the configurable numbers from its options") {
    TempDir dir;
    auto db = imported(dir);
    CHECK(check(db, "--today 2025-04-01 --pupil P00007").output ==
          "pupil_ref,rule,status,due_date,reason\n");
    CHECK(
        check(db, "--today 2025-04-01 --pupil P00007 --referral-cap 1").output ==
        "pupil_ref,rule,status,due_date,reason\n"
        "P00007,referral-cap,warning,,the school has 2 pupils booked for LIFT on 13 Mar 2025; the "
        "limit is 1 per meeting\n");
    CHECK(check(db, "--today 2025-03-10 --pupil P00004 --visit-interval-weeks 3").output ==
          "pupil_ref,rule,status,due_date,reason\n"
          "P00004,caselist-visit,overdue,2025-03-03,an STLS visit was due by 3 Mar 2025 (3 weeks "
          "after the visit on 10 Feb 2025); none recorded since\n");
}

TEST_CASE("check fails with one line for a missing database and does not create it") {
    TempDir dir;
    CommandResult result = check(dir / "missing.db", "--today 2025-04-01");
    CHECK(result.status != 0);
    CHECK(result.output ==
          "liftboard check: " + (dir / "missing.db").string() + ": no such database\n");
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("check fails with one line for a corrupt database") {
    TempDir dir;
    write_file(dir / "bad.db", "this is not a database, just some text that goes on for a while\n");
    CommandResult result = check(dir / "bad.db", "--today 2025-04-01");
    CHECK(result.status != 0);
    CHECK(result.output.rfind("liftboard check: " + (dir / "bad.db").string() + ": ", 0) == 0);
    CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
}

TEST_CASE("check fails with one line for an unknown pupil or a bad date") {
    TempDir dir;
    auto db = imported(dir);
    CommandResult pupil = check(db, "--today 2025-04-01 --pupil P99999");
    CHECK(pupil.status != 0);
    CHECK(pupil.output == "liftboard check: " + db.string() + ": no pupil P99999\n");

    CommandResult date = check(db, "--today 2025-02-30");
    CHECK(date.status != 0);
    CHECK(date.output ==
          "liftboard check: --today: not a date (expected YYYY-MM-DD): 2025-02-30\n");

    CommandResult format = check(db, "--format xml");
    CHECK(format.status != 0);
    CHECK(format.output == "liftboard check: --format: expected csv or json, not xml\n");
}

TEST_CASE("every deliberate breach in the demo data shows up in check") {
    for (uint64_t seed : {1u, 7u}) {
        TempDir dir;
        db::demo::DemoOptions options;
        options.pupils = 400;
        options.seed = seed;
        options.today = core::parse_date("2025-03-13").value();
        auto world = db::demo::generate_demo(options);
        REQUIRE_FALSE(world.breaches.empty());
        {
            db::Store store(dir / "demo.db");
            db::demo::write_demo(store, world);
        }
        CommandResult result = check(dir / "demo.db", "--today 2025-03-13 --format csv");
        REQUIRE(result.status == 0);

        // (pupil_ref, rule) -> status; the first three fields are never quoted.
        std::map<std::pair<std::string, std::string>, std::string> found;
        std::istringstream lines(result.output);
        std::string line;
        std::getline(lines, line);
        REQUIRE(line == "pupil_ref,rule,status,due_date,reason");
        while (std::getline(lines, line)) {
            std::istringstream fields(line);
            std::string ref, rule, status;
            std::getline(fields, ref, ',');
            std::getline(fields, rule, ',');
            std::getline(fields, status, ',');
            found[{ref, rule}] = status;
        }
        for (const auto& breach : world.breaches) {
            std::string rule(core::to_string(breach.rule));
            INFO("seed " << seed << ": " << breach.pupil_ref << " " << rule
                         << " should be at least " << core::to_string(breach.status));
            auto it = found.find({breach.pupil_ref, rule});
            REQUIRE(it != found.end());
            int status = -1;
            for (int s = 0; s <= static_cast<int>(core::Status::blocked); ++s)
                if (core::to_string(static_cast<core::Status>(s)) == it->second) status = s;
            CHECK(status >= static_cast<int>(breach.status));
        }
    }
}

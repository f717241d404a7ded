// `liftboard import` end to end: the built binary on files in a temp dir.
#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using test_support::run_command;
using test_support::TempDir;
using test_support::write_file;

namespace {

std::string import_command(const TempDir& dir, const std::string& args) {
    return std::string(LIFTBOARD_BINARY) + " import --db '" + (dir / "store.db").string() + "' " +
           args;
}

void write_drop(const TempDir& dir) {
    write_file(dir / "schools.csv",
               "\xEF\xBB\xBFurn,name,district\r\n900001,Oakfield Primary,Maidstone\r\n");
    write_file(
        dir / "pupils.json",
        R"({"kind": "pupils", "rows": [{"pupil_ref": "P00001", "school_urn": "900001", "initials": "AB"}]})");
    write_file(dir / "events-2025.csv",
               "pupil_ref,event,date\nP00001,qfla,10/01/2025\nP00001,visit,2025-02-01\n");
}

}  // namespace

TEST_CASE("import applies a drop given in any order and prints a line per file", "[import][cli]") {
    TempDir dir;
    write_drop(dir);
    auto result = run_command(import_command(dir, "'" + (dir / "events-2025.csv").string() + "' '" +
                                                      (dir / "pupils.json").string() + "' '" +
                                                      (dir / "schools.csv").string() + "'"));
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK_THAT(result.output,
               Catch::Contains("schools.csv: schools, 1 inserted, 0 updated, 0 unchanged"));
    CHECK_THAT(result.output,
               Catch::Contains("pupils.json: pupils, 1 inserted, 0 updated, 0 unchanged"));
    CHECK_THAT(result.output,
               Catch::Contains("events-2025.csv: events, 2 inserted, 0 updated, 0 unchanged"));
    CHECK(result.output.find("schools.csv:") < result.output.find("pupils.json:"));
    CHECK(result.output.find("pupils.json:") < result.output.find("events-2025.csv:"));

    // A folder stands for its files; everything is already imported now.
    auto again = run_command(import_command(dir, "'" + dir.path().string() + "'"));
    INFO(again.output);
    CHECK(again.status == 0);
    CHECK_THAT(again.output,
               Catch::Contains("events-2025.csv: events, unchanged (already imported)"));
    CHECK_THAT(again.output, Catch::Contains("store.db: ignored"));
}

TEST_CASE("a refused file makes import exit non-zero and lists every problem", "[import][cli]") {
    TempDir dir;
    write_drop(dir);
    write_file(dir / "events-bad.csv",
               "pupil_ref,event,date\n"
               "P00001,qfla,31/02/2025\n"
               "P99999,teatime,2025-01-01\n");
    auto events = (dir / "events-bad.csv").string();
    auto result =
        run_command(import_command(dir, "'" + (dir / "schools.csv").string() + "' '" +
                                            (dir / "pupils.json").string() + "' '" + events + "'"));
    INFO(result.output);
    CHECK(result.status == 1);
    CHECK_THAT(result.output, Catch::Contains(events + ": refused (3 problems)"));
    CHECK_THAT(result.output,
               Catch::Contains(events + ":2: field 'date': '31/02/2025' is not a date"));
    CHECK_THAT(result.output,
               Catch::Contains(events + ":3: field 'pupil_ref': unknown pupil 'P99999'"));
    CHECK_THAT(result.output,
               Catch::Contains(events + ":3: field 'event': 'teatime' is not a pathway event"));
    CHECK_THAT(result.output, Catch::Contains("pupils.json: pupils, 1 inserted"));
}

TEST_CASE("import needs --db and at least one path", "[import][cli]") {
    TempDir dir;
    CHECK(run_command(std::string(LIFTBOARD_BINARY) + " import '" + (dir / "x.csv").string() + "'")
              .status != 0);
    CHECK(run_command(std::string(LIFTBOARD_BINARY) + " import --db '" + (dir / "s.db").string() +
                      "'")
              .status != 0);
}

// The importer against a real store: every kind from CSV and from JSON, idempotence,
// updates, dependency order of a drop, and refused files that change nothing.
#include <catch2/catch.hpp>

#include "support/import_fixture.hpp"

using db::ImportOutcome;
using test_support::ImportFixture;

namespace {

const std::string kEvents =
    "pupil_ref,event,date,detail,staff_id\n"
    "P00001,concern_raised,2024-10-01,,\n"
    "P00001,agency_referral,2024-11-02,salt,ST01\n"
    "P00002,recommendation,2025-03-13,early_help,EP01\n";
const std::string kBookings =
    "pupil_ref,kind,meeting_date,district,group,paperwork_received\n"
    "P00001,lift,2025-03-13,Maidstone,A,2025-03-01\n"
    "P00001,surgery,2025-02-05,,,\n";
const std::string kGroups = "urn,academic_year,term,group\n900002,2024/25,summer,C\n";

// The fixture's seed, then the three kinds it leaves out.
void import_all_csv(ImportFixture& f) {
    f.seed();
    ImportFixture::must(f.import("lift_groups.csv", kGroups));
    ImportFixture::must(f.import("events.csv", kEvents));
    ImportFixture::must(f.import("bookings.csv", kBookings));
}

// The store without its import log, which names files and times.
std::string contents(ImportFixture& f) {
    std::string out;
    for (const char* table : {"school", "term", "lift_group", "staff", "lift_meeting", "surgery",
                              "pupil", "event", "booking", "district"})
        out += f.dump_table(table);
    return out;
}

}  // namespace

TEST_CASE("every kind imports from CSV", "[import][store]") {
    ImportFixture f;
    import_all_csv(f);
    core::Dataset d = f.store().load_dataset();
    CHECK(d.schools.size() == 3);
    CHECK(d.staff.size() == 2);
    CHECK(d.terms.size() == 3);
    CHECK(d.meetings.size() == 3);
    CHECK(d.surgeries.size() == 1);
    CHECK(d.pupils.size() == 3);
    CHECK(d.lift_groups.size() == 1);
    CHECK(d.events.size() == 3);
    CHECK(d.bookings.size() == 2);
    REQUIRE(d.pupil("P00002"));
    CHECK(d.pupil("P00002")->year_group == 0);
    CHECK(d.pupil("P00002")->need_area == core::NeedArea::semh);
    CHECK(d.pupil("P00003")->year_group == -1);
    CHECK(f.count("import_log") == 9);
}

TEST_CASE("every kind imports from JSON, in either shape, to the same store", "[import][store]") {
    ImportFixture from_csv;
    import_all_csv(from_csv);

    ImportFixture f;
    std::vector<std::filesystem::path> drop = {
        f.write("bookings.json",
                R"({"kind": "bookings", "rows": [
                  {"pupil_ref": "P00001", "kind": "lift", "meeting_date": "2025-03-13",
                   "district": "Maidstone", "group": "A", "paperwork_received": "01/03/2025"},
                  {"pupil_ref": "P00001", "kind": "surgery", "meeting_date": "2025-02-05"}]})"),
        f.write("events.json", R"([
                  {"pupil_ref": "P00001", "event": "concern_raised", "date": "2024-10-01"},
                  {"pupil_ref": "P00001", "event": "agency_referral", "date": "2024-11-02",
                   "detail": "SALT", "staff_id": "ST01"},
                  {"pupil_ref": "P00002", "event": "recommendation", "date": "2025-03-13",
                   "detail": "early_help", "staff_id": "EP01"}])"),
        f.write("pupils.json", R"([
                  {"pupil_ref": "P00001", "school_urn": 900001, "initials": "AB",
                   "first_name": "Alpha", "last_name": "Beta", "year_group": 3, "need_area": "cl"},
                  {"pupil_ref": "P00002", "school_urn": "900002", "initials": "CD",
                   "year_group": "R", "need_area": "SEMH"},
                  {"pupil_ref": "P00003", "school_urn": "900003", "initials": "EF",
                   "year_group": null}])"),
        f.write("surgeries.json", R"([{"district": "Maidstone", "surgery_date": "2025-02-05",
                   "venue": "Room 4", "staff_id": "ST01"}])"),
        f.write("lift_schedule.json", R"({"rows": [
                  {"district": "Maidstone", "group": "A", "meeting_date": "2025-03-13", "venue": "Hall 1"},
                  {"district": "Maidstone", "group": "B", "meeting_date": "2025-03-13",
                   "paperwork_deadline": "2025-03-03", "venue": "Hall 2"},
                  {"district": "Swale", "group": "B", "meeting_date": "2025-03-20"}]})"),
        f.write("lift_groups.json", R"([{"urn": "900002", "academic_year": "2024/25",
                   "term": "summer", "group": "C"}])"),
        f.write("terms.json", R"([
                  {"academic_year": "2024/25", "term": "autumn", "start_date": "2024-09-02", "end_date": "2024-12-20"},
                  {"academic_year": "2024/25", "term": "spring", "start_date": "2025-01-06", "end_date": "2025-04-04"},
                  {"academic_year": "2024/25", "term": "summer", "start_date": "2025-04-22", "end_date": "2025-07-22"}])"),
        f.write("staff.json", R"([
                  {"staff_id": "ST01", "name": "Specialist One", "role": "specialist_teacher", "district": "Maidstone"},
                  {"staff_id": "EP01", "name": "Psychologist One", "role": "ep", "district": "Swale"}])"),
        f.write("schools.json", R"([
                  {"urn": "900001", "name": "Oakfield Primary", "district": "Maidstone", "lift_group": "A", "phase": "primary"},
                  {"urn": "900002", "name": "Riverside Academy", "district": "Swale", "lift_group": "B", "phase": "secondary"},
                  {"urn": "900003", "name": "Hilltop Infants", "district": "Maidstone", "lift_group": "B", "phase": "primary"}])"),
    };
    auto reports = db::import_files(f.store(), drop);
    for (const auto& report : reports) {
        INFO(report.summary() << "\n" << report.error_text());
        CHECK(report.outcome == ImportOutcome::imported);
    }
    CHECK(contents(f) == contents(from_csv));
}

TEST_CASE("a drop in reverse dependency order is applied schools first", "[import][store]") {
    ImportFixture f;
    std::vector<std::filesystem::path> drop = {
        f.write("bookings-week11.csv", kBookings),
        f.write("events-spring.csv", kEvents),
        f.write("notes.txt", "not an inbox file"),
        f.write("pupils.csv",
                "pupil_ref,school_urn,initials\nP00001,900001,AB\nP00002,900002,CD\n"),
        f.write("surgeries.csv", "district,surgery_date,staff_id\nMaidstone,2025-02-05,ST01\n"),
        f.write("lift_schedule.csv", "district,group,meeting_date\nMaidstone,A,2025-03-13\n"),
        f.write("staff.csv",
                "staff_id,name,role\nST01,Specialist One,lead\nEP01,Psychologist One,ep\n"),
        f.write("schools.csv",
                "urn,name,district\n900001,Oakfield Primary,Maidstone\n"
                "900002,Riverside Academy,Swale\n"),
    };
    auto reports = db::import_files(f.store(), drop);
    REQUIRE(reports.size() == 8);
    CHECK(reports.front().file.filename() == "schools.csv");
    CHECK(reports.back().file.filename() == "notes.txt");
    CHECK(reports.back().outcome == ImportOutcome::ignored);
    for (size_t i = 0; i + 1 < reports.size(); ++i) {
        INFO(reports[i].summary() << "\n" << reports[i].error_text());
        CHECK(reports[i].outcome == ImportOutcome::imported);
    }
    CHECK(f.count("event") == 3);
    CHECK(f.count("booking") == 2);
}

TEST_CASE("a file depending on a refused file of its drop is refused too", "[import][store]") {
    ImportFixture f;
    auto reports = db::import_files(
        f.store(),
        {f.write("pupils.csv", "pupil_ref,school_urn,initials\nP00001,900001,AB\n"),
         f.write("schools.csv", "urn,name,district\n900001,Oakfield Primary,Nowhere\n")});
    CHECK(reports[0].outcome == ImportOutcome::refused);
    CHECK(reports[1].outcome == ImportOutcome::refused);
    CHECK_THAT(reports[1].error_text(),
               Catch::Contains(":2: field 'school_urn': unknown school '900001'"));
}

TEST_CASE("re-importing the same file changes nothing", "[import][store]") {
    ImportFixture f;
    f.seed();
    auto file = f.write("events.csv", kEvents);
    REQUIRE(db::import_file(f.store(), file).outcome == ImportOutcome::imported);
    std::string before = f.dump();
    // Even under another name: the bytes are what was imported.
    auto again = db::import_file(f.store(), f.write("events-copy.csv", kEvents));
    CHECK(again.outcome == ImportOutcome::unchanged_duplicate);
    CHECK(again.summary() == again.file.string() + ": events, unchanged (already imported)");
    CHECK(f.dump() == before);
}

TEST_CASE("a row with an existing key is updated, identical rows are unchanged",
          "[import][store]") {
    ImportFixture f;
    f.seed();
    auto report = f.import("schools-renamed.csv",
                           "URN,Name,District,Lift Group,Phase\r\n"
                           "900001,Oakfield Primary School,Maidstone,A,primary\r\n"
                           "900002,Riverside Academy,Swale,B,secondary\r\n"
                           "900004,Meadow Junior,Dover,,\r\n");
    REQUIRE(report.outcome == ImportOutcome::imported);
    CHECK(report.inserted == 1);
    CHECK(report.updated == 1);
    CHECK(report.unchanged == 1);
    CHECK(report.summary() ==
          report.file.string() + ": schools, 1 inserted, 1 updated, 1 unchanged");
    CHECK(f.store().load_dataset().school("900001")->name == "Oakfield Primary School");
}

TEST_CASE("a refused file leaves every table as it was", "[import][store]") {
    ImportFixture f;
    f.seed();
    std::string before = f.dump();
    // Valid rows first: none of them may be applied.
    auto report = f.import("events.csv",
                           "pupil_ref,event,date,detail,staff_id\n"
                           "P00001,qfla,2025-01-10,,\n"
                           "P00002,qfla,2025-01-11,,\n"
                           "P00003,qfla,31/02/2025,,\n");
    CHECK(report.outcome == ImportOutcome::refused);
    CHECK(report.summary() == report.file.string() + ": refused (1 problem)");
    CHECK(report.error_text() == report.file.string() +
                                     ":4: field 'date': '31/02/2025' is not a date "
                                     "(YYYY-MM-DD or DD/MM/YYYY)\n");
    CHECK(f.dump() == before);

    auto malformed = f.import("pupils.csv", "pupil_ref,school_urn,initials\nP9,900001,\"GH\n");
    CHECK(malformed.outcome == ImportOutcome::refused);
    CHECK(f.dump() == before);
}

TEST_CASE("a refused JSON file names the line of each bad row object", "[import][store]") {
    ImportFixture f;
    f.seed();
    std::string before = f.dump();
    auto report =
        f.import("events-referrals.json",
                 "{\"kind\": \"events\", \"rows\": [\n"
                 "  {\"pupil_ref\": \"P00001\", \"event\": \"qfla\",\n"
                 "   \"date\": \"2025-01-10\"},\n"
                 "  {\"pupil_ref\": \"P00002\", \"event\": \"recommendation\",\n"
                 "   \"date\": \"2025-01-11\", \"detail\": \"cake\"},\n"
                 "  {\"pupil_ref\": \"P00004\", \"event\": \"qfla\", \"date\": \"30/02/2025\"}\n"
                 "]}\n");
    REQUIRE(report.outcome == ImportOutcome::refused);
    std::string file = report.file.string();
    CHECK_THAT(report.error_text(),
               Catch::Contains(file + ":4: field 'detail': 'cake' is not a detail"));
    CHECK_THAT(report.error_text(),
               Catch::Contains(file + ":6: field 'pupil_ref': unknown pupil 'P00004'"));
    CHECK_THAT(report.error_text(),
               Catch::Contains(file + ":6: field 'date': '30/02/2025' is not a date"));
    CHECK(report.problems.size() == 3);
    CHECK(f.dump() == before);
}

TEST_CASE("a database error mid-file rolls the whole file back", "[import][store]") {
    ImportFixture f;
    f.seed();
    // A test-only trigger makes the third row fail inside SQLite, after two were written.
    f.store().database().exec(
        "CREATE TRIGGER refuse_third BEFORE INSERT ON event WHEN NEW.pupil_ref = 'P00003' "
        "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
    std::string before = f.dump();
    auto report = f.import("events.csv",
                           "pupil_ref,event,date\n"
                           "P00001,qfla,2025-01-10\n"
                           "P00002,qfla,2025-01-11\n"
                           "P00003,qfla,2025-01-12\n");
    CHECK(report.outcome == ImportOutcome::failed);
    CHECK_THAT(report.error_text(), Catch::Contains("refused by test trigger"));
    CHECK(f.dump() == before);
}

TEST_CASE("files that are missing or not inbox files", "[import][store]") {
    ImportFixture f;
    auto ignored = db::import_file(f.store(), f.write("readme.md", "hello"));
    CHECK(ignored.outcome == ImportOutcome::ignored);
    CHECK_FALSE(ignored.kind);
    auto missing = db::import_file(f.store(), f.dir() / "schools.csv");
    CHECK(missing.outcome == ImportOutcome::refused);
    CHECK_THAT(missing.error_text(), Catch::Contains("no such file"));
}

TEST_CASE("event notes, owners and review dates arrive alike from CSV, JSON and a spreadsheet",
          "[import][store]") {
    const std::string csv =
        "pupil_ref,event,date,detail,staff_id,note,owner,review_date\n"
        "P00001,recommendation,2025-03-13,training,,\"INSET, then \xE2\x80\x9Czones\xE2\x80\x9D\","
        "school,2025-06-12\n"
        "P00001,ehcna_requested,2025-03-20,,,,,\n"
        "P00002,recommendation,2025-03-13,advice,EP01,,EP01,\n";
    ImportFixture plain;
    plain.seed();
    ImportFixture::must(plain.import("events.csv", csv));

    // Excel's "CSV UTF-8": a BOM, CRLF, headers as typed, UK dates, columns reordered.
    ImportFixture sheet;
    sheet.seed();
    ImportFixture::must(sheet.import(
        "events-export.csv",
        "\xEF\xBB\xBFReview Date,Owner,Note,Pupil Ref,Event,Date,Detail,Staff ID\r\n"
        "12/06/2025,school,\"INSET, then \xE2\x80\x9Czones\xE2\x80\x9D\",P00001,Recommendation,"
        "13/03/2025,Training,\r\n"
        ",,,P00001,EHCNA Requested,20/03/2025,,\r\n"
        ", EP01 ,,P00002,recommendation,13/03/2025,Advice,EP01\r\n"));

    ImportFixture json_rows, json_object;
    const std::string rows_json =
        R"([{"pupil_ref": "P00001", "event": "recommendation", "date": "2025-03-13",
             "detail": "training", "note": "INSET, then “zones”", "owner": "school",
             "review_date": "12/06/2025"},
            {"pupil_ref": "P00001", "event": "ehcna_requested", "date": "2025-03-20",
             "review_date": null},
            {"pupil_ref": "P00002", "event": "recommendation", "date": "2025-03-13",
             "detail": "advice", "staff_id": "EP01", "owner": "EP01"}])";
    json_rows.seed();
    ImportFixture::must(json_rows.import("events.json", rows_json));
    json_object.seed();
    ImportFixture::must(
        json_object.import("events-hub.json", R"({"kind": "events", "rows": )" + rows_json + "}"));

    const std::string expected = plain.dump_table("event");
    CHECK_THAT(expected, Catch::Contains("INSET, then “zones”|school|2025-06-12|"));
    CHECK(sheet.dump_table("event") == expected);
    CHECK(json_rows.dump_table("event") == expected);
    CHECK(json_object.dump_table("event") == expected);
}

TEST_CASE("re-importing a recommendation updates its note, owner and review date",
          "[import][store]") {
    ImportFixture f;
    f.seed();
    ImportFixture::must(
        f.import("events.csv",
                 "pupil_ref,event,date,detail,note,owner,review_date\n"
                 "P00001,recommendation,2025-03-13,training,first,school,2025-06-12\n"));
    auto report = f.import("events-later.csv",
                           "pupil_ref,event,date,detail,note,owner,review_date\n"
                           "P00001,recommendation,2025-03-13,training,second,EP,2025-07-01\n");
    REQUIRE(report.outcome == ImportOutcome::imported);
    CHECK(report.updated == 1);
    CHECK(f.count("event") == 1);
    core::Dataset data = f.store().load_dataset();
    auto events = data.events_of("P00001");
    REQUIRE(events.size() == 1);
    CHECK(events[0].note == "second");
    CHECK(events[0].owner == "EP");
    CHECK(events[0].review_date == core::Date::from_ymd(2025, 7, 1));
}

TEST_CASE("a review date before its event refuses the file with its line", "[import][store]") {
    ImportFixture f;
    f.seed();
    std::string before = f.dump();
    auto report = f.import("events.csv",
                           "pupil_ref,event,date,detail,review_date\r\n"
                           "P00001,recommendation,13/03/2025,advice,12/06/2025\r\n"
                           "P00002,recommendation,13/03/2025,advice,01/03/2025\r\n");
    CHECK(report.outcome == ImportOutcome::refused);
    CHECK(report.error_text() == report.file.string() +
                                     ":3: field 'review_date': '01/03/2025' is before the "
                                     "event's date (13 Mar 2025)\n");
    CHECK(f.dump() == before);
}

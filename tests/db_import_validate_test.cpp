// Validation of every kind: the forgiving spellings people use, and every strict case
// located by file, line and field. Works on decoded text, no database.
#include <catch2/catch.hpp>

#include "db/import/checked_file.hpp"
#include "db/import/file_bytes.hpp"
#include "db/import/problem.hpp"
#include "db/import/row_checker.hpp"

using db::InboxKind;
using db::inbox::CheckedFile;
using db::inbox::References;

namespace {

References directory() {
    References refs;
    refs.schools["900001"] = {"Maidstone", "A"};
    refs.pupil_schools["P00001"] = "900001";
    refs.staff.insert("ST01");
    return refs;
}

CheckedFile check(InboxKind kind, std::string_view csv, const References& refs = directory()) {
    return db::inbox::check_bytes(csv, db::inbox::sha256_hex(csv), kind, db::InboxFormat::csv,
                                  "in.csv", refs);
}

template <typename Row>
const std::vector<Row>& rows(const CheckedFile& f) {
    return std::get<std::vector<Row>>(f.records);
}

std::string errors(const CheckedFile& f) {
    return db::format_all(f.problems);
}

}  // namespace

TEST_CASE("dates as YYYY-MM-DD or DD/MM/YYYY", "[import][validate]") {
    auto f = check(InboxKind::terms,
                   "academic_year,term,start_date,end_date\n"
                   "2024/25,Autumn,02/09/2024,2024-12-20\n");
    REQUIRE(f.ok());
    CHECK(rows<core::Term>(f)[0].start == core::Date::from_ymd(2024, 9, 2));
    CHECK(rows<core::Term>(f)[0].term == core::TermName::autumn);
}

TEST_CASE("enumerations in any case and with spaces", "[import][validate]") {
    auto f = check(InboxKind::staff,
                   "staff_id,name,role,district\n"
                   "ST02,Outreach One,Specialist Teacher,tunbridge wells\n");
    REQUIRE(f.ok());
    CHECK(rows<core::Staff>(f)[0].role == core::Role::specialist_teacher);
    CHECK(rows<core::Staff>(f)[0].district == "Tunbridge Wells");
}

TEST_CASE("academic years and year groups as people write them", "[import][validate]") {
    CHECK(db::inbox::normalise_academic_year("2024/25") == "2024/25");
    CHECK(db::inbox::normalise_academic_year("2024-2025") == "2024/25");
    CHECK(db::inbox::normalise_academic_year("2099/2100") == "2099/00");
    CHECK_FALSE(db::inbox::normalise_academic_year("2024/26"));
    CHECK_FALSE(db::inbox::normalise_academic_year("24/25"));
    CHECK(db::inbox::parse_year_group("R") == 0);
    CHECK(db::inbox::parse_year_group("Reception") == 0);
    CHECK(db::inbox::parse_year_group("Year 6") == 6);
    CHECK(db::inbox::parse_year_group("Y11") == 11);
    CHECK(db::inbox::parse_year_group("3") == 3);
    CHECK_FALSE(db::inbox::parse_year_group("15"));
    CHECK_FALSE(db::inbox::parse_year_group("three"));
}

TEST_CASE("event details: enumerated ones canonical, free text kept as typed",
          "[import][validate]") {
    auto f = check(InboxKind::events,
                   "pupil_ref,event,date,detail,staff_id\n"
                   "P00001,recommendation,2025-03-13,School Support,ST01\n"
                   "P00001,caselist_opened,2025-03-20,\"Reads at age level, \xE2\x80\x9C"
                   "confidently\xE2\x80\x9D\",\n"
                   "P00001,qfla,2025-01-10,,\n");
    REQUIRE(f.ok());
    // Records come in key order: (pupil_ref, event, date, detail).
    const auto& events = rows<core::Event>(f);
    REQUIRE(events.size() == 3);
    CHECK(events[0].kind == core::EventKind::caselist_opened);
    CHECK(events[0].detail ==
          "Reads at age level, \xE2\x80\x9C"
          "confidently\xE2\x80\x9D");
    CHECK(events[1].detail.empty());
    CHECK(events[2].detail == "school_support");
}

TEST_CASE("a detail on an event that takes none is refused, codes only from their list",
          "[import][validate]") {
    auto f = check(InboxKind::events,
                   "pupil_ref,event,date,detail\n"
                   "P00001,visit,2025-03-13,Met with the class teacher\n"
                   "P00001,hnf_decision,2025-03-14,maybe\n"
                   "P00001,case_closed,2025-03-15,Outcome Met\n"
                   "P00001,visit,2025-03-20,\n");
    CHECK(errors(f) ==
          "in.csv:2: field 'detail': 'Met with the class teacher' given, but 'visit' takes no "
          "detail (free text goes in the note column)\n"
          "in.csv:3: field 'detail': 'maybe' is not a detail of 'hnf_decision' (approved, "
          "declined)\n");
}

TEST_CASE("a 20 MB detail is refused with its length, not stored", "[import][validate]") {
    std::string huge(20 << 20, 'x');
    auto f =
        check(InboxKind::events, "pupil_ref,event,date,detail\nP00001,caselist_opened,2025-03-13," +
                                     huge + "\nP00001,visit,2025-03-14," + huge + "\n");
    CHECK(errors(f) ==
          "in.csv:2: field 'detail': is 20971520 characters long; the limit is 4000\n"
          "in.csv:3: field 'detail': is 20971520 characters long; the limit is 4000\n");
}

TEST_CASE("the problems of a file wrong on every row are counted past the first 1000",
          "[import][validate]") {
    std::string csv = "pupil_ref,event,date\n";
    for (int i = 0; i < 3000; ++i) csv += "P00001,visit,2025-02-30\n";
    auto f = check(InboxKind::events, csv);
    CHECK(f.problems.size() == 1000);
    CHECK(f.problems.total() == 3000);
    CHECK_THAT(errors(f), Catch::EndsWith("in.csv:1001: field 'date': '2025-02-30' is not a date "
                                          "(YYYY-MM-DD or DD/MM/YYYY)\n... and 2000 more "
                                          "problems\n"));
}

TEST_CASE("a missing required column is reported once, at the header", "[import][validate]") {
    auto f = check(InboxKind::events, "pupil_ref,Event,detail\nP00001,qfla,\nP00001,visit,\n");
    REQUIRE(f.problems.size() == 1);
    CHECK(errors(f) == "in.csv:1: field 'date': required column is missing\n");
}

TEST_CASE("bad and impossible dates", "[import][validate]") {
    auto f = check(InboxKind::events,
                   "pupil_ref,event,date\n"
                   "P00001,qfla,31/02/2025\n"
                   "P00001,visit,2025-13-01\n"
                   "P00001,visit,next week\n"
                   "P00001,visit,\n");
    CHECK(errors(f) ==
          "in.csv:2: field 'date': '31/02/2025' is not a date (YYYY-MM-DD or DD/MM/YYYY)\n"
          "in.csv:3: field 'date': '2025-13-01' is not a date (YYYY-MM-DD or DD/MM/YYYY)\n"
          "in.csv:4: field 'date': 'next week' is not a date (YYYY-MM-DD or DD/MM/YYYY)\n"
          "in.csv:5: field 'date': required value is empty\n");
}

TEST_CASE("unknown enumeration values", "[import][validate]") {
    auto terms = check(InboxKind::terms,
                       "academic_year,term,start_date,end_date\n"
                       "2024/25,winter,2024-09-02,2024-12-20\n");
    CHECK_THAT(errors(terms), Catch::Contains("in.csv:2: field 'term': 'winter' is not a term"));
    auto staff = check(InboxKind::staff, "staff_id,name,role\nS9,Helper Nine,volunteer\n");
    CHECK_THAT(errors(staff), Catch::Contains("in.csv:2: field 'role': 'volunteer' is not a role"));
    auto events = check(InboxKind::events,
                        "pupil_ref,event,date,detail\n"
                        "P00001,coffee,2025-01-01,\n"
                        "P00001,recommendation,2025-01-01,cake\n");
    CHECK_THAT(errors(events),
               Catch::Contains("in.csv:2: field 'event': 'coffee' is not a pathway event"));
    CHECK_THAT(errors(events),
               Catch::Contains("in.csv:3: field 'detail': 'cake' is not a detail of "
                               "'recommendation' (advice, training"));
    auto pupils = check(InboxKind::pupils,
                        "pupil_ref,school_urn,initials,need_area\n"
                        "P9,900001,GH,dyslexia\n");
    CHECK_THAT(errors(pupils),
               Catch::Contains("in.csv:2: field 'need_area': 'dyslexia' is not a need area"));
    auto schools = check(InboxKind::schools, "urn,name,district\n1,Somewhere School,Atlantis\n");
    CHECK_THAT(errors(schools),
               Catch::Contains("in.csv:2: field 'district': 'Atlantis' is not a Kent district"));
}

TEST_CASE("unknown references", "[import][validate]") {
    auto pupils = check(InboxKind::pupils, "pupil_ref,school_urn,initials\nP9,999999,GH\n");
    CHECK_THAT(errors(pupils),
               Catch::Contains("in.csv:2: field 'school_urn': unknown school '999999'"));
    auto events = check(InboxKind::events,
                        "pupil_ref,event,date,staff_id\n"
                        "P00001,visit,2025-01-01,ST01\n"
                        "P77777,visit,2025-01-01,\n"
                        "P00001,visit,2025-01-02,XX99\n");
    CHECK(events.problems.size() == 2);
    CHECK_THAT(errors(events),
               Catch::Contains("in.csv:3: field 'pupil_ref': unknown pupil 'P77777'"));
    CHECK_THAT(errors(events),
               Catch::Contains("in.csv:4: field 'staff_id': unknown staff member 'XX99'"));
    // A row whose other cells are wrong too still has its pupil checked.
    auto broken = check(InboxKind::events,
                        "pupil_ref,event,date\n"
                        "P77777,teatime,2025-01-01\n"
                        "P77777,visit,someday\n"
                        "P77777,visit,2025-01-02\n");
    CHECK(
        errors(broken) ==
        "in.csv:2: field 'pupil_ref': unknown pupil 'P77777' (not in the store nor in a pupils "
        "file of this drop)\n"
        "in.csv:2: field 'event': 'teatime' is not a pathway event (" +
            db::inbox::names_of<core::EventKind>(core::kEventKindCount) +
            ")\n"
            "in.csv:3: field 'pupil_ref': unknown pupil 'P77777' (not in the store nor in a pupils "
            "file of this drop)\n"
            "in.csv:3: field 'date': 'someday' is not a date (YYYY-MM-DD or DD/MM/YYYY)\n"
            "in.csv:4: field 'pupil_ref': unknown pupil 'P77777' (not in the store nor in a pupils "
            "file of this drop)\n");
    auto surgeries =
        check(InboxKind::surgeries, "district,surgery_date,staff_id\nSwale,2025-02-05,NOPE\n");
    CHECK_THAT(errors(surgeries),
               Catch::Contains("in.csv:2: field 'staff_id': unknown staff member"));
    auto groups =
        check(InboxKind::lift_groups, "urn,academic_year,term,group\n123,2024/25,spring,A\n");
    CHECK_THAT(errors(groups), Catch::Contains("in.csv:2: field 'urn': unknown school '123'"));
}

TEST_CASE("a duplicate key inside one file names both lines", "[import][validate]") {
    auto f = check(InboxKind::events,
                   "pupil_ref,event,date,detail\n"
                   "P00001,recommendation,2025-03-13,advice\n"
                   "P00001,recommendation,2025-03-13,training\n"
                   "P00001,Recommendation,13/03/2025,Advice\n");
    REQUIRE(f.problems.size() == 1);
    CHECK(errors(f) ==
          "in.csv:4: field 'pupil_ref+event+date+detail': duplicate key: the same "
          "pupil_ref+event+date+detail as line 2\n");
    auto schools =
        check(InboxKind::schools, "urn,name,district\n1,A School,Dover\n1,B School,Dover\n");
    CHECK_THAT(errors(schools), Catch::Contains("in.csv:3: field 'urn': duplicate key"));
}

TEST_CASE("every problem of a file is listed, not only the first", "[import][validate]") {
    auto f = check(InboxKind::pupils,
                   "pupil_ref,school_urn,initials,year_group\n"
                   "P1,900001,,3\n"
                   "P2,424242,IJ,20\n"
                   "P1,900001,KL,\n");
    CHECK(errors(f) ==
          "in.csv:2: field 'initials': required value is empty\n"
          "in.csv:3: field 'school_urn': unknown school '424242' (not in the store nor "
          "in a schools file of this drop)\n"
          "in.csv:3: field 'year_group': '20' is not a year group (R, Reception or 0 "
          "to 14)\n"
          "in.csv:4: field 'pupil_ref': duplicate key: the same pupil_ref as line 2\n");
}

TEST_CASE("a schedule's paperwork deadline defaults to a week before", "[import][validate]") {
    auto f = check(InboxKind::lift_schedule,
                   "district,group,meeting_date,paperwork_deadline\n"
                   "maidstone,A,2025-03-13,\n"
                   "Swale,B,2025-03-20,2025-03-21\n");
    REQUIRE(f.problems.size() == 1);
    CHECK(f.problems[0].line == 3);
    CHECK(f.problems[0].field == "paperwork_deadline");
    auto ok =
        check(InboxKind::lift_schedule, "district,group,meeting_date\nmaidstone,A,2025-03-13\n");
    REQUIRE(ok.ok());
    CHECK(rows<core::LiftMeeting>(ok)[0].paperwork_deadline == core::Date::from_ymd(2025, 3, 6));
    CHECK(rows<core::LiftMeeting>(ok)[0].district == "Maidstone");
}

TEST_CASE("a term that ends before it starts", "[import][validate]") {
    auto f = check(InboxKind::terms,
                   "academic_year,term,start_date,end_date\n"
                   "2024/25,spring,2025-04-04,2025-01-06\n");
    CHECK_THAT(errors(f), Catch::Contains("in.csv:2: field 'end_date': ends before it starts"));
}

TEST_CASE("events: note, owner and review date are optional columns", "[import][validate]") {
    auto with = check(InboxKind::events,
                      "Pupil Ref,Event,Date,Detail,Note,Owner,Review Date\n"
                      "P00001,recommendation,13/03/2025,Training,\"Staff INSET, then \xE2\x80\x9C"
                      "zones\xE2\x80\x9D\",school,12/06/2025\n"
                      "P00001,ehcna_decision,2025-04-10,Not Assess,,,\n");
    REQUIRE(with.ok());
    const auto& events = rows<core::Event>(with);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == core::EventKind::ehcna_decision);
    CHECK(events[0].detail == "not_assess");
    CHECK(events[0].note.empty());
    CHECK_FALSE(events[0].review_date);
    CHECK(events[1].note ==
          "Staff INSET, then \xE2\x80\x9C"
          "zones\xE2\x80\x9D");
    CHECK(events[1].owner == "school");
    CHECK(events[1].review_date == core::Date::from_ymd(2025, 6, 12));

    // The review may fall on the event's own day; files without the columns stay valid.
    CHECK(check(InboxKind::events,
                "pupil_ref,event,date,review_date\nP00001,recommendation,2025-03-13,2025-03-13\n")
              .ok());
    CHECK(check(InboxKind::events, "pupil_ref,event,date\nP00001,ehcp_issued,2025-07-01\n").ok());
}

TEST_CASE("events: a bad or earlier review date is refused with its line", "[import][validate]") {
    auto f = check(InboxKind::events,
                   "pupil_ref,event,date,detail,review_date\n"
                   "P00001,recommendation,2025-03-13,advice,2025-06-12\n"
                   "P00001,recommendation,2025-03-13,training,12/03/2025\n"
                   "P00001,recommendation,2025-03-13,health,30/02/2025\n"
                   "P00001,ehcna_decision,2025-03-13,maybe,\n");
    CHECK(errors(f) ==
          "in.csv:3: field 'review_date': '12/03/2025' is before the event's date (13 Mar 2025)\n"
          "in.csv:4: field 'review_date': '30/02/2025' is not a date (YYYY-MM-DD or DD/MM/YYYY)\n"
          "in.csv:5: field 'detail': 'maybe' is not a detail of 'ehcna_decision' (assess, "
          "not_assess)\n");
}

// RowChecker: header checks that stay linear in the header's width (issue 19), and the
// length limit every cell is held to, reported once with file, line, field and limit.
#include <catch2/catch.hpp>

#include "db/import/csv_reader.hpp"
#include "db/import/row_checker.hpp"

using db::InboxKind;
using db::ProblemList;
using db::inbox::RowChecker;
using db::inbox::TextTable;

namespace {

struct Checked {
    TextTable table;
    ProblemList problems;
};

// The header's problems, and each row's after begin_row().
Checked check(InboxKind kind, const std::string& csv) {
    Checked c;
    REQUIRE(db::inbox::read_csv(csv, "f.csv", c.table, c.problems));
    // RowChecker keeps a reference to the file name: it must outlive the checker.
    const std::string file = "f.csv";
    RowChecker rows(kind, c.table, file, c.problems);
    for (size_t r = 0; r < rows.row_count(); ++r) rows.begin_row(r);
    return c;
}

std::string repeated(const std::string& unit, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += unit;
    return out;
}

}  // namespace

TEST_CASE("a column named many times is one problem, whatever the count", "[import][rows]") {
    // Was one problem per pair of columns: 1,225 here, and 2 million for 2,000 columns.
    Checked c = check(InboxKind::events, "pupil_ref,event,date" + repeated(",Detail", 50) + "\n");
    REQUIRE(c.problems.size() == 1);
    CHECK(db::format(c.problems[0]) ==
          "f.csv:1: field 'detail': column appears more than once in the header");
}

TEST_CASE("each repeated name is reported once, in header order", "[import][rows]") {
    Checked c = check(InboxKind::schools, "urn,name,district,name,urn,urn,extra,extra," +
                                              repeated("x,", 20000) + "x\n");
    REQUIRE(c.problems.size() == 4);
    CHECK(c.problems[0].field == "name");
    CHECK(c.problems[1].field == "urn");
    CHECK(c.problems[2].field == "extra");
    CHECK(c.problems[3].field == "x");
}

TEST_CASE("a huge repeated header name is shortened in its problem", "[import][rows]") {
    std::string name(10000, 'n');
    Checked c = check(InboxKind::schools, "urn,name,district," + name + "," + name + "\n");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].field.size() < 100);
    CHECK_THAT(c.problems[0].field, Catch::EndsWith("(10000 characters)"));
}

TEST_CASE("free text over 4,000 characters is refused with its limit", "[import][rows]") {
    std::string long_name(4001, 'a');
    Checked c = check(InboxKind::schools, "urn,name,district\n900001," + long_name +
                                              ",Dover\n900002," + long_name.substr(1) + ",Dover\n");
    REQUIRE(c.problems.size() == 1);
    CHECK(db::format(c.problems[0]) ==
          "f.csv:2: field 'name': is 4001 characters long; the limit is 4000");
}

TEST_CASE("limits count characters, not bytes", "[import][rows]") {
    std::string accents = repeated("\xC3\xA9", 4000);  // 4,000 characters, 8,000 bytes
    Checked c = check(InboxKind::pupils,
                      "pupil_ref,school_urn,initials,first_name\nP1,900001,AB," + accents + "\n");
    CHECK(c.problems.empty());
}

TEST_CASE("codes and references have a shorter limit", "[import][rows]") {
    Checked c = check(InboxKind::events, "pupil_ref,event,date,staff_id\n" + std::string(101, 'P') +
                                             ",visit,2025-01-06," + std::string(100, 'S') + "\n");
    REQUIRE(c.problems.size() == 1);
    CHECK(db::format(c.problems[0]) ==
          "f.csv:2: field 'pupil_ref': is 101 characters long; the limit is 100");
}

TEST_CASE("a cell over its limit is reported once, not also for its content", "[import][rows]") {
    Checked c;
    REQUIRE(
        db::inbox::read_csv("pupil_ref,event,date\nP1," + std::string(5000, 'v') + ",2025-01-06\n",
                            "f.csv", c.table, c.problems));
    const std::string file = "f.csv";  // RowChecker keeps a reference to it
    RowChecker rows(InboxKind::events, c.table, file, c.problems);
    rows.begin_row(0);
    rows.problem(1, "is not a pathway event");
    rows.problem(2, "another cell's problem is kept");
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].reason == "is 5000 characters long; the limit is 100");
    CHECK(c.problems[1].field == "date");
}

// CSV reading: the forgiving cases people produce (BOM, CRLF, quoting, header case)
// and the malformed ones that refuse a file, with the lines problems name.
#include <catch2/catch.hpp>

#include "db/import/csv_reader.hpp"
#include "db/import/file_bytes.hpp"

using db::inbox::TextTable;

namespace {

struct Read {
    TextTable table;
    db::ProblemList problems;
    bool readable = false;
};

Read read(std::string_view text) {
    Read r;
    r.readable = db::inbox::read_csv(db::inbox::strip_bom(text), "f.csv", r.table, r.problems);
    return r;
}

}  // namespace

TEST_CASE("CSV with LF, CRLF or CR line ends reads the same", "[import][csv]") {
    for (std::string eol : {"\n", "\r\n", "\r"}) {
        Read r = read("a,b" + eol + "1,2" + eol + "3,4" + eol);
        INFO("eol size " << eol.size());
        REQUIRE(r.problems.empty());
        REQUIRE(r.table.row_count() == 2);
        CHECK(r.table.cell(1, 0) == "3");
        CHECK(r.table.cell(1, 1) == "4");
        CHECK(r.table.line(0) == 2);
        CHECK(r.table.line(1) == 3);
    }
}

TEST_CASE("a UTF-8 BOM is dropped and the last line needs no line end", "[import][csv]") {
    Read r = read("\xEF\xBB\xBFurn,name\n1,Caf\xC3\xA9");
    REQUIRE(r.problems.empty());
    CHECK(r.table.header == std::vector<std::string>{"urn", "name"});
    CHECK(r.table.cell(0, 1) == "Caf\xC3\xA9");
}

TEST_CASE("header names in any case, with spaces, become contract names", "[import][csv]") {
    Read r = read("  Pupil Ref , SCHOOL_URN,\"Initials \"\nP1,9,AB\n");
    CHECK(r.table.header == std::vector<std::string>{"pupil_ref", "school_urn", "initials"});
}

TEST_CASE("quoted fields hold commas, doubled quotes and newlines", "[import][csv]") {
    Read r = read(
        "a,b,c\n"
        "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        "next,row,here\n");
    REQUIRE(r.problems.empty());
    REQUIRE(r.table.row_count() == 2);
    CHECK(r.table.cell(0, 0) == "x, y");
    CHECK(r.table.cell(0, 1) == "say \"hi\"");
    CHECK(r.table.cell(0, 2) == "two\nlines");
    // The row after a two-line value starts on physical line 4.
    CHECK(r.table.line(0) == 2);
    CHECK(r.table.line(1) == 4);
}

TEST_CASE("cells are trimmed, blank and all-empty rows are skipped", "[import][csv]") {
    Read r = read("a,b\n\n  1 ,  \" 2 \"  \n,,\n   \n3,4\n");
    REQUIRE(r.problems.empty());
    REQUIRE(r.table.row_count() == 2);
    CHECK(r.table.cell(0, 0) == "1");
    CHECK(r.table.cell(0, 1) == "2");
    CHECK(r.table.line(1) == 6);
}

TEST_CASE("stray trailing commas are harmless, extra values and short rows are not",
          "[import][csv]") {
    Read r = read("a,b\n1,2,,\n1,2,3\n1\n");
    CHECK(r.readable);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].line == 3);
    CHECK_THAT(r.problems[0].reason, Catch::Contains("3 fields but the header has 2"));
    CHECK(r.problems[1].line == 4);
    CHECK_THAT(r.problems[1].reason, Catch::Contains("truncated"));
    CHECK(r.table.row_count() == 1);
}

TEST_CASE("an unterminated quote refuses the file at the line it opened", "[import][csv]") {
    Read r = read("a,b\n1,2\n3,\"never closed\n4,5\n");
    CHECK_FALSE(r.readable);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK_THAT(db::format(r.problems[0]), Catch::StartsWith("f.csv:3: malformed CSV"));
}

TEST_CASE("a quote inside an unquoted value is malformed", "[import][csv]") {
    Read r = read("a,b\n1,2\n3,4 \"inch\"\n");
    CHECK_FALSE(r.readable);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK_THAT(r.problems[0].reason, Catch::Contains("column 5"));
}

TEST_CASE("an empty file has no header", "[import][csv]") {
    Read r = read("");
    CHECK_FALSE(r.readable);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].reason, Catch::Contains("empty"));
}

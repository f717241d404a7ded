// JSON reading: both document shapes, lines per row, values as text, and the
// malformed documents that refuse a file.
#include <catch2/catch.hpp>

#include "db/import/json_reader.hpp"

using db::InboxKind;
using db::inbox::TextTable;

namespace {

struct Read {
    TextTable table;
    db::ProblemList problems;
    bool readable = false;
};

Read read(std::string_view text, InboxKind kind = InboxKind::pupils) {
    Read r;
    r.readable = db::inbox::read_json(text, kind, "f.json", r.table, r.problems);
    return r;
}

std::string_view cell(const Read& r, size_t row, const std::string& name) {
    for (size_t i = 0; i < r.table.header.size(); ++i)
        if (r.table.header[i] == name) return r.table.cell(row, i);
    return "<no column>";
}

}  // namespace

TEST_CASE("an array of row objects, keys in any case and order", "[import][json]") {
    Read r = read(
        "[\n"
        "  {\"pupil_ref\": \"P1\", \"year_group\": 3},\n"
        "  {\"Year Group\": 4.0, \" PUPIL_REF \": \" P2 \", \"need_area\": null}\n"
        "]\n");
    REQUIRE(r.problems.empty());
    REQUIRE(r.table.row_count() == 2);
    CHECK(cell(r, 0, "pupil_ref") == "P1");
    CHECK(cell(r, 0, "year_group") == "3");
    CHECK(cell(r, 1, "pupil_ref") == "P2");
    CHECK(cell(r, 1, "year_group") == "4");
    CHECK(cell(r, 1, "need_area") == "");
    CHECK(r.table.line(0) == 2);
    CHECK(r.table.line(1) == 3);
}

TEST_CASE("the {kind, rows} shape, with the kind checked against the file name", "[import][json]") {
    Read ok = read("{\"rows\": [{\"pupil_ref\": \"P1\"}],\n \"kind\": \"pupils\"}");
    CHECK(ok.problems.empty());
    CHECK(ok.table.row_count() == 1);

    Read wrong = read("{\"kind\": \"events\",\n \"rows\": []}");
    REQUIRE(wrong.problems.size() == 1);
    CHECK(db::format(wrong.problems[0]) ==
          "f.json:1: field 'kind': 'events' contradicts the file name, which says 'pupils'");
}

TEST_CASE("rows that are not flat objects are problems at their line", "[import][json]") {
    Read r = read(
        "[\n"
        "  {\"pupil_ref\": \"P1\", \"initials\": {\"a\": 1}},\n"
        "  \"P2\",\n"
        "  {\"pupil_ref\": \"P3\", \"PUPIL_REF\": \"P4\"}\n"
        "]");
    CHECK(r.readable);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].field == "initials");
    CHECK(r.problems[1].line == 3);
    CHECK(r.problems[2].line == 4);
    CHECK_THAT(r.problems[2].reason, Catch::Contains("twice"));
}

TEST_CASE("a truncated JSON file is refused with the line it stops on", "[import][json]") {
    Read r = read("[\n  {\"pupil_ref\": \"P1\"},\n  {\"pupil_ref\": \"P2\"");
    CHECK_FALSE(r.readable);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK_THAT(r.problems[0].reason, Catch::StartsWith("malformed JSON"));
}

TEST_CASE("documents without rows are refused", "[import][json]") {
    CHECK_FALSE(read("{\"kind\": \"pupils\"}").readable);
    CHECK_FALSE(read("42").readable);
    CHECK_FALSE(read("").readable);
    Read object_rows = read("{\"rows\": {\"pupil_ref\": \"P1\"}}");
    CHECK_FALSE(object_rows.readable);
    CHECK(object_rows.problems.size() == 1);
    CHECK(read("[]").readable);
}

TEST_CASE("keys the contract does not have are dropped, not made columns", "[import][json]") {
    // Every row once grew to the widest key set seen: 100,000 made-up keys cost
    // 100,000 cells per row.
    std::string row = "{\"pupil_ref\": \"P1\"";
    for (int i = 0; i < 1000; ++i) row += ", \"made_up_" + std::to_string(i) + "\": 1";
    Read r = read("[" + row + "}, {\"Initials\": \"AB\", \"pupil_ref\": \"P2\"}]");
    REQUIRE(r.problems.empty());
    CHECK(r.table.header == std::vector<std::string>{"pupil_ref", "initials"});
    REQUIRE(r.table.row_count() == 2);
    CHECK(r.table.cell_count(0) == 1);
    CHECK(cell(r, 1, "initials") == "AB");
}

TEST_CASE("nesting deeper than any inbox file stops reading at once", "[import][json]") {
    Read r = read("[\n" + std::string(1000000, '[') + std::string(1000000, ']') + "]");
    CHECK_FALSE(r.readable);
    // The first array inside the rows array is a row that is not an object; the 32nd
    // level ends reading.
    REQUIRE(r.problems.size() == 2);
    CHECK(db::format(r.problems[1]) ==
          "f.json:2: malformed JSON: nested more than 32 levels deep (an inbox file is [ {...}, "
          "... ] or {\"kind\": ..., \"rows\": [...]})");
}

TEST_CASE("a syntax error after a huge token quotes only its start", "[import][json]") {
    Read r = read("[{\"pupil_ref\": \"" + std::string(1000000, 'x'));
    CHECK_FALSE(r.readable);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].reason, Catch::StartsWith("malformed JSON"));
    CHECK(r.problems[0].reason.size() < 300);
}

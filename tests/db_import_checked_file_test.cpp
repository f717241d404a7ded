// check_bytes() on hostile shapes (issues 17 and 19): each is refused (or accepted)
// with a message naming what is actually there, and costs memory per problem kept,
// not per problem found. Cost in time is bench/import_worst_case_bench.cpp's job.
#include <catch2/catch.hpp>

#include "db/import/checked_file.hpp"
#include "db/import/file_bytes.hpp"
#include "support/hostile_files.hpp"

using db::inbox::CheckedFile;
using test_support::HostileFile;

namespace {

constexpr size_t kSize = 2 << 20;  // 2 MB: millions of lines, columns or levels

CheckedFile check(const HostileFile& f) {
    db::inbox::References refs;
    refs.pupil_schools["P00001"] = "900001";
    return db::inbox::check_bytes(f.bytes, "", *db::inbox_kind_of(f.name),
                                  db::inbox_format_of(f.name), f.name, refs);
}

std::string first_error(const CheckedFile& f) {
    return f.problems.empty() ? "" : db::format(f.problems.front());
}

}  // namespace

TEST_CASE("a header repeating one name a million times is one problem", "[import][hostile]") {
    auto f = check(test_support::same_name_columns(kSize));
    REQUIRE(f.problems.total() == 2);
    CHECK(first_error(f) ==
          "events-same-columns.csv:1: field 'detail': column appears more than once in the "
          "header");
    CHECK_THAT(db::format(f.problems[1]),
               Catch::StartsWith("events-same-columns.csv:2: row has 3 fields but the header has"));
}

TEST_CASE("a header of a million made-up columns refuses its short row", "[import][hostile]") {
    auto f = check(test_support::many_columns(kSize));
    REQUIRE(f.problems.total() == 1);
    CHECK_THAT(first_error(f), Catch::StartsWith("events-many-columns.csv:2: row has 3 fields") &&
                                   Catch::EndsWith("(a truncated row?)"));
}

TEST_CASE("one huge free-text field is refused at its limit", "[import][hostile]") {
    auto f = check(test_support::huge_field_csv(kSize));
    REQUIRE(f.problems.total() == 1);
    CHECK_THAT(first_error(f), Catch::StartsWith("events-huge-field.csv:2: field 'detail': is ") &&
                                   Catch::EndsWith(" characters long; the limit is 4000"));
}

TEST_CASE("one huge JSON string is refused at its limit, once", "[import][hostile]") {
    // A detail on a visit is wrong twice over; the length is what to report.
    auto f = check(test_support::huge_field_json(kSize));
    REQUIRE(f.problems.total() == 1);
    CHECK_THAT(first_error(f), Catch::StartsWith("events-huge-field.json:1: field 'detail': is ") &&
                                   Catch::EndsWith("the limit is 4000"));
}

TEST_CASE("a row of a million cells is refused by its width", "[import][hostile]") {
    auto f = check(test_support::long_row(kSize));
    REQUIRE(f.problems.total() == 1);
    CHECK_THAT(first_error(f), Catch::StartsWith("events-long-row.csv:2: row has ") &&
                                   Catch::EndsWith("but the header has 3 (an unquoted comma "
                                                   "inside a value?)"));
}

TEST_CASE("JSON nested millions deep stops at the depth limit", "[import][hostile]") {
    auto f = check(test_support::deep_json(kSize));
    REQUIRE(f.problems.total() == 2);  // a row that is not an object, then the depth
    CHECK_THAT(db::format(f.problems[1]),
               Catch::StartsWith("events-deep.json:1: malformed JSON: nested more than 32 levels"));
}

TEST_CASE("a JSON row of a million unknown keys keeps only its contract columns",
          "[import][hostile]") {
    auto f = check(test_support::many_keys_json(kSize));
    CHECK(f.ok());
    CHECK(f.rows == 1);
}

TEST_CASE("millions of empty lines are skipped and lines still counted", "[import][hostile]") {
    auto f = check(test_support::empty_lines(kSize));
    REQUIRE(f.problems.total() == 1);
    CHECK(first_error(f) == "events-empty-lines.csv:" + std::to_string(kSize + 2) +
                                ": field 'pupil_ref': unknown pupil 'P77777' (not in the store "
                                "nor in a pupils file of this drop)");
}

TEST_CASE("a quote never closed is refused at the line it opened", "[import][hostile]") {
    auto f = check(test_support::unclosed_quote(kSize));
    REQUIRE(f.problems.total() == 1);
    CHECK_THAT(first_error(f), Catch::StartsWith("events-unclosed.csv:2: malformed CSV: the quoted "
                                                 "value starting on this line is never closed"));
}

TEST_CASE("a file wrong on every line keeps the first problems and counts the rest",
          "[import][hostile]") {
    auto f = check(test_support::bad_rows(kSize));
    size_t lines = f.rows;
    REQUIRE(lines > 50000);
    CHECK(f.problems.size() == db::ProblemList::kKept);
    CHECK(f.problems.total() == lines);
    CHECK(first_error(f) ==
          "events-bad-rows.csv:2: field 'date': 'someday' is not a date (YYYY-MM-DD or "
          "DD/MM/YYYY)");
    CHECK_THAT(db::format_all(f.problems),
               Catch::EndsWith("\n... and " + std::to_string(lines - 1000) + " more problems\n"));
}

TEST_CASE("text that is not UTF-8 on every line names the byte and its column",
          "[import][hostile]") {
    auto f = check(test_support::not_utf8(kSize));
    CHECK(f.problems.size() == db::ProblemList::kKept);
    CHECK(f.problems.total() > 100000);
    CHECK_THAT(first_error(f), Catch::StartsWith("events-latin1.csv:2: byte 0xE9 at column 4 is "
                                                 "not UTF-8"));
}

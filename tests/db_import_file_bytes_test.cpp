// The byte-level checks before parsing: UTF-8 validity line by line, and refusals
// that name what is there (a NUL byte and its column; UTF-16 only with its evidence).
#include <catch2/catch.hpp>

#include "db/import/file_bytes.hpp"

using db::ProblemList;

namespace {

ProblemList check(std::string_view text) {
    ProblemList problems;
    db::inbox::check_utf8(text, "f.csv", problems);
    return problems;
}

}  // namespace

TEST_CASE("bytes that are not UTF-8 are found line by line", "[import][bytes]") {
    ProblemList problems = check("ok\ncaf\xE9\nfine \xC3\xA9\n\xFF\xFE\n");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].line == 2);
    CHECK(problems[1].line == 4);
    CHECK(check("\xED\xA0\x80 surrogate, \xC0\xAF overlong").size() == 1);
}

TEST_CASE("a byte that is not UTF-8 is named with its column in characters", "[import][bytes]") {
    ProblemList problems = check("urn,name\n1,Caf\xC3\xA9 \x93quoted\x94\n");
    REQUIRE(problems.size() == 1);  // one per line: the first bad byte
    CHECK(db::format(problems[0]) ==
          "f.csv:2: byte 0x93 at column 8 is not UTF-8 (a Windows-1252 or Latin-1 export?): "
          "save the file as \"CSV UTF-8\"");
}

TEST_CASE("a NUL byte in UTF-8 text is a NUL byte, not UTF-16", "[import][bytes]") {
    ProblemList problems = check(std::string("urn,name\n1,A\0B\n", 15));
    REQUIRE(problems.size() == 1);
    CHECK(db::format(problems[0]) ==
          "f.csv:2: a NUL byte at column 4: text files have none (a damaged file, or not a text "
          "export?)");
    CHECK_THAT(problems[0].reason, !Catch::Contains("UTF-16"));
    // A file of NULs has NULs in every byte, not every second one.
    problems = check(std::string(64, '\0'));
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].reason, Catch::StartsWith("a NUL byte at column 1"));
}

TEST_CASE("UTF-16 is one problem, with its byte-order mark as evidence", "[import][bytes]") {
    // A UTF-16 export of "urn\nname\n": its BOM and the NUL high bytes of ASCII text.
    ProblemList little = check(std::string("\xFF\xFEu\0r\0n\0\n\0n\0a\0m\0e\0\n\0", 20));
    REQUIRE(little.size() == 1);
    CHECK(db::format(little[0]) ==
          "f.csv:1: text is UTF-16 (little-endian), not UTF-8 (it starts with the byte-order "
          "mark FF FE): save the file as \"CSV UTF-8\"");
    ProblemList big = check(std::string("\xFE\xFF\0u\0r\0n", 8));
    REQUIRE(big.size() == 1);
    CHECK_THAT(big[0].reason, Catch::Contains("UTF-16 (big-endian), not UTF-8 (it starts with the "
                                              "byte-order mark FE FF)"));
}

TEST_CASE("UTF-16 without a byte-order mark is known by its NUL pattern", "[import][bytes]") {
    std::string ascii = "urn,name,district\n900001,Oak,Dover\n";
    std::string little, big;
    for (char c : ascii) {
        little += c;
        little += '\0';
        big += '\0';
        big += c;
    }
    ProblemList problems = check(little);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].reason,
               Catch::StartsWith("text is UTF-16 (little-endian), not UTF-8 (every second byte "
                                 "of its first 70 bytes is NUL"));
    problems = check(big);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].reason, Catch::StartsWith("text is UTF-16 (big-endian)"));
}

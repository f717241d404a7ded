// File names as the log and the status bar show them: control characters escaped, so a
// name cannot forge a log line or move a terminal's cursor; printable UTF-8 unchanged.
#include <catch2/catch.hpp>

#include "db/import/printable_name.hpp"

using db::printable_name;

TEST_CASE("an ordinary name is shown as it is, spaces and accents included") {
    CHECK(printable_name(std::string_view("/srv/inbox/pupils-Año 7.csv")) ==
          "/srv/inbox/pupils-Año 7.csv");
}

TEST_CASE("newlines, tabs and escape sequences are escaped") {
    CHECK(printable_name(std::string_view("a\nb\rc\td")) == "a\\nb\\rc\\td");
    CHECK(printable_name(std::string_view("\x1b[31mred")) == "\\x1b[31mred");
    CHECK(printable_name(std::string_view("del\x7f")) == "del\\x7f");
    CHECK(printable_name(std::string_view("nul\0x", 5)) == "nul\\x00x");
}

TEST_CASE("a backslash is doubled so an escape cannot be faked") {
    CHECK(printable_name(std::string_view("a\\nb")) == "a\\\\nb");
}

TEST_CASE("C1 controls, line separators and bidi overrides are escaped") {
    CHECK(printable_name(std::string_view("x\xC2\x85y")) == "x\\x85y");        // NEL
    CHECK(printable_name(std::string_view("x\xE2\x80\xA8y")) == "x\\u2028y");  // LINE SEPARATOR
    CHECK(printable_name(std::string_view("evil\xE2\x80\xAEvsc.csv")) ==
          "evil\\u202evsc.csv");  // RLO
}

TEST_CASE("bytes that are not UTF-8 are escaped one by one") {
    CHECK(printable_name(std::string_view("caf\xE9.csv")) == "caf\\xe9.csv");
    CHECK(printable_name(std::string_view("\xC0\xAF")) == "\\xc0\\xaf");  // overlong '/'
    CHECK(printable_name(std::string_view("cut\xE2\x80")) == "cut\\xe2\\x80");
}

TEST_CASE("a path is escaped like its text") {
    CHECK(printable_name(std::filesystem::path("in/a\nb.csv")) == "in/a\\nb.csv");
}

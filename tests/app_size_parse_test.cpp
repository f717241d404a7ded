// --size WIDTHxHEIGHT parsing: the accepted forms and every refusal the dashboard turns
// into a usage error.
#include <catch2/catch.hpp>

#include "app/size_parse.hpp"

using app::parse_window_size;
using app::WindowSize;

TEST_CASE("parse_window_size reads WIDTHxHEIGHT in either case of x") {
    CHECK(parse_window_size("1920x1080") == WindowSize{1920, 1080});
    CHECK(parse_window_size("1280X720") == WindowSize{1280, 720});
    CHECK(parse_window_size("1x1") == WindowSize{1, 1});
    CHECK(parse_window_size("16384x16384") == WindowSize{16384, 16384});
}

TEST_CASE("parse_window_size refuses missing parts, signs, spaces, zero and huge sizes") {
    for (const char* bad :
         {"", "x", "1920", "1920x", "x1080", "1920x1080x", "-1920x1080", "+1920x1080", "1920 x1080",
          " 1920x1080", "1920x1080 ", "0x1080", "1920x0", "16385x100", "99999999999x1",
          "1920by1080", "1920,1080", "1e3x1080"}) {
        INFO(bad);
        CHECK_FALSE(parse_window_size(bad));
    }
}

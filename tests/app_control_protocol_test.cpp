// The control endpoint's request lines: the verbs `liftboard ctl` sends, their
// arguments, and the refusals (unknown verb, missing or extra argument, test hooks
// only when enabled).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/control_protocol.hpp"

using app::ControlRequest;
using app::parse_control_request;

TEST_CASE("control requests parse into a verb and its argument") {
    std::string error;
    CHECK(parse_control_request("status\n", error) == ControlRequest{"status", ""});
    CHECK(parse_control_request("board meetings", error) == ControlRequest{"board", "meetings"});
    CHECK(parse_control_request("screenshot /tmp/a b.png\r\n", error) ==
          ControlRequest{"screenshot", "/tmp/a b.png"});
    for (const char* verb : {"next", "blank", "unblank", "reload"})
        CHECK(parse_control_request(verb, error) == ControlRequest{verb, ""});
}

TEST_CASE("control requests outside the verb list or with a wrong argument are refused") {
    std::string error;
    CHECK_FALSE(parse_control_request("shutdown", error));
    CHECK(error == "unknown request 'shutdown'");
    CHECK_FALSE(parse_control_request("board", error));
    CHECK(error == "'board' needs NAME");
    CHECK_FALSE(parse_control_request("next please", error));
    CHECK(error == "'next' takes no argument");
    CHECK_FALSE(parse_control_request("quit", error));  // internal: signals only
    CHECK_FALSE(parse_control_request("test-stall 5", error));
    CHECK(parse_control_request("test-stall 5", error, true) == ControlRequest{"test-stall", "5"});
}

TEST_CASE("a control request is one line: a line break or NUL inside is refused") {
    // Found by fuzz/fuzz_control_request: "test-x\n " parsed to the verb "test-x\n",
    // which written out again as a line became "test-x".
    std::string error;
    CHECK_FALSE(parse_control_request("test-x\n ", error, true));
    CHECK(error == "a request is one line of text");
    CHECK_FALSE(parse_control_request("board a\nb", error));
    CHECK_FALSE(parse_control_request("screenshot /tmp/a\rb.png", error));
    CHECK_FALSE(parse_control_request(std::string_view("board a\0b", 9), error));
    CHECK(parse_control_request("board caseload\r\n\n", error) ==
          ControlRequest{"board", "caseload"});
}

TEST_CASE("control replies are one JSON line with ok and the body's members") {
    const auto ok = nlohmann::json::parse(app::control_ok(R"({"board":"triage"})"));
    CHECK(ok["ok"] == true);
    CHECK(ok["board"] == "triage");
    const std::string error_line = app::control_error("bad \"thing\"\nhere");
    CHECK(error_line.find('\n') == std::string::npos);
    const auto error = nlohmann::json::parse(error_line);
    CHECK(error["ok"] == false);
    CHECK(error["error"] == "bad \"thing\"\nhere");
}

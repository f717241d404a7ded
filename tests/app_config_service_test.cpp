// The wall's service settings in the TOML file ([control], [log], [kiosk] dpms), kept
// apart from app_config_test.cpp: defaults, values read, errors naming the key, and
// the packaged /etc/liftboard/liftboard.toml loading as it ships.
#include <catch2/catch.hpp>

#include "app/config.hpp"
#include "support/temp_dir.hpp"

namespace {

const std::vector<std::string> kBoards = {"meetings", "caseload", "triage", "lookup", "trends"};

app::Config load(const std::string& toml) {
    static test_support::TempDir dir;
    auto file = dir / "liftboard.toml";
    test_support::write_file(file, toml);
    return app::load_config(file, kBoards);
}

}  // namespace

TEST_CASE("service settings default to a socket in the runtime dir, no HTTP, info logs, DPMS on") {
    const auto c = load("");
    CHECK(c.control_socket.empty());
    CHECK(c.control_listen.empty());
    CHECK(c.log_level == "info");
    CHECK(c.log_file.empty());
    CHECK(c.log_max_mb == 10);
    CHECK(c.log_files == 3);
    CHECK(c.dpms);
}

TEST_CASE("service settings are read") {
    const auto c = load(R"(
[control]
socket = "/run/liftboard/ctl.sock"
listen = "127.0.0.1:8765"
token_file = "/etc/liftboard/token"
[log]
level = "debug"
file = "/var/log/liftboard/liftboard.log"
max_mb = 5
files = 7
[kiosk]
dpms = false
)");
    CHECK(c.control_socket == "/run/liftboard/ctl.sock");
    CHECK(c.control_listen == "127.0.0.1:8765");
    CHECK(c.control_token_file == "/etc/liftboard/token");
    CHECK(c.log_level == "debug");
    CHECK(c.log_file == "/var/log/liftboard/liftboard.log");
    CHECK(c.log_max_mb == 5);
    CHECK(c.log_files == 7);
    CHECK_FALSE(c.dpms);
}

TEST_CASE("bad service settings name their key") {
    CHECK_THROWS_WITH(load("[control]\nlisten = \"127.0.0.1:8765\"\n"),
                      Catch::Contains("control.token_file") && Catch::Contains("required"));
    CHECK_THROWS_WITH(load("[log]\nlevel = \"loud\"\n"), Catch::Contains("log.level"));
    CHECK_THROWS_WITH(load("[log]\nmax_mb = 0\n"), Catch::Contains("log.max_mb"));
    CHECK_THROWS_WITH(load("[kiosk]\ndpms = \"yes\"\n"), Catch::Contains("kiosk.dpms"));
    CHECK_THROWS_WITH(load("[control]\nport = 1\n"),
                      Catch::Contains("control.port") && Catch::Contains("unknown key"));
}

TEST_CASE("the packaged /etc/liftboard/liftboard.toml loads as it ships") {
    const auto c =
        app::load_config(std::string(LIFTBOARD_SOURCE_DIR) + "/packaging/liftboard.toml", kBoards);
    CHECK(c.db == "/var/lib/liftboard/liftboard.db");
    CHECK(c.inbox == "/var/lib/liftboard/inbox");
}

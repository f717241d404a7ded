// The TOML configuration: defaults, every key read, and clear errors naming the key.
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

TEST_CASE("an empty file gives the defaults RULES.md and the issue name") {
    auto c = load("");
    CHECK(c.home_district == "Maidstone");
    CHECK(c.visit_interval_weeks == 6);
    CHECK(c.referral_cap == 3);
    CHECK(c.stale_after_hours == 24);
    CHECK_FALSE(c.show_names);
    REQUIRE(c.night.has_value());
    CHECK(c.night->start.minutes == 22 * 60);
}

TEST_CASE("the example config in assets/ loads") {
    auto c = app::load_config(std::string(LIFTBOARD_SOURCE_DIR) + "/assets/liftboard.example.toml", kBoards);
    CHECK(c.boards.size() == 5);
    CHECK(c.rotate_seconds == 30);
}

TEST_CASE("every section is read") {
    auto c = load(R"(
[data]
db = "/tmp/x.db"
inbox = "/tmp/inbox"
[district]
home = "tunbridge wells"
[kiosk]
boards = ["caseload", "meetings"]
rotate_seconds = 45
night_start = "23:30"
night_end = "05:15"
contact_line = "Emergencies: School Age Lead"
[privacy]
show_names = true
[sync]
stale_after_hours = 6
[rules]
visit_interval_weeks = 4
referral_cap = 2
)");
    CHECK(c.db == "/tmp/x.db");
    CHECK(c.home_district == "Tunbridge Wells");
    CHECK(c.boards == std::vector<std::string>{"caseload", "meetings"});
    CHECK(c.rotate_seconds == 45);
    CHECK(c.night->start == app::ClockTime{23 * 60 + 30});
    CHECK(c.night->end == app::ClockTime{5 * 60 + 15});
    CHECK(c.contact_line == "Emergencies: School Age Lead");
    CHECK(c.show_names);
    CHECK(c.stale_after_hours == 6);
    CHECK(c.visit_interval_weeks == 4);
    CHECK(c.referral_cap == 2);
}

TEST_CASE("a bad value names the file and the key") {
    CHECK_THROWS_WITH(load("[kiosk]\nrotate_seconds = 0\n"),
                      Catch::Contains("liftboard.toml") && Catch::Contains("kiosk.rotate_seconds") &&
                          Catch::Contains("from 5 to 3600"));
    CHECK_THROWS_WITH(load("[kiosk]\nrotate_seconds = \"ten\"\n"), Catch::Contains("kiosk.rotate_seconds"));
    CHECK_THROWS_WITH(load("[district]\nhome = \"Atlantis\"\n"),
                      Catch::Contains("district.home") && Catch::Contains("Atlantis"));
    CHECK_THROWS_WITH(load("[kiosk]\nboards = [\"wallpaper\"]\n"), Catch::Contains("unknown board 'wallpaper'"));
    CHECK_THROWS_WITH(load("[kiosk]\nnight_start = \"25:00\"\n"), Catch::Contains("kiosk.night_start"));
    CHECK_THROWS_WITH(load("[privacy]\nshow_names = \"yes\"\n"), Catch::Contains("privacy.show_names"));
}

TEST_CASE("[data] max_file_mb caps an inbox file's size, 200 MB unless set") {
    CHECK(load("").max_file_mb == 200);
    CHECK(load("[data]\nmax_file_mb = 16\n").max_file_mb == 16);
    CHECK_THROWS_WITH(load("[data]\nmax_file_mb = 0\n"),
                      Catch::Contains("data.max_file_mb") && Catch::Contains("1 to 4096"));
    CHECK_THROWS_WITH(load("[data]\nmax_file_mb = \"200MB\"\n"),
                      Catch::Contains("data.max_file_mb"));
}

TEST_CASE("a misspelt key or section is an error, not a silent default") {
    CHECK_THROWS_WITH(load("[kiosk]\nrotate_secs = 10\n"), Catch::Contains("kiosk.rotate_secs") && Catch::Contains("unknown key"));
    CHECK_THROWS_WITH(load("[kiosks]\n"), Catch::Contains("kiosks") && Catch::Contains("unknown section"));
}

TEST_CASE("malformed TOML gives the line") {
    CHECK_THROWS_WITH(load("[kiosk]\nrotate_seconds = = 3\n"), Catch::Contains("liftboard.toml:2"));
}

TEST_CASE("night hours may wrap midnight") {
    app::NightHours night{{22 * 60}, {6 * 60}};
    CHECK(night.contains({23 * 60}));
    CHECK(night.contains({2 * 60}));
    CHECK_FALSE(night.contains({6 * 60}));
    CHECK_FALSE(night.contains({12 * 60}));
    app::NightHours evening{{18 * 60}, {20 * 60}};
    CHECK(evening.contains({19 * 60}));
    CHECK_FALSE(evening.contains({21 * 60}));
}

TEST_CASE("the kiosk's screen size and viewing distance: defaults, numbers, and range errors") {
    auto defaults = load("");
    CHECK(defaults.screen_diagonal_in == 55.0);
    CHECK(defaults.viewing_distance_m == 3.0);
    auto c = load("[kiosk]\nscreen_diagonal_in = 43\nviewing_distance_m = 2.5\n");
    CHECK(c.screen_diagonal_in == 43.0);
    CHECK(c.viewing_distance_m == 2.5);
    CHECK_THROWS_WITH(
        load("[kiosk]\nviewing_distance_m = 0\n"),
        Catch::Contains("kiosk.viewing_distance_m") && Catch::Contains("from 0.3 to 30"));
    CHECK_THROWS_WITH(load("[kiosk]\nscreen_diagonal_in = \"55in\"\n"),
                      Catch::Contains("kiosk.screen_diagonal_in"));
}

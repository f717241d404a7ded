// The LIFT session board in a real window under Xvfb, run from the keyboard as a chair
// would: two recommendations (2 Training, 6 Health, each with an owner and the default
// review date) and a caselist decision (L, a teacher, the agreed outcome) for the first
// case of the demo's meeting today. The test then opens the SQLite file itself and finds
// the events, the case's new teacher and the audit rows: the whole path from a key
// press through the writer thread to the disk. It waits for states, never for time.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "support/demo_district.hpp"
#include "support/real_window.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

using test_support::TempDir;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;
const std::string kUser = "session-chair";  // the audit's "who": the dashboard reads $USER

// The palette's accent (0.50, 0.80, 1.00).
constexpr int kAccent[] = {128, 204, 255};

// The outcome form is open: its accent bar runs down the left of the case pane's lower
// part (the agenda takes the left third of the window). A bar, not text: some column
// holds a vertical run of accent pixels a fifth of the window high, which no letter has.
bool shows_form(const test_support::XwdImage& image) {
    const auto accent = [&](int x, int y) {
        const uint8_t* p = image.at(x, y);
        return std::abs(p[0] - kAccent[0]) <= 6 && std::abs(p[1] - kAccent[1]) <= 6 &&
               std::abs(p[2] - kAccent[2]) <= 6;
    };
    for (int x = int(0.33 * image.width); x < int(0.42 * image.width); ++x) {
        int run = 0;
        for (int y = image.height / 3; y < image.height; ++y) {
            run = accent(x, y) ? run + 1 : 0;
            if (run > image.height / 5) return true;
        }
    }
    return false;
}

bool shows_no_form(const test_support::XwdImage& image) {
    return !shows_form(image);
}

bool shows_agenda(const test_support::XwdImage& image) {
    return image.count(kAccent[0], kAccent[1], kAccent[2], 0.0, 0.1, 0.34, 0.4, 6) > 100;
}

int count(const std::filesystem::path& db, const std::string& sql) {
    SQLite::Database database(db.string(), SQLite::OPEN_READONLY);
    return database.execAndGet(sql).getInt();
}

// Waits until the audit has `rows` rows (the writer has committed that many edits).
bool wait_for_audit(const std::filesystem::path& db, int rows) {
    return test_support::wait_until(
        [&] {
            try {
                return count(db, "SELECT count(*) FROM audit") >= rows;
            } catch (const SQLite::Exception&) {
                return false;  // busy for a moment while the writer commits
            }
        },
        test_support::kGenerousWait);
}

}  // namespace

TEST_CASE("a chair records two recommendations and a caselist decision with the keyboard") {
    REQUIRE(std::getenv("DISPLAY"));  // run under xvfb-run
    TempDir dir;
    const auto db = test_support::make_demo(dir);
    // The first case of today's meeting (agenda order: school, then ref), and what the
    // demo has for it already: none of what this test records.
    const std::string pupil = "P000004";
    REQUIRE(count(db, "SELECT count(*) FROM event WHERE pupil_ref = '" + pupil +
                          "' AND date = '2025-11-20' AND event IN ('caselist_opened') OR "
                          "(pupil_ref = '" +
                          pupil +
                          "' AND date = '2025-11-20' AND detail IN "
                          "('training', 'health'))") == 0);
    REQUIRE(count(db, "SELECT count(*) FROM audit") == 0);

    test_support::RealWindow window("env USER=" + kUser + " " + kBinary + " --db " + db.string() +
                                        " --board session --today 2025-11-20 --size 1920x1080",
                                    dir / "dashboard.log");
    INFO(window.log());
    REQUIRE(shows_agenda(window.wait_for(shows_agenda)));

    // 2 = Training: the owner, then Enter (the review date is filled in: two terms on).
    window.key("2");
    REQUIRE(shows_form(window.wait_for(shows_form)));
    window.type("school");
    window.key("Return");
    REQUIRE(wait_for_audit(db, 1));
    // The board has the writer's answer: the form closed (keys typed before would be
    // for the form still waiting).
    REQUIRE(shows_no_form(window.wait_for(shows_no_form)));
    // 6 = Health, owned by the EP, with a note.
    window.key("6");
    REQUIRE(shows_form(window.wait_for(shows_form)));
    window.type("EP");
    window.key("Tab Tab");
    window.type("GP letter first");
    window.key("Return");
    REQUIRE(wait_for_audit(db, 2));
    REQUIRE(shows_no_form(window.wait_for(shows_no_form)));
    // L = taken onto the caselist: the first teacher, Tab, the agreed outcome, Enter.
    window.key("l");
    REQUIRE(shows_form(window.wait_for(shows_form)));
    window.key("1 Tab");
    window.type("Reads a page unaided");
    window.key("Return");
    REQUIRE(wait_for_audit(db, 3));

    // The demo's autumn term starts 8 Sep 2025: 20 Nov is 73 days in, and two terms on
    // is 73 days into summer 2026 (from 20 Apr): 2 Jul 2026.
    const std::string today = "pupil_ref = '" + pupil + "' AND date = '2025-11-20'";
    CHECK(count(db, "SELECT count(*) FROM event WHERE " + today +
                        " AND event = 'recommendation' AND detail = 'training' AND owner = "
                        "'school' AND review_date = '2026-07-02'") == 1);
    CHECK(count(db, "SELECT count(*) FROM event WHERE " + today +
                        " AND event = 'recommendation' AND detail = 'health' AND owner = 'EP' "
                        "AND note = 'GP letter first'") == 1);
    CHECK(count(db, "SELECT count(*) FROM event WHERE " + today +
                        " AND event = 'caselist_opened' AND detail = 'Reads a page unaided' AND "
                        "staff_id = 'ST01'") == 1);
    CHECK(count(db, "SELECT count(*) FROM case_state WHERE pupil_ref = '" + pupil +
                        "' AND assigned_staff_id = 'ST01'") == 1);
    CHECK(count(db, "SELECT count(*) FROM audit WHERE who = '" + kUser +
                        "' AND what = 'record recommendation for " + pupil + " on 2025-11-20'") ==
          2);
    CHECK(count(db, "SELECT count(*) FROM audit WHERE who = '" + kUser +
                        "' AND what = 'open caselist for " + pupil +
                        " on 2025-11-20 with ST01' AND after LIKE '%Reads a page unaided%'") == 1);
    CHECK(count(db, "SELECT count(*) FROM audit") == 3);
}

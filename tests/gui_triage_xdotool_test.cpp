// The triage board in a real window under Xvfb, driven like a person would: xdotool
// finds the window, focuses it and presses keys (Down, Enter, an action's digit, a
// choice, Enter) and types into the new referral form. The test then opens the SQLite
// file itself and checks the changed rows and the audit trail (who, what, before,
// after): the whole path from a key press through the writer thread to the disk.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/snapshot.hpp"
#include "core/triage_options.hpp"
#include "db/store.hpp"
#include "support/demo_district.hpp"
#include "support/real_window.hpp"
#include "support/temp_dir.hpp"
#include "support/wait.hpp"

extern char** environ;

using test_support::make_demo;
using test_support::run_command;
using test_support::TempDir;

namespace {

const std::string kBinary = LIFTBOARD_BINARY;
const std::string kUser = "xdotool-tester";  // the audit's "who": the dashboard reads $USER
const std::string kTitle = "LIFT Board";     // app/window.hpp's default window title

// What the board will show first, computed the way the board computes it.
struct Expected {
    std::string pupil_ref, current_teacher, school_urn;
    std::vector<core::TeacherOption> teachers;
};

Expected first_row(const std::filesystem::path& db) {
    db::Store store(db, db::Store::Access::read_only);
    auto data = std::make_shared<core::Dataset>(store.load_dataset());
    core::SnapshotOptions options;
    options.today = core::parse_date("2025-11-20").value();
    auto snapshot = core::build_snapshot(data, options);
    REQUIRE_FALSE(snapshot->triage.rows.empty());
    const core::TriageRow& row = snapshot->triage.rows.front();
    return {std::string(row.pupil_ref), std::string(core::case_teacher_id(*data, row.pupil)),
            std::string(row.school_urn), core::teacher_options(*data, row.pupil)};
}

// The dashboard as its own process, ended by pid (never by name) when the test ends.
class Dashboard {
  public:
    Dashboard(const std::filesystem::path& db, const std::filesystem::path& log) {
        std::vector<std::string> args = {kBinary,  "--db",    db.string(), "--board",
                                         "triage", "--today", "2025-11-20"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> env_strings;
        for (char** e = environ; *e; ++e)
            if (std::string_view(*e).rfind("USER=", 0) != 0) env_strings.emplace_back(*e);
        env_strings.push_back("USER=" + kUser);
        std::vector<char*> envp;
        for (auto& e : env_strings) envp.push_back(e.data());
        envp.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        const int failed =
            posix_spawn(&pid_, kBinary.c_str(), &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        if (failed) pid_ = -1;
    }
    ~Dashboard() {
        if (pid_ <= 0 || exited()) return;
        kill(pid_, SIGTERM);
        test_support::wait_until([&] { return exited(); }, std::chrono::seconds(10));
        if (!exited()) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Dashboard(const Dashboard&) = delete;
    Dashboard& operator=(const Dashboard&) = delete;

    pid_t pid() const { return pid_; }
    bool exited() {
        if (done_) return true;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            done_ = true;
            exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        return done_;
    }
    int exit_status() const { return exit_status_; }

  private:
    pid_t pid_ = -1;
    bool done_ = false;
    int exit_status_ = -1;
};

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// The triage list drawn with its data: red "blocked"/"overdue" status words (the palette's
// overdue, 1.00 0.64 0.64), which the "Loading the data..." screen before the first
// snapshot does not have.
bool shows_triage_rows(const test_support::XwdImage& image) {
    return image.count(255, 163, 163, 0.0, 0.15, 1.0, 0.90, 12) > 300;
}

// The action panel after a save: "Saved: <what>" in the palette's green. "Saving..."
// before it is the same green but a third as long; until the answer is shown the panel
// takes no keys.
bool shows_saved(const test_support::XwdImage& image) {
    return image.count(140, 230, 140, 0.0, 0.0, 1.0, 1.0, 12) > 600;
}

// The dashboard's window, once it is mapped, focused for the keys that follow. Under
// Xvfb there is no window manager: XSetInputFocus (windowfocus) is what gives focus.
std::string find_and_focus(const Dashboard& dashboard, const std::filesystem::path& dir) {
    auto found = run_command("timeout 60 xdotool search --sync --onlyvisible --pid " +
                             std::to_string(dashboard.pid()) + " --name '^" + kTitle + "$'");
    INFO(found.output);
    REQUIRE(found.status == 0);
    std::string window = trimmed(found.output);
    window = window.substr(window.find_last_of('\n') + 1);  // one id a line; the last will do
    auto focus = run_command("xdotool windowfocus --sync " + window);
    INFO(focus.output);
    REQUIRE(focus.status == 0);
    // Keys go to a board that has drawn its rows.
    const auto drawn = test_support::wait_for_window(window, dir / "window.xwd", shows_triage_rows);
    REQUIRE(shows_triage_rows(drawn));
    return window;
}

// Keys one by one with a pause, as a person presses them. No wait after them: the app
// handles keys and typed characters in the order they came, however many land in one
// frame (app/key_queue.hpp), so the next keys may follow at once; each test waits for
// the state it checks (the audit row, the panel's answer).
void keys(const std::string& sequence) {
    auto result = run_command("xdotool key --delay 250 " + sequence);
    INFO(result.output);
    REQUIRE(result.status == 0);
}

struct AuditRow {
    std::string who, what, before, after;
};

std::vector<AuditRow> audit(const std::filesystem::path& db) {
    SQLite::Database database(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(database, "SELECT who, what, before, after FROM audit ORDER BY id");
    std::vector<AuditRow> rows;
    while (query.executeStep())
        rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                        query.getColumn(2).getString(), query.getColumn(3).getString()});
    return rows;
}

bool wait_for_audit(const std::filesystem::path& db, size_t count) {
    return test_support::wait_until(
        [&] {
            try {
                return audit(db).size() >= count;
            } catch (const SQLite::Exception&) {
                return false;  // busy for a moment while the writer commits
            }
        },
        test_support::kGenerousWait);
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("keyboard triage in a real window: assign a teacher and set a priority, both audited") {
    REQUIRE(std::getenv("DISPLAY"));  // run under xvfb-run
    TempDir dir;
    const auto db = make_demo(dir);
    const Expected expected = first_row(db);
    REQUIRE(audit(db).empty());
    // The assign list is numbered: pick the first teacher who is not the current one.
    REQUIRE(expected.teachers.size() >= 3);
    const size_t pick = expected.teachers[0].staff_id == expected.current_teacher ? 1 : 0;
    const std::string teacher = expected.teachers[pick].staff_id;

    Dashboard dashboard(db, dir / "dashboard.log");
    REQUIRE(dashboard.pid() > 0);
    const std::string window = find_and_focus(dashboard, dir.path());

    // Down focuses the first row, Enter opens it, 1 = Assign teacher, a digit picks.
    keys("Down Return 1 " + std::to_string(pick + 1) + " Return");
    INFO(test_support::read_file(dir / "dashboard.log"));
    REQUIRE(wait_for_audit(db, 1));
    // The panel has the answer (not only the database): back in the action menu.
    REQUIRE(shows_saved(test_support::wait_for_window(window, dir / "window.xwd", shows_saved)));
    // 2 = Set priority, 1 = High, Enter saves.
    keys("2 1 Return");
    REQUIRE(wait_for_audit(db, 2));

    SQLite::Database database(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement state(
        database, "SELECT assigned_staff_id, priority FROM case_state WHERE pupil_ref = ?");
    state.bind(1, expected.pupil_ref);
    REQUIRE(state.executeStep());
    CHECK(state.getColumn(0).getString() == teacher);
    CHECK(state.getColumn(1).getInt() == 1);

    const auto rows = audit(db);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].who == kUser);
    CHECK(rows[0].what == "assign " + expected.pupil_ref + " to " + teacher);
    CHECK_FALSE(has(rows[0].before, "\"assigned_staff_id\":\"" + teacher + "\""));
    CHECK(has(rows[0].after, "\"assigned_staff_id\":\"" + teacher + "\""));
    CHECK(has(rows[0].after, "\"priority\":0"));
    CHECK(rows[1].who == kUser);
    CHECK(rows[1].what == "set priority of " + expected.pupil_ref + " to 1");
    CHECK(has(rows[1].before, "\"priority\":0"));
    CHECK(has(rows[1].after, "\"priority\":1"));
    CHECK(has(rows[1].after, "\"assigned_staff_id\":\"" + teacher + "\""));

    // Ctrl+Q is the app's own key even on a board that takes keys: the window closes.
    keys("ctrl+q");
    CHECK(test_support::wait_until([&] { return dashboard.exited(); }));
    CHECK(dashboard.exit_status() == 0);
}

TEST_CASE("a new referral typed into the form in a real window: pupil, consent and audit") {
    REQUIRE(std::getenv("DISPLAY"));
    TempDir dir;
    const auto db = make_demo(dir);
    const Expected expected = first_row(db);  // its school takes the new pupil
    Dashboard dashboard(db, dir / "dashboard.log");
    REQUIRE(dashboard.pid() > 0);
    find_and_focus(dashboard, dir.path());

    // An empty form first: nothing may be written.
    keys("n Return");
    // Then the form as a fast typist fills it, in one go (xdotool's `type` takes the rest
    // of its line as text, hence one xdotool a step): characters and Tabs come in the
    // same frames on a slow machine, and none may go to the wrong field or be lost.
    auto typed = run_command(
        "xdotool type --delay 15 PX0001 && xdotool key Tab && xdotool type --delay 15 " +
        expected.school_urn +
        " && xdotool key Tab && xdotool type --delay 15 QZ"
        " && xdotool key --delay 15 Tab 3 Tab"  // need area 3 = SEMH
        " && xdotool type --delay 15 2025-11-18");
    INFO(typed.output);
    REQUIRE(typed.status == 0);
    keys("Return");
    INFO(test_support::read_file(dir / "dashboard.log"));
    REQUIRE(wait_for_audit(db, 1));

    SQLite::Database database(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement pupil(
        database, "SELECT school_urn, initials, need_area FROM pupil WHERE pupil_ref = 'PX0001'");
    REQUIRE(pupil.executeStep());
    CHECK(pupil.getColumn(0).getString() == expected.school_urn);
    CHECK(pupil.getColumn(1).getString() == "QZ");
    CHECK(pupil.getColumn(2).getString() == "semh");
    SQLite::Statement consent(
        database, "SELECT date FROM event WHERE pupil_ref = 'PX0001' AND event = 'consent_given'");
    REQUIRE(consent.executeStep());
    CHECK(consent.getColumn(0).getString() == "2025-11-18");

    const auto rows = audit(db);
    REQUIRE(rows.size() == 1);  // the empty attempt wrote nothing
    CHECK(rows[0].who == kUser);
    CHECK(rows[0].what == "new referral PX0001 at school " + expected.school_urn);
    CHECK(rows[0].before.empty());
    CHECK(has(rows[0].after, "\"consent_date\":\"2025-11-18\""));
}

// The dashboard on a database it cannot use: one line on stderr, a board saying what is
// wrong and what to do (rendered here to a screenshot), exit code 1; never a crash and
// never a silent empty board.
#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using test_support::run_command;

namespace {

struct Broken {
    const char* name;
    const char* says;  // in the stderr line
};

void make_broken(const fs::path& db, const std::string& kind) {
    if (kind == "not-sqlite") {
        test_support::write_file(db, "pupil_ref,school_urn\nP000001,900001\n");
    } else if (kind == "foreign") {
        SQLite::Database other(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)");
    } else {
        const fs::path good = db.parent_path() / "good.db";
        REQUIRE(run_command(std::string(LIFTBOARD_BINARY) + " demo-data --pupils 40 --out " +
                            good.string())
                    .status == 0);
        if (kind == "newer") {
            SQLite::Database newer(good, SQLite::OPEN_READWRITE);
            newer.exec("PRAGMA user_version = 999");
        }
        std::string bytes = test_support::read_file(good);
        if (kind == "truncated") bytes.resize(bytes.size() / 2);
        test_support::write_file(db, bytes);
    }
}

}  // namespace

TEST_CASE("the dashboard shows a board saying what is wrong with a database it cannot use") {
    const Broken broken =
        GENERATE(Broken{"not-sqlite", "not a database"}, Broken{"foreign", "another program"},
                 Broken{"truncated", "damaged"}, Broken{"newer", "newer liftboard"});
    test_support::TempDir dir;
    const fs::path db = dir / "live.db";
    make_broken(db, broken.name);
    const std::string before = test_support::read_file(db);
    const fs::path png = dir / "board.png";
    auto result = run_command(std::string(LIFTBOARD_BINARY) + " --db " + db.string() + " --inbox " +
                              (dir / "inbox").string() + " --size 1280x720 --screenshot " +
                              png.string() + " 2>&1");
    INFO(broken.name << ": " << result.output);
    CHECK(result.status == 1);
    CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
    CHECK_THAT(result.output, Catch::StartsWith("liftboard: " + db.string()));
    CHECK_THAT(result.output, Catch::Contains(broken.says));
    CHECK(fs::file_size(png) > 0);                 // the board was drawn
    CHECK(test_support::read_file(db) == before);  // and the file left as it was
}

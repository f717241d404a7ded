// `liftboard outcome-sheets` end to end on the demo district: one 0600 PDF per pupil
// discussed at the meeting, read back with pdftotext and pdfinfo. Initials and refs
// only unless --show-names; a note with a comma, a quote and "Zoë" imported through the
// inbox survives; a date without a meeting exits 2 naming it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "core/pupil_card_model.hpp"
#include "core/pupil_text.hpp"
#include "db/store.hpp"
#include "support/demo_district.hpp"
#include "support/pdf_text.hpp"
#include "support/temp_dir.hpp"

using namespace test_support;

namespace {

const std::string binary = LIFTBOARD_BINARY;
const char* kMeeting = "2025-11-20";  // the demo's "today": Maidstone A discussed 3 pupils

struct Demo {
    TempDir dir;
    std::filesystem::path db = make_demo(dir);
    // Refs and full names of the pupils discussed on kMeeting.
    std::set<std::string> discussed;
    std::vector<std::string> all_names;
    Demo() {
        db::Store store(db, db::Store::Access::read_only);
        const core::Dataset data = store.load_dataset();
        const core::Date date = *core::parse_date(kMeeting);
        for (size_t i = 0; i < data.pupils.size(); ++i) {
            all_names.push_back(core::full_name(data.pupils[i]));
            for (const auto& e : data.events_of(i))
                if (e.kind == core::EventKind::lift_discussed && e.date == date)
                    discussed.insert(std::string(data.pupils[i].pupil_ref));
        }
    }
    CommandResult sheets(const std::filesystem::path& db_file, const std::string& args) const {
        return run_command(binary + " outcome-sheets --db " + quoted(db_file) + " --today " +
                           kMeeting + " " + args);
    }
};

Demo& demo() {
    static Demo d;
    return d;
}

std::set<std::string> files_in(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("outcome-sheets writes one private one-page PDF per pupil discussed, by initials and ref",
          "[report][outcome]") {
    auto& d = demo();
    REQUIRE(d.discussed.size() >= 2);
    TempDir out;
    auto result =
        d.sheets(d.db, "--meeting " + std::string(kMeeting) + " --out " + quoted(out / "sheets"));
    INFO(result.output);
    REQUIRE(result.status == 0);
    std::set<std::string> expected;
    for (const auto& ref : d.discussed) expected.insert("outcome-" + ref + "-" + kMeeting + ".pdf");
    CHECK(files_in(out / "sheets") == expected);
    CHECK(file_mode(out / "sheets") == 0700);
    for (const auto& ref : d.discussed) {
        const auto file = out / "sheets" / ("outcome-" + ref + "-" + kMeeting + ".pdf");
        INFO(file);
        CHECK(file_mode(file) == 0600);
        CHECK(pdf_page_count(file) == 1);
        const std::string text = pdf_text(file);
        CHECK(text.find(ref) != std::string::npos);
        CHECK(text.find("LIFT Maidstone Group A, Thu 20 Nov 2025") != std::string::npos);
        CHECK(text.find("STLS decision") != std::string::npos);
        CHECK(text.find("Next step") != std::string::npos);
        CHECK(text.find("Page 1 of 1") != std::string::npos);
        for (const auto& name : d.all_names) {
            if (name.empty()) continue;
            INFO(name);
            CHECK(text.find(name) == std::string::npos);
        }
    }
}

TEST_CASE("outcome-sheets prints full names only with --show-names", "[report][outcome]") {
    auto& d = demo();
    TempDir out;
    auto result = d.sheets(
        d.db, "--meeting " + std::string(kMeeting) + " --show-names --out " + quoted(out.path()));
    INFO(result.output);
    REQUIRE(result.status == 0);
    db::Store store(d.db, db::Store::Access::read_only);
    const core::Dataset data = store.load_dataset();
    for (const auto& ref : d.discussed) {
        const auto name = core::full_name(*data.pupil(ref));
        REQUIRE_FALSE(name.empty());
        CHECK(pdf_text(out / ("outcome-" + ref + "-" + kMeeting + ".pdf")).find(name) !=
              std::string::npos);
    }
}

TEST_CASE("a recommendation's note with a comma, a quote and Zoë survives import and print",
          "[report][outcome]") {
    auto& d = demo();
    TempDir work;
    const auto db = work / "copy.db";
    std::filesystem::copy_file(d.db, db);
    const std::string ref = *d.discussed.begin();
    write_file(work / "events-note.csv",
               "pupil_ref,event,date,detail,note,owner,review_date\n" + ref +
                   ",recommendation,2025-11-20,health,\"Agreed: \"\"small steps\"\", with Zoë\","
                   "EP,2026-03-01\n");
    auto imported =
        run_command(binary + " import --db " + quoted(db) + " " + quoted(work / "events-note.csv"));
    INFO(imported.output);
    REQUIRE(imported.status == 0);

    auto result = d.sheets(db, "--meeting 2025-11-20 --out " + quoted(work / "out"));
    INFO(result.output);
    REQUIRE(result.status == 0);
    const std::string text = pdf_text(work / "out" / ("outcome-" + ref + "-2025-11-20.pdf"));
    INFO(text);
    CHECK(text.find("Agreed: \"small steps\", with Zoë") != std::string::npos);
    CHECK(text.find("1 Mar 2026") != std::string::npos);
    CHECK(flat(text).find(core::detail_words("health")) != std::string::npos);
}

TEST_CASE("outcome-sheets exits 2 naming a date without a meeting or a bad date",
          "[report][outcome]") {
    auto& d = demo();
    TempDir out;
    auto unknown = d.sheets(d.db, "--meeting 2025-11-21 --out " + quoted(out / "x"));
    CHECK(unknown.status == 2);
    // One line naming the district and the date, and the meetings either side.
    CHECK(unknown.output.rfind(
              "liftboard outcome-sheets: no LIFT meeting of Maidstone on 21 Nov 2025", 0) == 0);
    CHECK(count_of(unknown.output, "\n") == 1);
    auto bad = d.sheets(d.db, "--meeting 21/13/2025 --out " + quoted(out / "x"));
    CHECK(bad.status == 2);
    CHECK(bad.output.find("21/13/2025") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out / "x"));
}

TEST_CASE("outcome-sheets for a meeting where nobody was discussed writes nothing and says so",
          "[report][outcome]") {
    auto& d = demo();
    TempDir out;
    // Maidstone B meets a week after the demo's today: booked, not yet discussed.
    auto result =
        d.sheets(d.db, "--meeting 2025-11-27 --district maidstone --out " + quoted(out / "none"));
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK(result.output.find("No pupils were discussed") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out / "none"));
}

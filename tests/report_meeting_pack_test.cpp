// `liftboard pack` end to end on the demo district, read back with poppler's tools:
// every booked pupil's ref is in the pack, each case starts its own page in agenda
// order, "Page N of M" agrees with pdfinfo, no full name is printed without
// --show-names, a note with a comma, a quote and "Zoë" survives, a meeting nobody is
// booked for says so, an unknown meeting or a bad date exits 2 with one line, and the
// file is 0600 under its default name.
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/lift_session.hpp"
#include "core/pupil_text.hpp"
#include "db/store.hpp"
#include "support/demo_district.hpp"
#include "support/pdf_text.hpp"
#include "support/temp_dir.hpp"

using namespace test_support;

namespace {

const std::string binary = LIFTBOARD_BINARY;

struct Demo {
    TempDir dir;
    std::filesystem::path db = make_demo(dir);
    std::unique_ptr<core::Dataset> data = std::make_unique<core::Dataset>();
    Demo() {
        db::Store store(db, db::Store::Access::read_only);
        *data = store.load_dataset();
    }
    // The session the pack prints, from the same core model.
    core::LiftSession session(const char* meeting) const {
        core::RulesEngine engine(*data, {});
        const auto today = *core::parse_date(kDemoToday);
        auto pick = core::pick_meeting(*data, "Maidstone", meeting, "", today);
        REQUIRE(pick.ok());
        return core::build_lift_session(*data, engine, *pick.meeting, {}, today);
    }
    CommandResult pack(const std::filesystem::path& db_file, const std::string& args) const {
        return run_command(binary + " pack --db " + quoted(db_file) + " --today " + kDemoToday +
                           " " + args);
    }
};

Demo& demo() {
    static Demo d;
    return d;
}

// The page (0-based) whose text starts with `heading`, or -1.
int page_starting(const std::vector<std::string>& pages, const std::string& heading) {
    for (size_t i = 0; i < pages.size(); ++i)
        if (flat(pages[i]).rfind(heading, 1) <= 1) return static_cast<int>(i);
    return -1;
}

}  // namespace

TEST_CASE("the pack has a cover with the agenda, then each booked pupil from a new page in order",
          "[report][pack]") {
    auto& d = demo();
    for (const char* meeting : {"2025-11-20", "2025-11-27", "2025-12-04"}) {
        INFO(meeting);
        const core::LiftSession session = d.session(meeting);
        REQUIRE_FALSE(session.agenda.empty());
        TempDir out;
        const auto file = out / "pack.pdf";
        auto result = d.pack(d.db, std::string("--meeting ") + meeting + " --out " + quoted(file));
        INFO(result.output);
        REQUIRE(result.status == 0);
        CHECK(file_mode(file) == 0600);
        const int pages = pdf_page_count(file);
        CHECK(result.output == file.string() + ": " + std::to_string(pages) + " pages, " +
                                   std::to_string(session.agenda.size()) +
                                   (session.agenda.size() == 1 ? " pupil\n" : " pupils\n"));
        const auto texts = pdf_pages(file);
        REQUIRE(static_cast<int>(texts.size()) == pages);
        for (int p = 0; p < pages; ++p)
            CHECK(texts[p].find("Page " + std::to_string(p + 1) + " of " + std::to_string(pages)) !=
                  std::string::npos);

        const std::string cover = flat(texts[0]);
        CHECK(cover.find("LIFT meeting pack") != std::string::npos);
        CHECK(cover.find(session.cover.date_text) != std::string::npos);
        CHECK(cover.find(session.cover.venue) != std::string::npos);
        CHECK(cover.find(session.cover.deadline_text) != std::string::npos);
        CHECK(cover.find("Agenda") != std::string::npos);
        int previous = 0;
        for (const auto& item : session.agenda) {
            INFO(item.ref);
            CHECK(cover.find(item.ref) != std::string::npos);  // on the agenda
            const int page = page_starting(texts, flat(item.slot + " " + item.booking.pupil_label));
            CHECK(page > previous);  // its own page, after the one before it
            previous = std::max(previous, page);
        }
        // Every page after the cover belongs to a case: at least one page each.
        CHECK(pages >= 1 + static_cast<int>(session.agenda.size()));
    }
}

TEST_CASE("the pack prints initials and refs, and full names only with --show-names",
          "[report][pack]") {
    auto& d = demo();
    const core::LiftSession session = d.session("2025-12-04");
    TempDir out;
    REQUIRE(d.pack(d.db, "--meeting 2025-12-04 --out " + quoted(out / "plain.pdf")).status == 0);
    REQUIRE(d.pack(d.db, "--meeting 2025-12-04 --show-names --out " + quoted(out / "named.pdf"))
                .status == 0);
    const std::string plain = flat(pdf_text(out / "plain.pdf"));
    const std::string named = flat(pdf_text(out / "named.pdf"));
    for (size_t i = 0; i < d.data->pupils.size(); ++i) {
        const std::string name = core::full_name(d.data->pupils[i]);
        if (name.empty()) continue;
        INFO(name);
        CHECK(plain.find(name) == std::string::npos);
    }
    for (const auto& item : session.agenda) {
        INFO(item.ref);
        CHECK(plain.find(flat(item.booking.pupil_label)) != std::string::npos);
        CHECK(named.find(item.booking.full_name) != std::string::npos);
    }
}

TEST_CASE("a note with a comma, a quote and Zoë survives from the inbox into the pack",
          "[report][pack]") {
    auto& d = demo();
    TempDir work;
    const auto db = work / "copy.db";
    std::filesystem::copy_file(d.db, db);
    const std::string ref = d.session("2025-11-20").agenda.front().ref;
    write_file(work / "events-note.csv",
               "pupil_ref,event,date,detail,note,owner,review_date\n" + ref +
                   ",recommendation,2025-11-20,health,\"Agreed: \"\"small steps\"\", with Zoë\","
                   "EP,2026-03-01\n");
    auto imported =
        run_command(binary + " import --db " + quoted(db) + " " + quoted(work / "events-note.csv"));
    INFO(imported.output);
    REQUIRE(imported.status == 0);
    auto result = d.pack(db, "--meeting 2025-11-20 --out " + quoted(work / "pack.pdf"));
    INFO(result.output);
    REQUIRE(result.status == 0);
    CHECK(flat(pdf_text(work / "pack.pdf")).find("Agreed: \"small steps\", with Zoë") !=
          std::string::npos);
}

TEST_CASE("a meeting nobody is booked for gives a one-page pack that says so", "[report][pack]") {
    auto& d = demo();
    TempDir out;
    auto result =
        d.pack(d.db, "--meeting 2025-11-20 --district Ashford --out " + quoted(out / "empty.pdf"));
    INFO(result.output);
    REQUIRE(result.status == 0);
    CHECK(result.output.find(": 1 page, 0 pupils") != std::string::npos);
    const std::string text = flat(pdf_text(out / "empty.pdf"));
    CHECK(text.find("Ashford") != std::string::npos);
    CHECK(text.find("No pupils are booked for this meeting.") != std::string::npos);
    CHECK(pdf_page_count(out / "empty.pdf") == 1);
}

TEST_CASE(
    "the pack goes to lift-pack-DATE.pdf by default, and an unknown meeting or bad date exits 2",
    "[report][pack]") {
    auto& d = demo();
    TempDir out;
    auto made = run_command("cd " + quoted(out.path()) + " && " + binary + " pack --db " +
                            quoted(d.db) + " --today " + kDemoToday + " --meeting 2025-11-27");
    INFO(made.output);
    REQUIRE(made.status == 0);
    CHECK(file_mode(out / "lift-pack-2025-11-27.pdf") == 0600);

    auto unknown = d.pack(d.db, "--meeting 2025-11-21 --out " + quoted(out / "x.pdf"));
    CHECK(unknown.status == 2);
    CHECK(unknown.output.rfind("liftboard pack: no LIFT meeting of Maidstone on 21 Nov 2025", 0) ==
          0);
    CHECK(count_of(unknown.output, "\n") == 1);
    auto bad = d.pack(d.db, "--meeting 2025-02-30 --out " + quoted(out / "x.pdf"));
    CHECK(bad.status == 2);
    CHECK(bad.output == "liftboard pack: '2025-02-30' is not a date: use YYYY-MM-DD\n");
    CHECK_FALSE(std::filesystem::exists(out / "x.pdf"));
}

TEST_CASE("the pack's time slots follow [session] of --config, and the flags override it",
          "[report][pack]") {
    auto& d = demo();
    TempDir out;
    const auto config = out / "liftboard.toml";
    write_file(config, "[session]\nstart = \"13:00\"\nminutes_per_case = 15\n");
    const core::LiftSession session = d.session("2025-11-27");
    REQUIRE(session.agenda.size() >= 2);
    const std::string first = session.agenda[0].booking.pupil_label;
    const std::string second = session.agenda[1].booking.pupil_label;

    auto from_config = d.pack(d.db, "--meeting 2025-11-27 --config " + quoted(config) +
                                        " --out " + quoted(out / "config.pdf"));
    INFO(from_config.output);
    REQUIRE(from_config.status == 0);
    auto pages = pdf_pages(out / "config.pdf");
    CHECK(page_starting(pages, flat("13:00 – 13:15 " + first)) > 0);
    CHECK(page_starting(pages, flat("13:15 – 13:30 " + second)) > 0);
    CHECK(flat(pages[0]).find("15 min a case") != std::string::npos);

    auto flags = d.pack(d.db, "--meeting 2025-11-27 --config " + quoted(config) +
                                  " --start 10:00 --minutes-per-case 25 --out " +
                                  quoted(out / "flags.pdf"));
    INFO(flags.output);
    REQUIRE(flags.status == 0);
    pages = pdf_pages(out / "flags.pdf");
    CHECK(page_starting(pages, flat("10:00 – 10:25 " + first)) > 0);
    CHECK(page_starting(pages, flat("10:25 – 10:50 " + second)) > 0);
    CHECK(flat(pages[0]).find("25 min a case") != std::string::npos);
}

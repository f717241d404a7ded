// Legible across the room, checked rather than judged by eye: the App in kiosk mode (a
// real, invisible window under Xvfb) draws every board, every page of it, for a 55-inch
// 1080p wall read from 3 m and a 43-inch one read from 2 m, and every glyph in the
// frame's draw lists (support/glyph_survey.hpp) is measured:
//   - its capital height on that screen is at least 1/200 of the viewing distance, and
//     the headline figures (the clock, the counts) at least 1/100;
//   - its colour against the fills beneath it reaches 7:1 (WCAG AAA);
//   - nothing is cut: no ellipsis, no glyph outside its clip rectangle or cut by one.
// The desk keeps its sizes and needs 4.5:1 (AA). Control cases show the check fails on a
// deliberately small, low-contrast or cut text.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/frame_clock.hpp"
#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "support/demo_district.hpp"
#include "support/glyph_survey.hpp"
#include "support/temp_dir.hpp"
#include "widgets/contrast.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/theme.hpp"
#include "widgets/type_scale.hpp"

using test_support::GlyphSurvey;
using test_support::SurveyedGlyph;

namespace {

struct Wall {
    const char* name;
    float diagonal_in;
    float distance_m;
    int width, height;
};
constexpr Wall k55at3{"55-inch 1080p wall read from 3 m", 55.0f, 3.0f, 1920, 1080};
constexpr Wall k43at2{"43-inch 1080p wall read from 2 m", 43.0f, 2.0f, 1920, 1080};

// The 300-pupil demo district, generated once for the whole test run.
std::shared_ptr<const core::Snapshot> demo() {
    static test_support::TempDir dir;
    static std::shared_ptr<const core::Snapshot> snapshot = [] {
        const auto db = test_support::make_demo(dir);
        db::Store store(db, db::Store::Access::read_only);
        core::SnapshotOptions options;
        options.today = *core::parse_date(test_support::kDemoToday);
        return db::snapshot_from_store(store, options, 1);
    }();
    return snapshot;
}

app::AppOptions wall_options(const Wall& wall) {
    app::AppOptions options;
    options.window.size = {wall.width, wall.height};
    options.window.visible = false;
    options.window.vsync = false;
    options.kiosk = true;
    options.screen_diagonal_in = wall.diagonal_in;
    options.viewing_distance_m = wall.distance_m;
    options.contact_line = "Emergencies: STLS School Age Lead, 01234 000000 (office hours)";
    return options;
}

widgets::ViewingGeometry geometry_of(const Wall& wall) {
    widgets::ViewingGeometry g;
    g.screen_height_mm = widgets::screen_height_mm(wall.diagonal_in, wall.width, wall.height);
    g.screen_height_px = wall.height;
    g.distance_m = wall.distance_m;
    return g;
}

std::string describe(const SurveyedGlyph& g, const GlyphSurvey& survey) {
    std::string run;
    for (const SurveyedGlyph& other : survey.glyphs)
        if (other.run == g.run) test_support::append_utf8(run, other.codepoint);
    std::string ch;
    test_support::append_utf8(ch, g.codepoint);
    std::ostringstream out;
    out << "'" << ch << "' in \"" << run << "\" at (" << g.min.x << ", " << g.min.y << ")";
    return out.str();
}

// What is wrong with the frame's text for `geometry` (no size check when null), at
// least `min_contrast`; empty when all is well. One line per kind and run.
std::vector<std::string> problems(const GlyphSurvey& survey,
                                  const widgets::ViewingGeometry* geometry, float min_contrast) {
    std::vector<std::string> found;
    std::set<std::pair<size_t, int>> seen;  // (run, kind): one report per line of text
    auto report = [&](const SurveyedGlyph& g, int kind, const std::string& what) {
        if (seen.insert({g.run, kind}).second) found.push_back(what + ": " + describe(g, survey));
    };
    for (const SurveyedGlyph& g : survey.glyphs) {
        if (geometry) {
            const float cap = widgets::cap_height_mm(g.pixels, *geometry);
            if (cap < geometry->body_cap_mm() - 0.01f)
                report(g, 0,
                       "capitals " + std::to_string(cap) + " mm, under " +
                           std::to_string(geometry->body_cap_mm()) + " mm");
        }
        if (g.contrast() < min_contrast)
            report(g, 1, "contrast " + std::to_string(g.contrast()) + ":1");
        if (g.codepoint == 0x2026) report(g, 2, "cut with an ellipsis");
        if (!g.unclipped()) report(g, 3, "cut by its clip rectangle");
    }
    if (survey.cut_glyphs > 0)
        found.push_back(std::to_string(survey.cut_glyphs) + " glyph quads cut on the CPU");
    return found;
}

// The capital height (mm) of `text` (spaces ignored) where it is drawn largest (the
// clock's time is also in the "data as of" line); -1 when it is not drawn.
float cap_mm_of(const GlyphSurvey& survey, std::string_view text,
                const widgets::ViewingGeometry& geometry) {
    std::string packed;
    for (char c : text)
        if (c != ' ') packed += c;
    // Glyphs in draw order, with the byte offset of each in the decoded text.
    std::string all;
    std::vector<size_t> starts;
    for (size_t i = 0; i < survey.glyphs.size(); ++i) {
        if (i && survey.glyphs[i].run != survey.glyphs[i - 1].run) all += '\n';
        starts.push_back(all.size());
        test_support::append_utf8(all, survey.glyphs[i].codepoint);
    }
    float largest = -1.0f;
    for (size_t at = all.find(packed); at != std::string::npos; at = all.find(packed, at + 1)) {
        float smallest = 1e9f;
        for (size_t i = 0; i < starts.size(); ++i)
            if (starts[i] >= at && starts[i] < at + packed.size())
                smallest =
                    std::min(smallest, widgets::cap_height_mm(survey.glyphs[i].pixels, geometry));
        largest = std::max(largest, smallest);
    }
    return largest;
}

// Renders the current board until its layout settles, then surveys the frame.
GlyphSurvey settled_frame(app::App& app) {
    app.render_frame();
    app.render_frame();
    app.render_frame();
    return test_support::survey_glyphs(widgets::palette().background);
}

// Every board and page on `wall`: no problem, and the headline figures in headline type.
void check_wall(const Wall& wall) {
    const auto snapshot = demo();
    app::App app(wall_options(wall));
    app.channel().publish(snapshot);
    const widgets::ViewingGeometry geometry = geometry_of(wall);
    REQUIRE(app.geometry());
    CHECK(app.geometry()->screen_height_mm == Approx(geometry.screen_height_mm));
    REQUIRE_FALSE(app.fonts().fallback);  // the cap height rule is DejaVu's

    for (std::string_view board : app::App::board_names()) {
        REQUIRE(app.select_board(board));
        app.show_page(0);
        settled_frame(app);
        const size_t pages = app.board().pages();
        for (size_t page = 0; page < pages; ++page) {
            INFO(wall.name << ", board " << board << ", page " << page + 1 << " of " << pages);
            app.show_page(page);
            const auto drawn_from = std::chrono::system_clock::now();
            const GlyphSurvey survey = settled_frame(app);
            REQUIRE(survey.glyphs.size() > 50);  // it did draw
            const std::vector<std::string> found =
                problems(survey, &geometry, widgets::kKioskContrast);
            for (size_t i = 0; i < std::min<size_t>(found.size(), 12); ++i) UNSCOPED_INFO(found[i]);
            CHECK(found.empty());

            // Headline figures: the clock (the frame showed the minute from before it was
            // drawn or, if the minute turned meanwhile, the one after) and the first count.
            float clock = cap_mm_of(survey, app::clock_text(drawn_from), geometry);
            if (clock < 0.0f)
                clock =
                    cap_mm_of(survey, app::clock_text(std::chrono::system_clock::now()), geometry);
            CHECK(clock >= geometry.headline_cap_mm() - 0.01f);
            std::string count;
            if (board == "caseload")
                count = std::to_string(snapshot->caseload.size()) + " open cases";
            if (board == "meetings")
                count = std::to_string(snapshot->meetings.booked) + " pupils booked";
            if (board == "triage") count = std::to_string(snapshot->triage.rows.size()) + " pupils";
            if (!count.empty()) {
                INFO("headline " << count);
                CHECK(cap_mm_of(survey, count, geometry) >= geometry.headline_cap_mm() - 0.01f);
            }
        }
    }
}

}  // namespace

TEST_CASE(
    "kiosk: every board and page on a 55-inch wall at 3 m has 15 mm capitals, 7:1 contrast, "
    "nothing cut") {
    check_wall(k55at3);
}

TEST_CASE(
    "kiosk: every board and page on a 43-inch wall at 2 m has 10 mm capitals, 7:1 contrast, "
    "nothing cut") {
    check_wall(k43at2);
}

TEST_CASE("desk: every board keeps 4.5:1 contrast at its own sizes") {
    const auto snapshot = demo();
    app::AppOptions options = wall_options(k55at3);
    options.kiosk = false;
    app::App app(options);
    app.channel().publish(snapshot);
    CHECK_FALSE(app.geometry());
    for (std::string_view board : app::App::board_names()) {
        INFO("board " << board);
        REQUIRE(app.select_board(board));
        const GlyphSurvey survey = settled_frame(app);
        REQUIRE(survey.glyphs.size() > 50);
        CHECK(app.fonts().body->FontSize == Approx(widgets::FontSizes::body));  // built by now
        std::vector<std::string> found;
        for (const SurveyedGlyph& g : survey.glyphs)
            if (g.contrast() < widgets::kDeskContrast) found.push_back(describe(g, survey));
        for (size_t i = 0; i < std::min<size_t>(found.size(), 12); ++i) UNSCOPED_INFO(found[i]);
        CHECK(found.empty());
    }
}

TEST_CASE("the DejaVu capital height the sizes rest on is the one in the font atlas") {
    app::App app(wall_options(k55at3));
    app.render_frame();  // the atlas is built with the first frame
    const widgets::Fonts& fonts = app.fonts();
    REQUIRE_FALSE(fonts.fallback);
    for (const ImFont* font : {fonts.body, fonts.bold, fonts.small, fonts.title}) {
        const ImFontGlyph* h = font->FindGlyphNoFallback('H');
        REQUIRE(h);
        // The glyph's bitmap box is the outline rounded out to whole pixels.
        const float expected = font->FontSize * widgets::kCapHeightPerPixel;
        CHECK(h->Y1 - h->Y0 >= expected - 0.01f);
        CHECK(h->Y1 - h->Y0 <= expected + 2.0f);
    }
}

namespace {

// Draws a line of text as asked, so the check can be shown to catch it.
class ProbeBoard final : public widgets::Board {
  public:
    enum class Fault { none, small, faint, cut };
    explicit ProbeBoard(Fault fault) : fault_(fault) {}
    std::string_view name() const override { return "probe"; }
    std::string_view title() const override { return "Probe"; }
    void draw(const core::Snapshot&, const widgets::BoardContext& context) override {
        const widgets::Palette& p = widgets::palette();
        ImGui::TextUnformatted("Legible line");
        ImFont* body = context.fonts->body;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        switch (fault_) {
            case Fault::none:
                draw->AddText(body, body->FontSize, at, widgets::to_u32(p.text), "Fine print");
                break;
            case Fault::small:  // desk-sized secondary text on the wall
                draw->AddText(body, widgets::FontSizes::small, at, widgets::to_u32(p.text),
                              "Fine print");
                break;
            case Fault::faint:  // the old dim grey on the old header blue: 5.9:1
                draw->AddRectFilled(at, ImVec2(at.x + 600, at.y + 80),
                                    widgets::to_u32(ImVec4(0.16f, 0.24f, 0.38f, 1)));
                draw->AddText(body, body->FontSize, at,
                              widgets::to_u32(ImVec4(0.72f, 0.75f, 0.80f, 1)), "Fine print");
                break;
            case Fault::cut: {
                ImGui::PushClipRect(at, ImVec2(at.x + 60, at.y + 200), true);
                draw->AddText(body, body->FontSize, at, widgets::to_u32(p.text), "Fine print");
                ImGui::PopClipRect();
                break;
            }
        }
    }

  private:
    Fault fault_;
};

// One App for every probe: a process that opens and closes several displays in turn
// races Xvfb's reset when its last client leaves.
std::vector<std::string> probe_problems(app::App& app, ProbeBoard::Fault fault) {
    app.add_board(std::make_unique<ProbeBoard>(fault));  // replaces the last probe
    REQUIRE(app.select_board("probe"));
    const GlyphSurvey survey = settled_frame(app);
    if (fault != ProbeBoard::Fault::cut)
        REQUIRE(survey.text().find("Fineprint") != std::string::npos);
    const widgets::ViewingGeometry geometry = geometry_of(k55at3);
    return problems(survey, &geometry, widgets::kKioskContrast);
}

bool any_contains(const std::vector<std::string>& lines, std::string_view what) {
    for (const std::string& line : lines)
        if (line.find(what) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("control: the check passes a legible probe and fails a small, a faint and a cut one") {
    app::App app(wall_options(k55at3));
    app.channel().publish(std::make_shared<core::Snapshot>());
    const auto fine = probe_problems(app, ProbeBoard::Fault::none);
    for (const std::string& line : fine) UNSCOPED_INFO(line);
    CHECK(fine.empty());
    const auto small = probe_problems(app, ProbeBoard::Fault::small);
    CHECK(any_contains(small, "capitals"));
    CHECK(any_contains(small, "Fineprint"));
    const auto faint = probe_problems(app, ProbeBoard::Fault::faint);
    CHECK(any_contains(faint, "contrast"));
    CHECK(any_contains(faint, "Fineprint"));
    const auto cut = probe_problems(app, ProbeBoard::Fault::cut);
    CHECK((any_contains(cut, "cut by its clip rectangle") || any_contains(cut, "cut on the CPU")));
}

// The trends board drawn headless on the demo district: a chart per figure with one bar
// per term of the snapshot, values as the figures say, the national line on the EHC
// plan chart, teacher loads drawn - and no pupil identifier at all, not even with
// privacy off (the board shows counts only).
#include <catch2/catch.hpp>
#include <set>

#include "db/store.hpp"
#include "db/sync/store_snapshot.hpp"
#include "support/demo_district.hpp"
#include "support/headless_imgui.hpp"
#include "support/temp_dir.hpp"
#include "widgets/trends_board.hpp"

namespace {

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

}  // namespace

TEST_CASE("trends board: a chart per figure, a bar per term, values from the snapshot") {
    test_support::HeadlessImGui ui;
    widgets::TrendsBoard board;
    const core::Snapshot& s = *demo();
    auto drawn = ui.frame(board, s);
    REQUIRE(s.trends.terms.size() == 6);
    REQUIRE(board.charts().size() == 12);
    for (const auto& chart : board.charts()) CHECK(chart.values.size() == 6);
    const auto& bookings = board.charts().front();
    CHECK(bookings.title == "LIFT bookings");
    CHECK(bookings.values.back() == s.trends.terms.back().lift_bookings);
    CHECK(bookings.labels.back() == std::to_string(s.trends.terms.back().lift_bookings));
    const auto& ehcp = board.charts().back();
    REQUIRE(ehcp.reference);
    CHECK(*ehcp.reference == Approx(50.3));
    // Glyph runs break at the small font's "." (the decoder's reading): match up to it.
    CHECK(drawn.contains("England 50"));
    CHECK(drawn.contains("Teacher load"));
    CHECK(drawn.contains(s.teacher_loads.front().name));
    CHECK(drawn.contains("Au 25"));
}

TEST_CASE("trends board: no pupil identifier is drawn, even with privacy off") {
    test_support::HeadlessImGui ui;
    widgets::TrendsBoard board;
    const core::Snapshot& s = *demo();
    std::set<std::string> staff;
    for (const core::Staff& member : s.data->staff) staff.insert(member.name);
    for (bool privacy : {true, false}) {
        auto drawn = ui.frame(board, s, privacy);
        REQUIRE(drawn.contains("Trends"));  // the check sees what the board draws
        for (const core::PupilEntry p : s.data->pupils) {
            CHECK_FALSE(drawn.contains(p.pupil_ref));
            CHECK_FALSE(drawn.contains(core::pupil_label(p)));
            const std::string name = core::full_name(p);
            if (!p.first_name.empty() && !p.last_name.empty() && !staff.count(name))
                CHECK_FALSE(drawn.contains(name));
        }
    }
}

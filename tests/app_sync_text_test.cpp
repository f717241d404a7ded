// The sync texts of the status bar and the stale/failed/disk-full banner, and that banner
// drawn as the board's red strip (headless: the same draw call the app makes).
#include <catch2/catch.hpp>

#include "app/sync_text.hpp"
#include "support/headless_imgui.hpp"
#include "widgets/alert_strip.hpp"
#include "widgets/draw_helpers.hpp"

using namespace std::chrono_literals;

TEST_CASE("no banner and no sync text without a sync source") {
    core::SyncStatus status;
    auto now = std::chrono::system_clock::now();
    CHECK(app::last_sync_text(status.read(), now).empty());
    CHECK(app::sync_banner_text(status.read(), 24h, now).empty());
}

TEST_CASE("fresh data: a sync time and no banner") {
    core::SyncStatus status;
    status.set_source_configured(true);
    status.record_success();
    auto now = std::chrono::system_clock::now();
    CHECK_THAT(app::last_sync_text(status.read(), now), Catch::StartsWith("synced "));
    CHECK(app::sync_banner_text(status.read(), 24h, now).empty());
}

TEST_CASE("stale data gets a banner saying how old it is") {
    core::SyncStatus status;
    status.set_source_configured(true);
    auto now = std::chrono::system_clock::now();
    CHECK_THAT(app::sync_banner_text(status.read(), 24h, now),
               Catch::Contains("no successful sync yet"));
    status.restore_last_success(now - 26h);
    auto banner = app::sync_banner_text(status.read(), 24h, now);
    CHECK_THAT(banner, Catch::Contains("out of date") && Catch::Contains("26 h ago"));
    CHECK(app::sync_banner_text(status.read(), 48h, now).empty());
}

TEST_CASE("a failed import is shown until the next success") {
    core::SyncStatus status;
    status.set_source_configured(true);
    status.record_success();
    status.record_failure("pupils.csv: refused (1 problem)");
    auto now = std::chrono::system_clock::now();
    auto banner = app::sync_banner_text(status.read(), 24h, now);
    CHECK_THAT(banner, Catch::Contains("pupils.csv: refused") && Catch::Contains("last good data"));
    status.record_success();
    CHECK(app::sync_banner_text(status.read(), 24h, now).empty());
}

namespace {

// What the app draws above a board: the sync banner as an alert strip.
class BannerBoard final : public widgets::Board {
  public:
    explicit BannerBoard(const core::SyncStatus& status) : status_(status) {}
    std::string_view name() const override { return "banner"; }
    std::string_view title() const override { return "Banner"; }
    void draw(const core::Snapshot&, const widgets::BoardContext& context) override {
        widgets::draw_alert_strip(
            app::sync_banner_text(status_.read(), 24h, std::chrono::system_clock::now()), context);
    }

  private:
    const core::SyncStatus& status_;
};

bool frame_has_colour(ImU32 colour) {
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer)
            if (v.col == colour) return true;
    return false;
}

}  // namespace

TEST_CASE(
    "a full disk puts a red strip over the board saying nothing new is saved, until it "
    "clears") {
    core::SyncStatus status;
    status.set_source_configured(true);
    status.record_success();
    status.record_failure("events.csv: failed, not applied (1 problem)");
    status.set_disk_full("the disk is full (the store /srv/store.db)");
    auto now = std::chrono::system_clock::now();
    CHECK_THAT(app::sync_banner_text(status.read(), 24h, now),
               Catch::StartsWith("Not saved: the disk is full (the store /srv/store.db)") &&
                   Catch::Contains("last good data"));

    test_support::HeadlessImGui imgui;
    BannerBoard board(status);
    core::Snapshot snapshot;
    const ImU32 red = widgets::to_u32(widgets::palette().blocked);
    auto drawn = imgui.frame(board, snapshot);
    CHECK(drawn.contains("Not saved: the disk is full"));
    CHECK(frame_has_colour(red));

    status.clear_disk_full();
    status.record_success();
    drawn = imgui.frame(board, snapshot);
    CHECK_FALSE(drawn.contains("disk is full"));
    CHECK_FALSE(frame_has_colour(red));
}

// The dashboard application: owns the window, the fonts, the boards and the snapshot
// channel; runs the event-driven loop (sleep until input, a new snapshot or the next
// clock minute), and renders single frames for screenshots and benchmarks.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/display_power.hpp"
#include "app/kiosk_schedule.hpp"
#include "app/window.hpp"
#include "core/snapshot_channel.hpp"
#include "core/sync_status.hpp"
#include "widgets/board.hpp"
#include "widgets/fonts.hpp"
#include "widgets/status_bar.hpp"
#include "widgets/store_problem_panel.hpp"

namespace app {

struct AppOptions {
    WindowOptions window;
    std::string board = "caseload";          // one of App::board_names()
    bool privacy = true;                     // off only for an office screen (--show-names)
    const core::SyncStatus* sync = nullptr;  // the writer's status; null when none runs
    std::string home_district = "Maidstone";
    std::string user;  // who edits, for the audit trail
    bool kiosk = false;
    std::chrono::hours stale_after{24};  // banner when no sync succeeded for this long
    // Kiosk: the boards shown in turn (names; empty = all) and the rotation's timing.
    std::vector<std::string> rotation;
    KioskSchedule::Settings schedule;
    std::string contact_line;  // emergency contact, on every board
    // Kiosk: the wall's size when the display does not report it, and the distance it is
    // read from; the type is sized for these (widgets/type_scale.hpp).
    float screen_diagonal_in = 55.0f;
    float viewing_distance_m = 3.0f;
    bool dpms = true;  // kiosk nights: switch the display off where X offers DPMS
    // Benchmarks: leave run() after the first frame presented, or the first with data.
    enum class ExitAfter { never, first_frame, first_data_frame } exit_after = ExitAfter::never;
};

// What the frame loop lets a supervisor do on the UI thread (the control endpoint,
// systemd notification, config reload: app/kiosk_control.hpp).
class LoopHooks {
  public:
    virtual ~LoopHooks() = default;
    // Each turn of run()'s loop, before the frame: answer queued requests.
    virtual void before_frame() {}
    // After each frame is presented (a night screen's black frame too).
    virtual void frame_presented() {}
    // The longest the loop may sleep, when the supervisor needs frames to keep coming.
    virtual std::optional<double> max_sleep_seconds() const { return std::nullopt; }
};

struct FrameStats {
    double cpu_ms = 0.0;  // thread CPU time from ImGui::NewFrame to ImGui::Render
    bool error = false;   // the frame threw and was recovered
};

class App {
  public:
    // Opens the window and loads fonts; throws std::runtime_error when the window
    // cannot be created or `options.board` is not a known board. Snapshots arrive on
    // `channel` when given (a writer started before the window, so its first snapshot is
    // built while the window and fonts are set up), else on a channel of its own.
    explicit App(const AppOptions& options, core::SnapshotChannel* channel = nullptr);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // The boards this build has, by --board name.
    static std::vector<std::string_view> board_names();
    // A new board of that name, or null; what the App fills its list with (tests draw
    // every board headlessly through it).
    static std::unique_ptr<widgets::Board> create_board(std::string_view name);

    // Publish snapshots here (from any thread); the loop redraws when one lands.
    core::SnapshotChannel& channel() { return channel_; }
    // Where boards send triage edits (the writer); null keeps every board read-only.
    void set_command_sink(core::CommandSink* commands) { commands_ = commands; }
    // The database could not be used at start: every board shows this instead of data.
    void show_store_problem(widgets::StoreProblemText problem) {
        store_problem_ = std::move(problem);
    }
    widgets::Board& board() { return *boards_[active_]; }
    // Shows the board named `name`; false (and no change) when there is none.
    bool select_board(std::string_view name);
    // Kiosk: shows page `page` of the board on show until the rotation moves on (tests,
    // screenshots); no effect on a desk, where lists scroll.
    void show_page(size_t page) {
        if (schedule_) schedule_->show_page(page);
    }
    // The board named `name`, or null.
    widgets::Board* find_board(std::string_view name);
    // Adds a board, replacing one of the same name (tests; later, configured boards).
    void add_board(std::unique_ptr<widgets::Board> board);
    // Shows the board named `name` as a tab click does (the kiosk pauses its rotation
    // on it); false when there is none.
    bool show_board(std::string_view name);
    // Kiosk: the next board of the rotation (a ctl request; pauses like a touch).
    void next_board();
    // A blank screen until set_blanked(false), whatever the hour.
    void set_blanked(bool blanked) { blanked_ = blanked; }
    // As a touch does: pause the rotation, wake a night screen.
    void wake_up();
    // rotating | paused | night | blank (kiosk); window otherwise.
    std::string kiosk_state() const;
    // The display's DPMS state: on | off | unavailable | disabled.
    std::string screen_power() const { return power_.state(); }
    // A config reload: the rotation, timings, night hours, privacy, stale threshold,
    // contact line and home district of `options` take effect; the window stays.
    void apply_settings(const AppOptions& options);
    void set_loop_hooks(LoopHooks* hooks) { hooks_ = hooks; }
    const widgets::Fonts& fonts() const { return fonts_; }
    // Kiosk: the screen and distance the type was sized for; nullopt on a desk.
    const std::optional<widgets::ViewingGeometry>& geometry() const { return geometry_; }
    Window& window() { return window_; }

    // Runs until the window is closed; returns the process exit code.
    int run();
    // Draws one complete frame into the back buffer without presenting it.
    FrameStats render_frame();
    void present() { window_.swap(); }
    // Renders a few frames so layout settles, then writes the last one to `png`.
    bool screenshot(const std::filesystem::path& png, std::string& error);

  private:
    template <class Draw>
    bool guarded(Draw&& draw, const core::Snapshot* snapshot);
    void draw_board(const core::Snapshot* snapshot, const widgets::BoardContext& context);
    void draw_status_bar(const core::Snapshot* snapshot, const widgets::BoardContext& context);
    void handle_keys();
    // Shows board `index` because the user asked for it (tab, key).
    void choose_board(size_t index);
    // Kiosk: follows the rotation; returns whether the screen is blank (night).
    bool follow_schedule();
    void set_rotation(const AppOptions& options);
    double seconds_to_sleep() const;
    void record_error(const std::string& what, const core::Snapshot* snapshot);
    void release_old_snapshot_memory();

    Window window_;
    widgets::Fonts fonts_;
    std::optional<widgets::ViewingGeometry> geometry_;
    widgets::StatusBar status_bar_;
    std::vector<std::unique_ptr<widgets::Board>> boards_;
    size_t active_ = 0;
    bool privacy_ = true;
    const core::SyncStatus* sync_ = nullptr;
    core::CommandSink* commands_ = nullptr;
    std::string home_district_, user_;
    bool kiosk_ = false;
    AppOptions::ExitAfter exit_after_ = AppOptions::ExitAfter::never;
    std::optional<KioskSchedule> schedule_;
    bool live_ = false;             // inside run(): a screen people look at, not a screenshot
    std::vector<size_t> rotation_;  // indices into boards_, in rotation order
    std::string contact_line_;
    std::chrono::hours stale_after_{24};
    bool blanked_ = false;        // by request (ctl blank)
    bool showing_blank_ = false;  // the last frame was black (night or blanked)
    LoopHooks* hooks_ = nullptr;
    DisplayPower power_;
    core::SnapshotChannel own_channel_;
    core::SnapshotChannel& channel_;
    // The last drawing error and the snapshot it happened on; a new snapshot clears it.
    std::string error_line_;
    std::optional<widgets::StoreProblemText> store_problem_;
    uint64_t error_generation_ = 0;
    uint64_t drawn_generation_ = 0;  // snapshot of the last frame; see release_old_snapshot_memory
};

}  // namespace app

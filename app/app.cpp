// The dashboard application (see app.hpp).
#include "app/app.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <optional>
#include <stdexcept>

#include "app/frame_clock.hpp"
#include "app/screenshot.hpp"
#include "app/sync_text.hpp"
#include "core/hub_status_text.hpp"
#include "db/sync/release_memory.hpp"
#include "widgets/alert_strip.hpp"
#include "widgets/board_tabs.hpp"
#include "widgets/caseload_board.hpp"
#include "widgets/lookup_board.hpp"
#include "widgets/meetings_board.hpp"
#include "widgets/session_board.hpp"
#include "widgets/theme.hpp"
#include "widgets/trends_board.hpp"
#include "widgets/triage_board.hpp"

namespace app {
namespace {

// ImGui tells what it had to unwind after a throwing frame; the log keeps it.
void log_recovery(void*, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    std::fputs("liftboard: recovering ImGui state: ", stderr);
    std::vfprintf(stderr, format, args);
    std::fputc('\n', stderr);
    va_end(args);
}

std::unique_ptr<widgets::Board> make_board(std::string_view name) {
    if (name == "caseload") return std::make_unique<widgets::CaseloadBoard>();
    if (name == "meetings") return std::make_unique<widgets::MeetingsBoard>();
    if (name == "triage") return std::make_unique<widgets::TriageBoard>();
    if (name == "lookup") return std::make_unique<widgets::LookupBoard>();
    if (name == "trends") return std::make_unique<widgets::TrendsBoard>();
    if (name == "session") return std::make_unique<widgets::SessionBoard>();
    return nullptr;
}

// The wall's geometry: the size the display reports when it is believable (a fullscreen
// window on a monitor), else the configured diagonal, at the configured distance.
widgets::ViewingGeometry kiosk_geometry(const AppOptions& options, WindowSize framebuffer,
                                        std::optional<WindowSize> reported_mm) {
    widgets::ViewingGeometry geometry;
    geometry.screen_height_px = framebuffer.height;
    geometry.distance_m = options.viewing_distance_m;
    std::optional<float> height;
    if (reported_mm)
        height = widgets::reported_height_mm(reported_mm->width, reported_mm->height,
                                             framebuffer.width, framebuffer.height);
    geometry.screen_height_mm =
        height ? *height
               : widgets::screen_height_mm(options.screen_diagonal_in, framebuffer.width,
                                           framebuffer.height);
    return geometry;
}

// While a board waits for a command's answer (which wakes nobody), frames come this often.
constexpr double kWaitingPollSeconds = 0.05;

// After a wake-up ImGui needs one more frame to settle hover and click state.
constexpr int kSettleFrames = 1;
// Screenshots render this many frames first: table column widths and the clipper's
// row height are measured on the first frames.
constexpr int kScreenshotFrames = 3;

}  // namespace

std::vector<std::string_view> App::board_names() {
    return {"caseload", "meetings", "triage", "lookup", "session", "trends"};
}

std::unique_ptr<widgets::Board> App::create_board(std::string_view name) {
    return make_board(name);
}

App::App(const AppOptions& options, core::SnapshotChannel* channel)
    : window_(options.window),
      privacy_(options.privacy),
      sync_(options.sync),
      home_district_(options.home_district),
      user_(options.user),
      kiosk_(options.kiosk),
      stale_after_(options.stale_after),
      power_(options.dpms && options.kiosk),
      channel_(channel ? *channel : own_channel_) {
    for (std::string_view name : board_names()) boards_.push_back(make_board(name));
    if (!select_board(options.board)) throw std::runtime_error("unknown board: " + options.board);
    contact_line_ = options.contact_line;
    exit_after_ = options.exit_after;
    if (kiosk_) set_rotation(options);

    const WindowSize framebuffer = window_.framebuffer_size();
    const float scale = widgets::ui_scale(framebuffer.height, window_.content_scale());
    widgets::FontPixels sizes = widgets::desk_font_pixels(scale);
    if (kiosk_) {
        geometry_ = kiosk_geometry(options, framebuffer, window_.monitor_size_mm());
        sizes = widgets::kiosk_font_pixels(*geometry_, scale);
        std::fprintf(stderr,
                     "liftboard: type for a screen %.0f mm high read from %.1f m: body %.1f px, "
                     "headlines %.1f px\n",
                     static_cast<double>(geometry_->screen_height_mm),
                     static_cast<double>(geometry_->distance_m), static_cast<double>(sizes.body),
                     static_cast<double>(sizes.title));
    }
    fonts_ = widgets::load_fonts(*ImGui::GetIO().Fonts, sizes);
    widgets::apply_theme(sizes.scale);
    channel_.set_waker(&Window::wake);
}

void App::set_rotation(const AppOptions& options) {
    rotation_.clear();
    for (const std::string& name : options.rotation) {
        for (size_t i = 0; i < boards_.size(); ++i)
            if (boards_[i]->name() == name) rotation_.push_back(i);
    }
    if (rotation_.empty())
        for (size_t i = 0; i < boards_.size(); ++i) rotation_.push_back(i);
    // The rotation starts at the board on screen, when it is in the rotation.
    auto first = std::find(rotation_.begin(), rotation_.end(), active_);
    if (first != rotation_.end()) std::rotate(rotation_.begin(), first, rotation_.end());
    KioskSchedule::Settings settings = options.schedule;
    settings.board_count = rotation_.size();
    schedule_.emplace(settings, std::chrono::steady_clock::now());
}

void App::apply_settings(const AppOptions& options) {
    privacy_ = options.privacy;
    stale_after_ = options.stale_after;
    contact_line_ = options.contact_line;
    home_district_ = options.home_district;
    power_.set_enabled(options.dpms && kiosk_);
    if (kiosk_) set_rotation(options);
}

bool App::show_board(std::string_view name) {
    for (size_t i = 0; i < boards_.size(); ++i) {
        if (boards_[i]->name() == name) {
            choose_board(i);
            return true;
        }
    }
    return false;
}

void App::next_board() {
    if (rotation_.empty()) {
        choose_board((active_ + 1) % boards_.size());
        return;
    }
    auto at = std::find(rotation_.begin(), rotation_.end(), active_);
    const size_t next = at == rotation_.end()
                            ? 0
                            : static_cast<size_t>(at - rotation_.begin() + 1) % rotation_.size();
    choose_board(rotation_[next]);
}

void App::wake_up() {
    if (schedule_) schedule_->on_input(std::chrono::steady_clock::now());
}

std::string App::kiosk_state() const {
    if (blanked_) return "blank";
    if (!schedule_) return "window";
    const auto now = std::chrono::steady_clock::now();
    if (schedule_->blank(now, local_clock_time(std::chrono::system_clock::now()))) return "night";
    return schedule_->paused(now) ? "paused" : "rotating";
}

App::~App() {
    channel_.set_waker(nullptr);
}

bool App::select_board(std::string_view name) {
    for (size_t i = 0; i < boards_.size(); ++i) {
        if (boards_[i]->name() == name) {
            active_ = i;
            return true;
        }
    }
    return false;
}

widgets::Board* App::find_board(std::string_view name) {
    for (auto& board : boards_)
        if (board->name() == name) return board.get();
    return nullptr;
}

void App::add_board(std::unique_ptr<widgets::Board> board) {
    for (auto& existing : boards_) {
        if (existing->name() == board->name()) {
            existing = std::move(board);
            return;
        }
    }
    boards_.push_back(std::move(board));
}

template <class Draw>
bool App::guarded(Draw&& draw, const core::Snapshot* snapshot) {
    // A frame never takes the kiosk down: unwind ImGui, show the error, keep going with
    // the same (immutable, still good) snapshot.
    try {
        draw();
        return true;
    } catch (const std::exception& e) {
        ImGui::ErrorCheckEndFrameRecover(log_recovery);
        record_error(e.what(), snapshot);
    } catch (...) {
        ImGui::ErrorCheckEndFrameRecover(log_recovery);
        record_error("unknown error", snapshot);
    }
    return false;
}

FrameStats App::render_frame() {
    FrameStats stats;
    // Loaded once: the whole frame draws one snapshot even if a newer one lands.
    const std::shared_ptr<const core::Snapshot> snapshot = channel_.current();
    if (snapshot && snapshot->generation != error_generation_) error_line_.clear();
    widgets::BoardContext context;
    context.privacy = privacy_;
    context.scale = fonts_.scale;
    context.fonts = &fonts_;
    if (snapshot) context.today = snapshot->today;
    context.kiosk = kiosk_;
    if (schedule_) context.page = schedule_->page();
    context.commands = commands_;
    context.user = user_;
    context.home_district = home_district_;
    context.now = std::chrono::steady_clock::now();

    window_.begin_backend_frame();
    const double start = thread_cpu_ms();
    ImGui::NewFrame();
    // The status bar is guarded apart from the board, so a failing board still shows
    // the clock and the error banner.
    stats.error = !guarded(
        [&] {
            handle_keys();
            draw_board(snapshot.get(), context);
        },
        snapshot.get());
    stats.error |= !guarded([&] { draw_status_bar(snapshot.get(), context); }, snapshot.get());
    ImGui::Render();
    if (schedule_ && live_) {
        // Burn-in: move the whole picture a few pixels, by moving the projection.
        // Only on a live screen: screenshots stay where the pixels are expected.
        const PixelOffset offset = schedule_->pixel_offset(std::chrono::system_clock::now());
        ImGui::GetDrawData()->DisplayPos =
            ImVec2(-offset.x * context.scale, -offset.y * context.scale);
    }
    stats.cpu_ms = thread_cpu_ms() - start;
    window_.draw(widgets::palette().background);
    return stats;
}

void App::record_error(const std::string& what, const core::Snapshot* snapshot) {
    std::string line = "Display error: " + what + " (showing the last good data)";
    if (line != error_line_) std::fprintf(stderr, "liftboard: %s\n", line.c_str());
    error_line_ = std::move(line);
    error_generation_ = snapshot ? snapshot->generation : 0;
}

void App::draw_board(const core::Snapshot* snapshot, const widgets::BoardContext& context) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float bar_height = status_bar_.height(context);
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, viewport->WorkSize.y - bar_height));
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##board", nullptr, flags);
    std::vector<std::string_view> titles;
    for (const auto& b : boards_) titles.push_back(b->title());
    if (auto clicked = widgets::draw_board_tabs(titles, active_, contact_line_, context))
        choose_board(*clicked);
    if (sync_) {
        widgets::draw_alert_strip(
            sync_banner_text(sync_->read(), stale_after_, std::chrono::system_clock::now()),
            context);
    }
    // The wall's status bar has no room for a long line in large type: an error goes here.
    if (kiosk_) widgets::draw_alert_strip(error_line_, context);
    if (store_problem_) {
        widgets::draw_store_problem_panel(*store_problem_, context);
    } else if (snapshot) {
        board().draw(*snapshot, context);
        if (schedule_) schedule_->set_pages(board().pages());
    } else
        ImGui::TextDisabled("Loading the data...");
    ImGui::End();
}

void App::draw_status_bar(const core::Snapshot* snapshot, const widgets::BoardContext& context) {
    const std::string clock = clock_text(std::chrono::system_clock::now());
    widgets::StatusInfo info;
    info.board_title = board().title();
    info.clock = clock;
    std::string as_of = snapshot ? snapshot->data_as_of : std::string();
    if (sync_) {
        const std::string synced = last_sync_text(sync_->read(), std::chrono::system_clock::now());
        if (!synced.empty()) as_of += (as_of.empty() ? "" : "  \xc2\xb7  ") + synced;
    }
    if (snapshot && snapshot->data) {
        const std::string newer = core::newer_version_text(snapshot->data->newer_version_rows);
        if (!newer.empty()) as_of += (as_of.empty() ? "" : "  \xc2\xb7  ") + newer;
    }
    info.data_as_of = as_of;
    if (!kiosk_) info.banner = error_line_;
    status_bar_.draw(info, context);
}

bool App::follow_schedule() {
    const auto now = std::chrono::steady_clock::now();
    if (window_.take_input_seen()) schedule_->on_input(now);
    const size_t shown = rotation_[schedule_->board(now)];
    // A board chosen outside the rotation stays while the rotation is paused.
    if (!schedule_->paused(now) ||
        std::find(rotation_.begin(), rotation_.end(), active_) != rotation_.end())
        active_ = shown;
    return schedule_->blank(now, local_clock_time(std::chrono::system_clock::now()));
}

double App::seconds_to_sleep() const {
    const auto wall = std::chrono::system_clock::now();
    double seconds = seconds_until_next_minute(wall);
    if (boards_[active_]->waiting()) seconds = std::min(seconds, kWaitingPollSeconds);
    if (schedule_) {
        const auto change = schedule_->until_next_change(std::chrono::steady_clock::now(), wall);
        seconds = std::min(seconds, std::chrono::duration<double>(change).count());
    }
    if (hooks_)
        if (auto most = hooks_->max_sleep_seconds()) seconds = std::min(seconds, *most);
    return seconds;
}

void App::release_old_snapshot_memory() {
    // A frame that was drawing when a new snapshot landed let go of the old one only as
    // it ended: the one time the UI thread frees a whole snapshot.
    const auto current = channel_.current();
    const uint64_t generation = current ? current->generation : 0;
    if (generation == drawn_generation_) return;
    drawn_generation_ = generation;
    db::release_free_memory();
}

int App::run() {
    live_ = true;
    int settle = kSettleFrames + 1;  // the first frames measure layout
    while (!window_.should_close()) {
        if (hooks_) hooks_->before_frame();
        if (window_.should_close()) break;
        const bool night = schedule_ && follow_schedule();
        showing_blank_ = night || blanked_;
        power_.set_on(!night);  // DPMS at night only: a blank by request keeps it lit
        if (showing_blank_) {
            // Night or blanked: a black screen, woken by the next minute or a touch.
            window_.clear_only(ImVec4(0.0f, 0.0f, 0.0f, 1.0f));
            window_.swap();
            if (hooks_) hooks_->frame_presented();
            window_.wait_events(seconds_to_sleep());
            continue;
        }
        render_frame();
        window_.swap();
        if (hooks_) hooks_->frame_presented();
        release_old_snapshot_memory();
        if (exit_after_ == AppOptions::ExitAfter::first_frame ||
            (exit_after_ == AppOptions::ExitAfter::first_data_frame && channel_.current())) {
            glFinish();  // the frame is on screen, not only queued
            return 0;
        }
        if (window_.input_waiting()) {
            // Keys that came together are spread over frames (key_queue.hpp): no sleep
            // until they are all handled, and then the settling frame that shows them.
            settle = kSettleFrames;
            window_.wait_events(0.0);
            continue;
        }
        if (settle > 0) {
            --settle;
            window_.wait_events(0.0);
            continue;
        }
        // Idle: nothing changes on screen until the clock's next minute or the kiosk's
        // next rotation, unless input or a new snapshot (glfwPostEmptyEvent from the
        // publisher) wakes us sooner.
        window_.wait_events(seconds_to_sleep());
        settle = kSettleFrames;
    }
    return 0;
}

bool App::screenshot(const std::filesystem::path& png, std::string& error) {
    if (showing_blank_) {
        // What the screen shows: black (a control request asked while blanked or at night).
        window_.clear_only(ImVec4(0.0f, 0.0f, 0.0f, 1.0f));
        const WindowSize size = window_.framebuffer_size();
        const bool written = write_back_buffer_png(png, size.width, size.height, error);
        window_.swap();
        return written;
    }
    for (int i = 0; i < kScreenshotFrames; ++i) {
        render_frame();
        if (i + 1 < kScreenshotFrames) window_.swap();
    }
    const WindowSize size = window_.framebuffer_size();
    const bool written = write_back_buffer_png(png, size.width, size.height, error);
    window_.swap();
    return written;
}

}  // namespace app

// The LIFT session board's state (see session_board.hpp): the model per snapshot, the
// current case and its timer, keys, and the outcome form. Drawing is in
// session_board_draw.cpp.
#include "widgets/session_board.hpp"

#include <imgui.h>

#include <ctime>

#include "core/snapshot.hpp"

namespace widgets {
namespace {

// Seconds since local midnight: the wall follows the agenda's clock times.
int local_seconds_of_day() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec;
}

}  // namespace

void SessionBoard::configure(SessionBoardSettings settings) {
    settings_ = std::move(settings);
    pinned_.reset();
    cached_for_ = nullptr;
}

void SessionBoard::set_session_settings(core::SessionSettings session) {
    settings_.session = session;
    cached_for_ = nullptr;
}

void SessionBoard::refresh(const core::Snapshot& snapshot) {
    if (cached_for_ == &snapshot && cached_generation_ == snapshot.generation &&
        cached_built_at_ == snapshot.built_at)
        return;
    cached_for_ = &snapshot;
    cached_generation_ = snapshot.generation;
    cached_built_at_ = snapshot.built_at;
    const core::Dataset& data = *snapshot.data;
    const std::string asked = pinned_ ? core::to_iso(*pinned_) : settings_.meeting;
    const core::MeetingPick pick =
        core::pick_meeting(data, home_district_, asked, "", snapshot.today);
    if (!pick.ok()) {
        session_.reset();
        error_ = pick.error;
        return;
    }
    error_.clear();
    pinned_ = pick.meeting->meeting_date;
    session_ = core::build_lift_session(snapshot, *pick.meeting, settings_.session);
    // The case under discussion stays current as outcomes come back in new snapshots.
    current_ = 0;
    for (size_t i = 0; i < session_->agenda.size(); ++i)
        if (session_->agenda[i].ref == current_ref_) current_ = i;
    if (!session_->agenda.empty()) current_ref_ = session_->agenda[current_].ref;
}

bool SessionBoard::key(const KeyInput& key) {
    using Key = KeyInput::Key;
    // The wall has no keyboard use of its own: the app pages it.
    if (kiosk_) return false;
    // Without a form, the arrows and page keys scroll the case (the app calls scroll()).
    const bool scrolling = key.key == Key::up || key.key == Key::down || key.key == Key::page_up ||
                           key.key == Key::page_down || key.key == Key::home || key.key == Key::end;
    if (scrolling && !form_.is_open()) return false;
    keys_.push_back(key);
    return true;
}

void SessionBoard::select(size_t index, std::chrono::steady_clock::time_point now) {
    if (!session_ || session_->agenda.empty()) return;
    index = std::min(index, session_->agenda.size() - 1);
    if (index != current_ || !started_) started_ = now;  // a new case: its slot starts now
    current_ = index;
    current_ref_ = session_->agenda[index].ref;
    reveal_current_ = true;
    pending_scroll_ = Scroll::top;
}

void SessionBoard::open_form(core::SessionOutcome outcome, const core::Snapshot& snapshot) {
    if (!session_ || session_->agenda.empty()) return;
    saved_.clear();
    form_.open(outcome, session_->agenda[current_].ref, session_->meeting.meeting_date,
               session_->default_review, *snapshot.data);
}

void SessionBoard::apply_keys(const core::Snapshot& snapshot, const BoardContext& context) {
    using Key = KeyInput::Key;
    std::vector<KeyInput> keys;
    keys.swap(keys_);
    for (size_t i = 0; i < keys.size(); ++i) {
        const KeyInput& k = keys[i];
        // While the writer answers, keys wait (a quick chair's next key is not lost).
        if (form_.waiting()) {
            keys_.insert(keys_.begin(), keys.begin() + static_cast<std::ptrdiff_t>(i), keys.end());
            return;
        }
        if (form_.is_open()) {
            form_.handle(k, *snapshot.data, context, snapshot.today);
            continue;
        }
        if (k.key != Key::character) continue;
        const char c = k.character;
        if (c == 'n') select(current_ + 1, context.now);
        if (c == 'p' && current_ > 0) select(current_ - 1, context.now);
        if (!editable(context)) continue;
        if (c >= '1' && c < '1' + core::kRecommendationTypes)
            open_form(static_cast<core::SessionOutcome>(c - '1'), snapshot);
        if (c == 'c') open_form(core::SessionOutcome::consultation, snapshot);
        if (c == 'l') open_form(core::SessionOutcome::caselist, snapshot);
        if (c == 's') open_form(core::SessionOutcome::sodlis, snapshot);
        if (c == 'd') open_form(core::SessionOutcome::discussed, snapshot);
    }
}

void SessionBoard::update_timer(const BoardContext& context) {
    const int minutes = settings_.session.minutes_per_case;
    if (!session_ || session_->agenda.empty()) {
        timer_ = core::case_timer(0, minutes);
        return;
    }
    if (context.kiosk) {
        // The wall follows the clock: on the meeting's day the case whose slot it is, and
        // the time left in that slot; on other days the first case, its slot untouched.
        kiosk_label_ = "First: ";
        if (session_->meeting.meeting_date == context.today) {
            const int now = local_seconds_of_day();
            if (auto at = core::item_at(*session_, now / 60)) {
                kiosk_label_ = "Now: ";
                current_ = *at;
                timer_ = core::case_timer(now - session_->agenda[*at].start_minutes * 60, minutes);
                return;
            }
        }
        current_ = std::min(current_, session_->agenda.size() - 1);
        timer_ = core::case_timer(0, minutes);
        return;
    }
    if (!started_) started_ = context.now;
    timer_ = core::case_timer(*started_, context.now, minutes);
}

void SessionBoard::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    kiosk_ = context.kiosk;
    home_district_ = std::string(context.home_district);
    refresh(snapshot);
    form_.poll();
    if (!form_.result().empty() && form_.result() != saved_) {
        saved_ = form_.result();
        saved_ok_ = form_.result_ok();
    }
    apply_keys(snapshot, context);
    update_timer(context);
    page_count_ = 1;
    if (context.kiosk) {
        draw_kiosk(snapshot, context);
        return;
    }
    draw_heading(context);
    if (!session_) return;
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y;
    const float agenda_width = std::max(width * 0.34f, 460.0f * context.scale);
    ImGui::BeginChild("agenda", ImVec2(agenda_width, height), true);
    draw_agenda(context, false);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("case", ImVec2(0.0f, height), true, ImGuiWindowFlags_NoScrollbar);
    draw_case(snapshot, context, false);
    ImGui::EndChild();
}

}  // namespace widgets

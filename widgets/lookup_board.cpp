// The quick lookup board's state: typing, keys, results and selection (see
// lookup_board.hpp). The drawing is in lookup_board_draw.cpp.
#include "widgets/lookup_board.hpp"

#include <imgui.h>

#include <algorithm>

namespace widgets {
namespace {

constexpr size_t kResultLimit = 200;  // lines listed; the count goes on to 1,000
constexpr size_t kRecent = 8;         // cards remembered for an empty search

// Appends code point `c` to `out` as UTF-8.
void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

void LookupBoard::set_query(std::string query) {
    query_ = std::move(query);
    reset_search_ = true;
}

void LookupBoard::open_pupil(std::string_view pupil_ref) {
    pending_open_ = std::string(pupil_ref);
}

void LookupBoard::enter_school(std::string_view urn) {
    scope_urn_ = std::string(urn);
    query_.clear();
    reset_search_ = true;
}

void LookupBoard::scroll(Scroll request) {
    pending_scroll_ = request;
}

bool LookupBoard::key(const KeyInput& key) {
    using Key = KeyInput::Key;
    // Text comes through ImGui's character queue (take_typed_characters), never here;
    // Home and End move the caret while the search box has the keyboard.
    if (key.key == Key::character) return false;
    if ((key.key == Key::home || key.key == Key::end) && search_active_) return false;
    keys_.push_back(key);
    return true;
}

void LookupBoard::take_typed_characters() {
    // While the search box has the keyboard, ImGui's text field takes the characters.
    // Otherwise a character typed on this board starts a search: "/" only focuses, any
    // other printable character is the search's first. They are moved into the query
    // now because the box becomes active only on the next frame, after ImGui has
    // dropped this frame's characters.
    // Characters that come while the box asked for is not active yet (a slow machine
    // draws fewer frames than keys come) belong to the search they started.
    if (search_active_) return;
    ImVector<ImWchar>& queue = ImGui::GetIO().InputQueueCharacters;
    bool typed = false;
    const bool continuing = search_focus_pending_;
    for (ImWchar c : queue) {
        if (c == '/') {
            if (!typed && !continuing) query_.clear();
            typed = true;
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;
        // A new search, not an addition to the last one.
        if (!typed && !continuing) query_.clear();
        typed = true;
        append_utf8(query_, c);
    }
    queue.resize(0);
    if (typed) {
        focus_search_ = true;
        caret_to_end_ = true;
    }
}

void LookupBoard::refresh(const core::Snapshot& snapshot, const BoardContext& context) {
    const Identity identity{&snapshot, snapshot.generation, snapshot.built_at};
    const bool new_snapshot = !(identity == results_for_);
    if (!new_snapshot && query_ == results_query_ && scope_urn_ == results_scope_ &&
        context.privacy == results_privacy_)
        return;
    const bool new_query = query_ != results_query_ || scope_urn_ != results_scope_;
    results_for_ = identity;
    results_query_ = query_;
    results_scope_ = scope_urn_;
    results_privacy_ = context.privacy;

    const core::Dataset* data = snapshot.data.get();
    if (new_snapshot) {
        card_.follow(snapshot);
        const size_t pupils = data ? data->pupils.size() : 0;
        const size_t schools = data ? data->schools.size() : 0;
        totals_ = grouped_count(pupils) + (pupils == 1 ? " pupil" : " pupils") + "  \xc2\xb7  " +
                  grouped_count(schools) + (schools == 1 ? " school" : " schools");
        today_ = "Today " + core::to_display(snapshot.today);
    }
    scope_.reset();
    scope_name_.clear();
    if (const core::School* school =
            data && !scope_urn_.empty() ? data->school(scope_urn_) : nullptr) {
        scope_ = static_cast<uint32_t>(school - data->schools.data());
        scope_name_ = school->name;
    } else {
        scope_urn_.clear();
    }

    results_ = {};
    if (snapshot.search) {
        core::SearchOptions options;
        options.names = !context.privacy;  // a hidden name is never how a pupil is found
        options.limit = kResultLimit;
        options.school = scope_;
        results_ = snapshot.search->find(query_, options);
    }
    showing_recent_ = query_.empty() && !scope_;
    if (showing_recent_ && data) {
        std::vector<uint32_t> pupils;
        for (const std::string& ref : recent_)
            if (const int index = data->pupil_index(ref); index >= 0)
                pupils.push_back(static_cast<uint32_t>(index));
        lines_ = pupil_lines(snapshot, pupils);
        summary_ = lines_.empty() ? std::string() : "Recently opened";
    } else {
        lines_ = lookup_lines(snapshot, results_);
        summary_ = lookup_summary(results_);
    }
    if (lines_.empty()) {
        selected_.reset();
    } else if (new_query || !selected_) {
        selected_ = 0;  // Enter opens the best match straight away
        reveal_selected_ = true;
    } else {
        selected_ = std::min(*selected_, lines_.size() - 1);
    }
}

void LookupBoard::move_selection(long long to) {
    if (lines_.empty()) return;
    const long long last = static_cast<long long>(lines_.size()) - 1;
    selected_ = static_cast<size_t>(std::clamp(to, 0LL, last));
    reveal_selected_ = true;
}

void LookupBoard::apply_keys(const core::Snapshot& snapshot, const BoardContext& context) {
    using Key = KeyInput::Key;
    if (pending_scroll_) {
        // Scroll requests the board did not take as keys (Space on the wall, a remote).
        KeyInput as_key;
        switch (*pending_scroll_) {
            case Scroll::line_up:
                as_key.key = Key::up;
                break;
            case Scroll::line_down:
                as_key.key = Key::down;
                break;
            case Scroll::page_up:
                as_key.key = Key::page_up;
                break;
            case Scroll::page_down:
                as_key.key = Key::page_down;
                break;
            case Scroll::top:
                as_key.key = Key::home;
                break;
            case Scroll::bottom:
                as_key.key = Key::end;
                break;
        }
        keys_.push_back(as_key);
        pending_scroll_.reset();
    }
    const long long page = rows_per_page_;
    for (const KeyInput& key : keys_) {
        const long long current = selected_ ? static_cast<long long>(*selected_) : -1;
        switch (key.key) {
            case Key::up:
                move_selection(current - 1);
                break;
            case Key::down:
                move_selection(current + 1);
                break;
            case Key::page_up:
                if (card_.is_open())
                    card_.scroll(Scroll::page_up);
                else
                    move_selection(current - page);
                break;
            case Key::page_down:
                if (card_.is_open())
                    card_.scroll(Scroll::page_down);
                else
                    move_selection(current + page);
                break;
            case Key::home:
                if (card_.is_open())
                    card_.scroll(Scroll::top);
                else
                    move_selection(0);
                break;
            case Key::end:
                if (card_.is_open())
                    card_.scroll(Scroll::bottom);
                else
                    move_selection(static_cast<long long>(lines_.size()) - 1);
                break;
            case Key::enter:
                if (selected_) activate(*selected_, snapshot, context);
                break;
            case Key::escape:
                escape();
                break;
            case Key::tab:
                if (search_active_)
                    blur_search_ = true;
                else
                    focus_search_ = caret_to_end_ = true;
                break;
            case Key::character:
                break;
        }
        // Enter on a school changes the list: the rest of the keys wait for the new one.
        if (key.key == Key::enter) refresh(snapshot, context);
    }
    keys_.clear();
}

void LookupBoard::activate(size_t line, const core::Snapshot& snapshot,
                           const BoardContext& context) {
    if (line >= lines_.size() || !snapshot.data) return;
    const LookupLine& chosen = lines_[line];
    if (chosen.kind == LookupLine::Kind::school) {
        enter_school(snapshot.data->schools[chosen.index].urn);
        focus_search_ = caret_to_end_ = true;  // typing now narrows within the school
        return;
    }
    card_.open(snapshot, chosen.index, context.now);
    remember(std::string(snapshot.data->pupils[chosen.index].pupil_ref));
    if (search_active_) blur_search_ = true;  // arrows and Esc now work the list and card
}

void LookupBoard::remember(const std::string& pupil_ref) {
    recent_.erase(std::remove(recent_.begin(), recent_.end(), pupil_ref), recent_.end());
    recent_.push_front(pupil_ref);
    if (recent_.size() > kRecent) recent_.pop_back();
}

void LookupBoard::escape() {
    if (card_.is_open()) {
        card_.close();
    } else if (!query_.empty()) {
        set_query("");
    } else if (!scope_urn_.empty()) {
        scope_urn_.clear();
        reset_search_ = true;
    } else if (search_active_) {
        blur_search_ = true;
    }
}

void LookupBoard::draw(const core::Snapshot& snapshot, const BoardContext& context) {
    take_typed_characters();
    refresh(snapshot, context);
    apply_keys(snapshot, context);
    if (!pending_open_.empty()) {
        if (const int index = snapshot.data ? snapshot.data->pupil_index(pending_open_) : -1;
            index >= 0) {
            card_.open(snapshot, static_cast<uint32_t>(index), context.now);
            remember(pending_open_);
        }
        pending_open_.clear();
    }
    refresh(snapshot, context);
    name_on_screen_ = card_.shows_name(context);
    draw_layout(snapshot, context);
}

}  // namespace widgets

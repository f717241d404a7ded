// The app's keyboard routing (see app.hpp): each key press of the frame goes to the
// board first (row focus, forms), then to the app (scrolling, function keys naming
// boards, Ctrl+Tab, Ctrl+Q). Apart from app.cpp so the frame loop reads on its own.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>

#include "app/app.hpp"

namespace app {
namespace {

// The key press as a board sees it; nullopt for keys no board uses.
std::optional<widgets::KeyInput> board_key(const KeyPress& press) {
    using Key = widgets::KeyInput::Key;
    widgets::KeyInput input;
    input.shift = (press.mods & GLFW_MOD_SHIFT) != 0;
    switch (press.key) {
        case GLFW_KEY_UP:
            input.key = Key::up;
            break;
        case GLFW_KEY_DOWN:
            input.key = Key::down;
            break;
        case GLFW_KEY_PAGE_UP:
            input.key = Key::page_up;
            break;
        case GLFW_KEY_PAGE_DOWN:
            input.key = Key::page_down;
            break;
        case GLFW_KEY_HOME:
            input.key = Key::home;
            break;
        case GLFW_KEY_END:
            input.key = Key::end;
            break;
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
            input.key = Key::enter;
            break;
        case GLFW_KEY_ESCAPE:
            input.key = Key::escape;
            break;
        case GLFW_KEY_TAB:
            input.key = Key::tab;
            break;
        default:
            if (press.key >= GLFW_KEY_A && press.key <= GLFW_KEY_Z)
                input.character = static_cast<char>('a' + (press.key - GLFW_KEY_A));
            else if (press.key >= GLFW_KEY_0 && press.key <= GLFW_KEY_9)
                input.character = static_cast<char>('0' + (press.key - GLFW_KEY_0));
            else if (press.key >= GLFW_KEY_KP_0 && press.key <= GLFW_KEY_KP_9)
                input.character = static_cast<char>('0' + (press.key - GLFW_KEY_KP_0));
            else
                return std::nullopt;
    }
    return input;
}

// Function keys name boards, not positions, so a key keeps its board as boards are added.
constexpr std::string_view kFunctionKeyBoards[] = {"caseload", "meetings", "triage",
                                                   "lookup",   "session",  "trends"};

}  // namespace

void App::handle_keys() {
    using widgets::Scroll;
    for (const KeyPress& press : window_.take_frame_input()) {
        // The character goes to ImGui now, in the frame of its key: a frame holds either
        // typing or other keys (key_queue.hpp), so a Tab taken in the last frame has had
        // its frame to move the keyboard to the next field.
        if (press.character) ImGui::GetIO().AddInputCharacter(press.character);
        if (press.key == GLFW_KEY_UNKNOWN) continue;
        // Ctrl and function keys are the app's; the rest go to the board first, which
        // takes what it uses (row focus, forms). While a text field has the keyboard,
        // arrows, Space, Home and End edit the text: they must not scroll the board.
        const bool app_key = (press.mods & GLFW_MOD_CONTROL) ||
                             (press.key >= GLFW_KEY_F1 && press.key <= GLFW_KEY_F25);
        if (!app_key) {
            if (auto input = board_key(press); input && board().key(*input)) continue;
            if (ImGui::GetIO().WantTextInput) continue;
        }
        switch (press.key) {
            case GLFW_KEY_PAGE_DOWN:
            case GLFW_KEY_SPACE:
                board().scroll(Scroll::page_down);
                break;
            case GLFW_KEY_PAGE_UP:
                board().scroll(Scroll::page_up);
                break;
            case GLFW_KEY_DOWN:
                board().scroll(Scroll::line_down);
                break;
            case GLFW_KEY_UP:
                board().scroll(Scroll::line_up);
                break;
            case GLFW_KEY_HOME:
                board().scroll(Scroll::top);
                break;
            case GLFW_KEY_END:
                board().scroll(Scroll::bottom);
                break;
            case GLFW_KEY_Q:
                if (press.mods & GLFW_MOD_CONTROL) window_.request_close();
                break;
            case GLFW_KEY_F1:
            case GLFW_KEY_F2:
            case GLFW_KEY_F3:
            case GLFW_KEY_F4:
            case GLFW_KEY_F5:
            case GLFW_KEY_F6: {
                const std::string_view wanted = kFunctionKeyBoards[press.key - GLFW_KEY_F1];
                for (size_t index = 0; index < boards_.size(); ++index)
                    if (boards_[index]->name() == wanted) choose_board(index);
                break;
            }
            case GLFW_KEY_TAB:
                // Ctrl+Tab: next board; plain Tab stays with the board's own focus.
                if (press.mods & GLFW_MOD_CONTROL)
                    choose_board(
                        (active_ + ((press.mods & GLFW_MOD_SHIFT) ? boards_.size() - 1 : 1)) %
                        boards_.size());
                break;
            default:
                break;
        }
    }
}

void App::choose_board(size_t index) {
    active_ = index;
    if (!schedule_) return;
    auto in_rotation = std::find(rotation_.begin(), rotation_.end(), index);
    if (in_rotation != rotation_.end())
        schedule_->on_board_chosen(static_cast<size_t>(in_rotation - rotation_.begin()),
                                   std::chrono::steady_clock::now());
    else
        schedule_->on_input(std::chrono::steady_clock::now());
}

}  // namespace app

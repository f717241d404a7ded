// One ordered queue for keys and characters (see key_queue.hpp).
#include "app/key_queue.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace app {
namespace {

bool is_modifier(int key) {
    switch (key) {
        case GLFW_KEY_LEFT_SHIFT:
        case GLFW_KEY_RIGHT_SHIFT:
        case GLFW_KEY_LEFT_CONTROL:
        case GLFW_KEY_RIGHT_CONTROL:
        case GLFW_KEY_LEFT_ALT:
        case GLFW_KEY_RIGHT_ALT:
        case GLFW_KEY_LEFT_SUPER:
        case GLFW_KEY_RIGHT_SUPER:
        case GLFW_KEY_CAPS_LOCK:
        case GLFW_KEY_NUM_LOCK:
            return true;
        default:
            return false;
    }
}

}  // namespace

void KeyQueue::press(int key, int mods) {
    if (is_modifier(key)) {
        press_open_ = false;
        return;
    }
    queue_.push_back({key, mods, 0});
    press_open_ = true;
}

void KeyQueue::character(unsigned int codepoint) {
    if (codepoint == 0) return;
    if (press_open_ && !queue_.empty())
        queue_.back().character = codepoint;
    else
        queue_.push_back({GLFW_KEY_UNKNOWN, 0, codepoint});
    press_open_ = false;
}

std::vector<KeyPress> KeyQueue::take_frame() {
    std::vector<KeyPress> frame;
    const bool hold_typing = typing_held_;
    typing_held_ = false;
    if (queue_.empty()) return frame;
    const bool typing = queue_.front().types();
    if (typing && hold_typing) return frame;
    while (!queue_.empty() && queue_.front().types() == typing) {
        frame.push_back(queue_.front());
        queue_.pop_front();
    }
    // A press and its character come from one X event, read in one poll: taking a frame
    // never parts them.
    typing_held_ = !typing;
    return frame;
}

}  // namespace app

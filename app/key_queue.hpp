// The keyboard's input in the order it came, one queue for key presses and the
// characters they type, handed out a frame's worth at a time. ImGui 1.86 keeps
// characters (AddInputCharacter) apart from key state and has no order between them,
// while focus between form fields moves on keys the app handles (Tab, Enter): a loaded
// machine that reads a Tab and the next characters in one frame moved focus first and
// dropped the characters. Here keys that are not typing act in frames of their own, so
// the characters before them reach the field they were typed into, and the characters
// after them the field they moved to: a field asked for (SetKeyboardFocusHere) becomes
// active while the next frame draws and takes characters from the frame after that
// (seen with ImGui 1.86), so typing waits one frame after such keys. Free of GLFW calls
// and ImGui: tested without a window.
#pragma once

#include <deque>
#include <vector>

namespace app {

// A key press (or auto-repeat) as GLFW reports it: GLFW_KEY_* and GLFW_MOD_* bits, and
// the character it typed (0: none, as for Tab, Enter, arrows and Ctrl shortcuts). A
// character that came without a key (an input method) has key GLFW_KEY_UNKNOWN.
struct KeyPress {
    int key = 0;
    int mods = 0;
    unsigned int character = 0;

    // Plain typing: a character for the text field that has the keyboard.
    bool types() const { return character != 0; }
};

class KeyQueue {
  public:
    // GLFW's key callback (presses and repeats; modifier keys alone are left out: the
    // modifier bits of the keys they go with carry them).
    void press(int key, int mods);
    // GLFW's character callback, which for one X key event comes right after its press.
    void character(unsigned int codepoint);

    // The input for the next frame, from the front: either a run of typing or a run of
    // other keys, never both, and no typing in the frame right after other keys. Empty
    // when nothing is waiting or typing is held back for that frame.
    std::vector<KeyPress> take_frame();
    bool empty() const { return queue_.empty(); }

  private:
    std::deque<KeyPress> queue_;
    bool press_open_ = false;   // the last event was a press, whose character may follow
    bool typing_held_ = false;  // the last frame had other keys: no typing in this one
};

}  // namespace app

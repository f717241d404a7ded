// The one native window: GLFW initialisation, the window with its OpenGL 3.3 core
// context (functions loaded by glad), and the Dear ImGui context bound to both through
// the GLFW and OpenGL3 backends. RAII: each is released in reverse order of creation,
// also when a later step of the constructor fails.
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/key_queue.hpp"
#include "app/size_parse.hpp"

struct GLFWwindow;

namespace app {

struct WindowOptions {
    WindowSize size{1920, 1080};
    std::string title = "LIFT Board";
    bool visible = true;       // false for screenshots and benchmarks (Xvfb renders anyway)
    bool fullscreen = false;   // kiosk: the chosen monitor at its current video mode
    int monitor = 0;           // 0 = primary; others in GLFW's order (falls back to primary)
    bool hide_cursor = false;  // kiosk: no pointer sitting on the board
    bool vsync = true;
};

class Window {
  public:
    // Throws std::runtime_error with GLFW's or the driver's reason on failure.
    explicit Window(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_.get(); }
    bool should_close() const;
    void request_close();
    WindowSize framebuffer_size() const;
    // The physical size in millimetres the monitor the window is fullscreen on reports
    // (0 x 0 when it reports none); nullopt for a window that is not fullscreen.
    std::optional<WindowSize> monitor_size_mm() const;
    // The monitor's DPI relative to 96 (1.0 on X11 unless the desktop says otherwise).
    float content_scale() const;

    // Backend half of a frame: input, display size and time into ImGui's IO. The
    // caller then runs ImGui::NewFrame() ... ImGui::Render().
    void begin_backend_frame();
    // Clears to `clear` and draws ImGui's draw data into the back buffer (no swap).
    void draw(const ImVec4& clear);
    // Clears the back buffer and draws nothing (the kiosk's night screen).
    void clear_only(const ImVec4& clear);
    void swap();

    // The key presses and typed characters for this frame, in the order they came (see
    // key_queue.hpp). Queued rather than read from ImGui's key state: ImGui 1.86 loses a
    // press and release that land between two frames, which is what a remote control or
    // xdotool sends to a sleeping loop. Characters reach ImGui only through this queue:
    // the caller passes them on (AddInputCharacter) in the frame it takes them.
    std::vector<KeyPress> take_frame_input() { return keys_.take_frame(); }
    // Input is still queued for later frames: draw the next one without sleeping.
    bool input_waiting() const { return !keys_.empty(); }
    // Whether any key, click, touch or scroll arrived since the last call (the kiosk
    // pauses its rotation and wakes a blank night screen on it).
    bool take_input_seen();

    // Sleeps until an event arrives or `timeout_seconds` pass (0: just poll).
    void wait_events(double timeout_seconds);
    // Wakes wait_events from any thread (glfwPostEmptyEvent is thread-safe).
    static void wake();

  private:
    struct Library {
        Library();
        ~Library();
        Library(const Library&) = delete;
        Library& operator=(const Library&) = delete;
    };
    struct WindowDeleter {
        void operator()(GLFWwindow* window) const;
    };
    struct ImGuiBinding;  // ImGui context + backends, shut down before the window goes
    static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void on_mouse_button(GLFWwindow* window, int button, int action, int mods);
    static void on_scroll(GLFWwindow* window, double x, double y);
    static void on_char(GLFWwindow* window, unsigned int codepoint);

    Library library_;
    std::unique_ptr<GLFWwindow, WindowDeleter> window_;
    std::unique_ptr<ImGuiBinding> imgui_;
    KeyQueue keys_;
    bool input_seen_ = false;
};

}  // namespace app

// GLFW window, GL context and ImGui binding (see window.hpp).
#include "app/window.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <stdexcept>

namespace app {
namespace {

std::string glfw_error(const std::string& what) {
    const char* description = nullptr;
    glfwGetError(&description);
    return what + (description ? ": " + std::string(description) : std::string());
}

}  // namespace

Window::Library::Library() {
    if (!glfwInit()) throw std::runtime_error(glfw_error("cannot initialise GLFW (no display?)"));
}

Window::Library::~Library() {
    glfwTerminate();
}

void Window::WindowDeleter::operator()(GLFWwindow* window) const {
    glfwDestroyWindow(window);
}

struct Window::ImGuiBinding {
    explicit ImGuiBinding(GLFWwindow* window) {
        IMGUI_CHECKVERSION();
        context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // a kiosk keeps no layout file
        io.LogFilename = nullptr;
        if (!ImGui_ImplGlfw_InitForOpenGL(window, true)) {
            ImGui::DestroyContext(context);
            throw std::runtime_error("cannot bind Dear ImGui to the GLFW window");
        }
        if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext(context);
            throw std::runtime_error("cannot initialise Dear ImGui's OpenGL 3 renderer");
        }
    }
    ~ImGuiBinding() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext(context);
    }
    ImGuiBinding(const ImGuiBinding&) = delete;
    ImGuiBinding& operator=(const ImGuiBinding&) = delete;

    ImGuiContext* context = nullptr;
};

Window::Window(const WindowOptions& options) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);

    GLFWmonitor* monitor = nullptr;
    WindowSize size = options.size;
    if (options.fullscreen) {
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        monitor = options.monitor > 0 && options.monitor < count ? monitors[options.monitor]
                                                                 : glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            size = {mode->width, mode->height};
            glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        }
    }
    window_.reset(
        glfwCreateWindow(size.width, size.height, options.title.c_str(), monitor, nullptr));
    if (!window_) throw std::runtime_error(glfw_error("cannot create an OpenGL 3.3 window"));
    glfwMakeContextCurrent(window_.get());
    if (gladLoadGL(glfwGetProcAddress) == 0)
        throw std::runtime_error("cannot load OpenGL 3.3 functions");
    glfwSwapInterval(options.vsync ? 1 : 0);
    // Installed before ImGui's backend, which then calls it from its own key callback.
    glfwSetWindowUserPointer(window_.get(), this);
    glfwSetKeyCallback(window_.get(), &Window::on_key);
    glfwSetMouseButtonCallback(window_.get(), &Window::on_mouse_button);
    glfwSetScrollCallback(window_.get(), &Window::on_scroll);
    if (options.hide_cursor) glfwSetInputMode(window_.get(), GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    imgui_ = std::make_unique<ImGuiBinding>(window_.get());
    // Installed after ImGui's backend, replacing its character callback: characters go
    // into the one ordered queue with the keys, and to ImGui from there (take_frame_input).
    glfwSetCharCallback(window_.get(), &Window::on_char);
}

Window::~Window() {
    imgui_.reset();  // the backends need the window and its context while shutting down
}

bool Window::should_close() const {
    return glfwWindowShouldClose(window_.get()) != 0;
}

void Window::request_close() {
    glfwSetWindowShouldClose(window_.get(), GLFW_TRUE);
}

WindowSize Window::framebuffer_size() const {
    WindowSize size;
    glfwGetFramebufferSize(window_.get(), &size.width, &size.height);
    return size;
}

std::optional<WindowSize> Window::monitor_size_mm() const {
    GLFWmonitor* monitor = glfwGetWindowMonitor(window_.get());
    if (!monitor) return std::nullopt;
    WindowSize size;
    glfwGetMonitorPhysicalSize(monitor, &size.width, &size.height);
    return size;
}

float Window::content_scale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_.get(), &x, &y);
    return y > 0.0f ? y : 1.0f;
}

void Window::begin_backend_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void Window::draw(const ImVec4& clear) {
    const WindowSize size = framebuffer_size();
    glViewport(0, 0, size.width, size.height);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::clear_only(const ImVec4& clear) {
    const WindowSize size = framebuffer_size();
    glViewport(0, 0, size.width, size.height);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
}

void Window::swap() {
    glfwSwapBuffers(window_.get());
}

void Window::on_key(GLFWwindow* window, int key, int, int action, int mods) {
    if (action == GLFW_RELEASE) return;
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window))) {
        self->keys_.press(key, mods);
        self->input_seen_ = true;
    }
}

void Window::on_char(GLFWwindow* window, unsigned int codepoint) {
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window))) {
        self->keys_.character(codepoint);
        self->input_seen_ = true;
    }
}

void Window::on_mouse_button(GLFWwindow* window, int, int, int) {
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window)))
        self->input_seen_ = true;
}

void Window::on_scroll(GLFWwindow* window, double, double) {
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window)))
        self->input_seen_ = true;
}

bool Window::take_input_seen() {
    bool seen = input_seen_;
    input_seen_ = false;
    return seen;
}

void Window::wait_events(double timeout_seconds) {
    if (timeout_seconds <= 0.0)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_seconds);
}

void Window::wake() {
    glfwPostEmptyEvent();
}

}  // namespace app

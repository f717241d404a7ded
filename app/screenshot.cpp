// Back-buffer read-back and PNG writing (see screenshot.hpp).
#include "app/screenshot.hpp"

#include <glad/gl.h>
#include <stb_image_write.h>

#include <algorithm>

namespace app {

void flip_rows(std::vector<uint8_t>& pixels, int width, int height, int channels) {
    const size_t stride = static_cast<size_t>(width) * static_cast<size_t>(channels);
    for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
        auto a = pixels.begin() + static_cast<std::ptrdiff_t>(stride * static_cast<size_t>(top));
        auto b = pixels.begin() + static_cast<std::ptrdiff_t>(stride * static_cast<size_t>(bottom));
        std::swap_ranges(a, a + static_cast<std::ptrdiff_t>(stride), b);
    }
}

bool write_back_buffer_png(const std::filesystem::path& file, int width, int height,
                           std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "nothing to capture: the framebuffer is empty";
        return false;
    }
    constexpr int channels = 3;
    std::vector<uint8_t> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) *
                                channels);
    while (glGetError() != GL_NO_ERROR) {
        // Drop errors left by earlier calls: only the read-back's own count here.
    }
    glFinish();
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);  // RGB rows are not 4-byte multiples
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (GLenum gl_error = glGetError(); gl_error != GL_NO_ERROR) {
        error = "glReadPixels failed (GL error " + std::to_string(gl_error) + ")";
        return false;
    }
    flip_rows(pixels, width, height, channels);
    if (!stbi_write_png(file.c_str(), width, height, channels, pixels.data(), width * channels)) {
        error = "cannot write " + file.string();
        return false;
    }
    return true;
}

}  // namespace app

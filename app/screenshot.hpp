// Headless screenshots: read the frame just drawn from the current GL context's back
// buffer (after rendering, before the swap) and write it as a PNG. Used by
// `liftboard --screenshot` for tests and documentation.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace app {

// Reverses the row order in place: GL's origin is bottom-left, PNG's top-left.
void flip_rows(std::vector<uint8_t>& pixels, int width, int height, int channels);

// Reads width x height RGB pixels from GL_BACK and writes `file`. Returns false with
// `error` set when the read or the write fails (the caller exits non-zero).
bool write_back_buffer_png(const std::filesystem::path& file, int width, int height,
                           std::string& error);

}  // namespace app

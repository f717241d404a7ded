// Reading an inbox file, and only a regular file. The inbox is writable by people and
// programs that should not gain the service's rights through it: a symbolic link
// there (`staff.csv -> /etc/passwd`) is not followed, a FIFO, device or socket is never
// read (a FIFO would block the writer thread forever), and a file larger than the
// configured limit is refused before any of it is read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace db::inbox {

// 200 MB: far above any real export, below what would exhaust a kiosk's memory.
inline constexpr uint64_t kDefaultMaxFileBytes = uint64_t{200} << 20;

struct FileRead {
    std::optional<std::string> bytes;  // the whole file, byte for byte
    std::string refusal;               // why not, when there are no bytes
    bool missing = false;              // there is no such file (removed since it was listed)
};

// Opens `file` with O_NOFOLLOW | O_NONBLOCK, checks on the open descriptor that it is a
// regular file no larger than `max_bytes` (so a file swapped for something else after
// any earlier check is caught), and reads it from that descriptor, at most
// `max_bytes`: a file that grows past the limit while being read is refused too.
FileRead read_regular_file(const std::filesystem::path& file,
                           uint64_t max_bytes = kDefaultMaxFileBytes);

// "12 bytes", "3.4 MB", "200 MB" (MB = 2^20 bytes, as `max_file_mb` counts them).
std::string size_text(uint64_t bytes);

}  // namespace db::inbox

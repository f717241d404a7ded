#include "db/import/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "db/file_descriptor.hpp"

namespace db::inbox {
namespace {

std::string kind_of(mode_t mode) {
    if (S_ISLNK(mode)) return "a symbolic link (links in the inbox are not followed)";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

FileRead refused(std::string reason) {
    FileRead read;
    read.refusal = std::move(reason);
    return read;
}

FileRead not_regular(mode_t mode) {
    return refused("not a regular file: it is " + kind_of(mode) + "; it was not read");
}

FileRead too_large(uint64_t size, uint64_t max_bytes) {
    return refused("the file is " + size_text(size) + ", over the " + size_text(max_bytes) +
                   " limit ([data] max_file_mb); it was not read");
}

}  // namespace

std::string size_text(uint64_t bytes) {
    constexpr uint64_t kMB = uint64_t{1} << 20;
    if (bytes < kMB) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes % kMB == 0) return std::to_string(bytes / kMB) + " MB";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / kMB);
    return buffer;
}

FileRead read_regular_file(const std::filesystem::path& file, uint64_t max_bytes) {
    // A look first, so a special file found in the inbox is never even opened (opening
    // some devices has effects); the checks on the descriptor below are what make it safe.
    struct stat seen {};
    if (::lstat(file.c_str(), &seen) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            FileRead read = refused("no such file");
            read.missing = true;
            return read;
        }
        return refused(std::string("cannot read the file: ") + std::strerror(errno));
    }
    if (!S_ISREG(seen.st_mode)) return not_regular(seen.st_mode);
    if (static_cast<uint64_t>(seen.st_size) > max_bytes)
        return too_large(static_cast<uint64_t>(seen.st_size), max_bytes);

    FileDescriptor fd(
        ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0) {
        if (errno == ENOENT) {
            FileRead read = refused("no such file");
            read.missing = true;
            return read;
        }
        if (errno == ELOOP) return not_regular(S_IFLNK);  // swapped for a link since the look
        return refused(std::string("cannot read the file: ") + std::strerror(errno));
    }
    struct stat opened {};
    if (::fstat(fd.get(), &opened) != 0)
        return refused(std::string("cannot read the file: ") + std::strerror(errno));
    if (!S_ISREG(opened.st_mode)) return not_regular(opened.st_mode);
    const auto size = static_cast<uint64_t>(opened.st_size);
    if (size > max_bytes) return too_large(size, max_bytes);

    // Read straight into the string; a file still growing is read to its end, or to
    // one byte past the limit, which refuses it.
    std::string bytes;
    bytes.resize(static_cast<size_t>(size));
    size_t got = 0;
    for (;;) {
        if (got == bytes.size()) {
            if (got > max_bytes) {
                // Grew past the limit while being read: say how big it is now.
                const bool sized = ::fstat(fd.get(), &opened) == 0;
                return too_large(sized ? static_cast<uint64_t>(opened.st_size) : got, max_bytes);
            }
            bytes.resize(std::min<uint64_t>(got + (uint64_t{1} << 16), max_bytes + 1));
        }
        ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return refused(std::string("cannot read the file: ") + std::strerror(errno));
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    bytes.resize(got);
    FileRead read;
    read.bytes = std::move(bytes);
    return read;
}

}  // namespace db::inbox

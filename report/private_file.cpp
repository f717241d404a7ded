// Report files hold pupil data (initials, refs, and names when asked for): they are
// created readable by their owner only, whatever the umask, and a file that already
// existed is narrowed to 0600 before anything is written into it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "report/kpi_report.hpp"

namespace report {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const char* what) {
    throw std::runtime_error(file.string() + ": " + what + ": " + std::strerror(errno));
}

// An open descriptor on `file`, truncated, mode 0600. O_NOFOLLOW: a link planted where
// the report goes must not redirect it.
int open_private(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail(file, "cannot create");
    if (::fchmod(fd, 0600) != 0) {
        int saved = errno;
        ::close(fd);
        errno = saved;
        fail(file, "cannot restrict permissions");
    }
    return fd;
}

}  // namespace

void create_private_file(const std::filesystem::path& file) {
    ::close(open_private(file));
}

void write_private_file(const std::filesystem::path& file, std::string_view bytes) {
    int fd = open_private(file);
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            ::close(fd);
            errno = saved;
            fail(file, "cannot write");
        }
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    if (::close(fd) != 0) fail(file, "cannot write");
}

}  // namespace report

#include "db/sync/inbox_folder.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <system_error>

#include "db/file_descriptor.hpp"

namespace db {

namespace fs = std::filesystem;

namespace {

std::error_code last_error() {
    return {errno, std::generic_category()};
}

[[noreturn]] void fail(const std::string& what, const fs::path& a, const fs::path& b = {}) {
    throw fs::filesystem_error(what, a, b, last_error());
}

// Whether some process still has the file open for writing. A read lease is granted
// only when nobody does (Linux F_SETLEASE); where leases are not allowed (a file we do
// not own, no CAP_LEASE) the settle period alone decides. Only ever called for what
// lstat called a regular file, and never through a link swapped in since.
bool being_written(const fs::path& file) {
    FileDescriptor fd(
        ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK));
    if (!fd.valid()) return true;
    if (::fcntl(fd.get(), F_SETLEASE, F_RDLCK) == 0) {
        ::fcntl(fd.get(), F_SETLEASE, F_UNLCK);
        return false;
    }
    return errno == EAGAIN;
}

// The folder the move goes into, opened without following a link at its name (a link
// planted there would send files and reports anywhere); made 0700 when missing.
FileDescriptor open_subfolder(const fs::path& inbox, const std::string& name) {
    FileDescriptor dir(::open(inbox.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir.valid()) fail("cannot open the inbox", inbox);
    if (::mkdirat(dir.get(), name.c_str(), 0700) != 0 && errno != EEXIST)
        fail("cannot create", inbox / name);
    FileDescriptor sub(
        ::openat(dir.get(), name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!sub.valid()) fail("not a folder of the service's own", inbox / name);
    return sub;
}

// Renames `from` to `name` in `to_dir` unless something is there already (false then):
// renameat2(RENAME_NOREPLACE), or link + unlink where the file system lacks it.
bool move_no_replace(const fs::path& from, int to_dir, const std::string& name,
                     const fs::path& shown_target) {
    if (::renameat2(AT_FDCWD, from.c_str(), to_dir, name.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno == EEXIST) return false;
    if (errno != EINVAL && errno != ENOSYS) fail("cannot move", from, shown_target);
    if (::linkat(AT_FDCWD, from.c_str(), to_dir, name.c_str(), 0) != 0) {
        if (errno == EEXIST) return false;
        fail("cannot move", from, shown_target);
    }
    if (::unlink(from.c_str()) != 0) fail("cannot remove after moving", from, shown_target);
    return true;
}

bool exists_in(int dir, const std::string& name) {
    struct stat st {};
    return ::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

// Writes `text` to a new file `name` in `dir`, 0600, never through a link or into a
// file that is there already (a stale one is replaced: unlinking removes a link itself,
// never what it points to).
void write_private_file(int dir, const std::string& name, const std::string& text,
                        const fs::path& shown) {
    constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    FileDescriptor fd(::openat(dir, name.c_str(), kFlags, 0600));
    if (!fd.valid() && errno == EEXIST && ::unlinkat(dir, name.c_str(), 0) == 0)
        fd = FileDescriptor(::openat(dir, name.c_str(), kFlags, 0600));
    if (!fd.valid()) fail("cannot write the report", shown);
    for (size_t done = 0; done < text.size();) {
        ssize_t n = ::write(fd.get(), text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            // No half report is left behind (a full disk ends a write part way).
            const std::error_code error = last_error();
            ::unlinkat(dir, name.c_str(), 0);
            throw fs::filesystem_error("cannot write the report", shown, error);
        }
        done += static_cast<size_t>(n);
    }
}

}  // namespace

bool is_ignored_inbox_name(const std::string& name) {
    if (name.empty() || name[0] == '.') return true;
    return name.size() >= 4 && name.compare(name.size() - 4, 4, ".tmp") == 0;
}

InboxFolder::InboxFolder(fs::path folder, Clock::duration settle)
    : folder_(std::move(folder)), settle_(settle) {
    fs::create_directories(folder_);
    open_subfolder(folder_, "processed");
    open_subfolder(folder_, "quarantine");
}

InboxFolder::Identity InboxFolder::identity_of(const struct stat& st) {
    return {st.st_dev, st.st_ino, st.st_size,
            int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec, S_ISREG(st.st_mode)};
}

std::vector<std::pair<fs::path, InboxFolder::Identity>> InboxFolder::listing() {
    std::vector<std::pair<fs::path, Identity>> entries;
    std::map<fs::path, Identity> still_aside;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder_, error)) {
        if (is_ignored_inbox_name(entry.path().filename().string())) continue;
        // lstat: a link is listed as itself, so it is refused (and quarantined) by name.
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) != 0) continue;  // vanished while we looked
        if (S_ISDIR(st.st_mode)) continue;
        const Identity identity = identity_of(st);
        auto aside = set_aside_.find(entry.path());
        if (aside != set_aside_.end() && aside->second == identity) {
            still_aside.insert(*aside);
            continue;
        }
        entries.emplace_back(entry.path(), identity);
    }
    set_aside_ = std::move(still_aside);  // a file that changed or went gets another go
    return entries;
}

std::vector<fs::path> InboxFolder::all_files() {
    std::vector<fs::path> files;
    for (auto& [file, identity] : listing()) files.push_back(file);
    return files;
}

std::vector<fs::path> InboxFolder::ready_files(bool& still_settling) {
    still_settling = false;
    std::vector<fs::path> ready;
    std::map<fs::path, Seen> now_seen;
    auto now = Clock::now();
    for (auto& [file, identity] : listing()) {
        Seen current{identity, now};
        auto before = seen_.find(file);
        if (before != seen_.end() && before->second.identity == identity)
            current.unchanged_since = before->second.unchanged_since;
        if (now - current.unchanged_since >= settle_ && !(identity.regular && being_written(file)))
            ready.push_back(file);
        else
            still_settling = true;
        now_seen[file] = current;
    }
    seen_ = std::move(now_seen);
    return ready;
}

InboxFolder::Clock::duration InboxFolder::until_next_settled() const {
    const auto now = Clock::now();
    std::optional<Clock::duration> first;
    for (const auto& [file, seen] : seen_) {
        const auto left = seen.unchanged_since + settle_ - now;
        if (left > Clock::duration::zero()) first = first ? std::min(*first, left) : left;
    }
    return first.value_or(settle_ / 2);
}

fs::path InboxFolder::move_into(const fs::path& file, const std::string& subfolder,
                                const std::string* report) {
    FileDescriptor dir = open_subfolder(folder_, subfolder);
    const std::string stem = file.stem().string(), extension = file.extension().string();
    for (int n = 0;; ++n) {
        const std::string name =
            n == 0 ? file.filename().string() : stem + "." + std::to_string(n) + extension;
        const fs::path target = folder_ / subfolder / name;
        const std::string report_name = name + ".error.txt";
        // A quarantined file's number must be free for its report too. The report is
        // written first: when it cannot be (a full disk), the file stays in the inbox,
        // to be quarantined with its report later, never without one.
        if (report) {
            if (exists_in(dir.get(), report_name)) continue;
            std::string text = *report;
            if (text.empty() || text.back() != '\n') text += '\n';
            write_private_file(dir.get(), report_name, text, target.string() + ".error.txt");
        }
        bool moved = false;
        try {
            moved = move_no_replace(file, dir.get(), name, target);
        } catch (const fs::filesystem_error&) {
            if (report) ::unlinkat(dir.get(), report_name.c_str(), 0);
            throw;
        }
        if (!moved) {
            if (report) ::unlinkat(dir.get(), report_name.c_str(), 0);
            continue;
        }
        seen_.erase(file);
        return target;
    }
}

fs::path InboxFolder::move_to_processed(const fs::path& file) {
    return move_into(file, "processed", nullptr);
}

fs::path InboxFolder::move_to_quarantine(const fs::path& file, const std::string& report) {
    return move_into(file, "quarantine", &report);
}

void InboxFolder::set_aside(const fs::path& file) {
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0) return;  // gone: nothing to set aside
    set_aside_[file] = identity_of(st);
    seen_.erase(file);
}

}  // namespace db

#include "db/sync/inbox_folder.hpp"

#include <fcntl.h>
#include <cerrno>
#include <unistd.h>

#include <fstream>

namespace db {

namespace fs = std::filesystem;

namespace {

// Whether some process still has the file open for writing. A read lease is granted
// only when nobody does (Linux F_SETLEASE); where leases are not allowed (a file we do
// not own, no CAP_LEASE) the settle period alone decides.
bool being_written(const fs::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return true;
    bool busy = false;
    if (::fcntl(fd, F_SETLEASE, F_RDLCK) == 0)
        ::fcntl(fd, F_SETLEASE, F_UNLCK);
    else
        busy = errno == EAGAIN;
    ::close(fd);
    return busy;
}

}  // namespace

bool is_ignored_inbox_name(const std::string& name) {
    if (name.empty() || name[0] == '.') return true;
    return name.size() >= 4 && name.compare(name.size() - 4, 4, ".tmp") == 0;
}

InboxFolder::InboxFolder(fs::path folder, Clock::duration settle)
    : folder_(std::move(folder)), settle_(settle) {
    fs::create_directories(folder_);
    fs::create_directories(folder_ / "processed");
    fs::create_directories(folder_ / "quarantine");
}

std::vector<fs::path> InboxFolder::ready_files(bool& still_settling) {
    still_settling = false;
    std::vector<fs::path> ready;
    std::map<fs::path, Seen> now_seen;
    auto now = Clock::now();
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder_, error)) {
        std::error_code entry_error;
        if (!entry.is_regular_file(entry_error)) continue;
        if (is_ignored_inbox_name(entry.path().filename().string())) continue;
        Seen current{entry.file_size(entry_error), entry.last_write_time(entry_error), now};
        if (entry_error) continue;  // vanished while we looked
        auto before = seen_.find(entry.path());
        if (before != seen_.end() && before->second.size == current.size &&
            before->second.modified == current.modified)
            current.unchanged_since = before->second.unchanged_since;
        if (now - current.unchanged_since >= settle_ && !being_written(entry.path()))
            ready.push_back(entry.path());
        else
            still_settling = true;
        now_seen[entry.path()] = current;
    }
    seen_ = std::move(now_seen);
    return ready;
}

fs::path InboxFolder::move_into(const fs::path& file, const std::string& subfolder) {
    fs::path target = folder_ / subfolder / file.filename();
    for (int n = 1; fs::exists(target); ++n)
        target = folder_ / subfolder / (file.stem().string() + "." + std::to_string(n) + file.extension().string());
    fs::rename(file, target);
    seen_.erase(file);
    return target;
}

fs::path InboxFolder::move_to_processed(const fs::path& file) { return move_into(file, "processed"); }

fs::path InboxFolder::move_to_quarantine(const fs::path& file, const std::string& report) {
    fs::path target = move_into(file, "quarantine");
    std::ofstream(target.string() + ".error.txt") << report << (report.empty() || report.back() != '\n' ? "\n" : "");
    return target;
}

}  // namespace db

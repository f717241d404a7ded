// Holding back inbox files that did not fit on a full disk (see disk_full_backoff.hpp).
#include "db/sync/disk_full_backoff.hpp"

#include <sys/statvfs.h>

#include <algorithm>

namespace db {

DiskFullBackoff::DiskFullBackoff(std::chrono::milliseconds first, std::chrono::milliseconds longest,
                                 FreeSpace free_space)
    : first_(std::max(first, std::chrono::milliseconds(1))),
      longest_(std::max(longest, first_)),
      free_space_(std::move(free_space)) {}

void DiskFullBackoff::failed(const std::filesystem::path& file, const std::filesystem::path& where,
                             Clock::time_point now) {
    auto [it, fresh] = held_.try_emplace(file);
    Held& held = it->second;
    held.delay = fresh ? first_ : std::min(held.delay * 2, longest_);
    held.next_try = now + held.delay;
    held.where = where;
    held.free_at_failure = free_space_(where);
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    // At least a page's worth, so a tiny file is not retried for every byte freed.
    held.needs = std::max<uint64_t>(error ? 0 : size, 64 * 1024);
}

bool DiskFullBackoff::due(const std::filesystem::path& file, Clock::time_point now) const {
    const auto it = held_.find(file);
    if (it == held_.end()) return true;
    const Held& held = it->second;
    if (now >= held.next_try) return true;
    return free_space_(held.where) >= held.free_at_failure + held.needs;
}

void DiskFullBackoff::keep_only(const std::vector<std::filesystem::path>& present) {
    std::erase_if(held_, [&](const auto& entry) {
        return std::find(present.begin(), present.end(), entry.first) == present.end();
    });
}

uint64_t DiskFullBackoff::free_bytes(const std::filesystem::path& where) {
    // The folder of a file (the store), or the folder itself (the inbox).
    std::error_code error;
    const auto folder = std::filesystem::is_directory(where, error) ? where : where.parent_path();
    struct statvfs stats {};
    if (::statvfs(folder.c_str(), &stats) != 0) return 0;
    return static_cast<uint64_t>(stats.f_bavail) * stats.f_frsize;
}

}  // namespace db

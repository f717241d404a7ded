// The inbox folder as the writer sees it: which files are ready to import (complete:
// unchanged in size and time for a settle period; never `*.tmp` or dot files), and
// where a file goes afterwards: `processed/`, or `quarantine/` with `<file>.error.txt`
// holding the importer's full report.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace db {

class InboxFolder {
public:
    using Clock = std::chrono::steady_clock;

    InboxFolder(std::filesystem::path folder, Clock::duration settle);

    const std::filesystem::path& path() const { return folder_; }

    // Looks at the folder now. Returns the files that have stayed the same for the
    // settle period; `still_settling` says whether others are waiting for that.
    std::vector<std::filesystem::path> ready_files(bool& still_settling);

    // Moves an imported file to processed/ (a unique name if one is there already).
    std::filesystem::path move_to_processed(const std::filesystem::path& file);
    // Moves a refused file to quarantine/ and writes `<name>.error.txt` beside it.
    std::filesystem::path move_to_quarantine(const std::filesystem::path& file, const std::string& report);

private:
    struct Seen {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        Clock::time_point unchanged_since;
    };
    std::filesystem::path move_into(const std::filesystem::path& file, const std::string& subfolder);

    std::filesystem::path folder_;
    Clock::duration settle_;
    std::map<std::filesystem::path, Seen> seen_;
};

// Files the inbox ignores: dot files and `*.tmp` (a writer's file still being written).
bool is_ignored_inbox_name(const std::string& name);

}  // namespace db

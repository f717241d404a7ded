// The inbox folder as the writer sees it: which files are ready to import (complete:
// unchanged in size and time for a settle period; never `*.tmp` or dot files), and
// where a file goes afterwards: `processed/`, or `quarantine/` with `<file>.error.txt`
// holding the importer's full report.
//
// Anyone who may drop a file may also drop a link or a FIFO, or race the service, so:
// links and special files are listed like files (the importer refuses them and they are
// quarantined, never read); processed/ and quarantine/ are the service's own (0700,
// reports 0600, never written through a link); a move never replaces what is at its
// target; and a file that cannot be moved away is set aside rather than retried on
// every rescan.
#pragma once

#include <sys/types.h>

struct stat;

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace db {

class InboxFolder {
  public:
    using Clock = std::chrono::steady_clock;

    // Creates the folder, and processed/ and quarantine/ in it (0700) when missing.
    InboxFolder(std::filesystem::path folder, Clock::duration settle);

    const std::filesystem::path& path() const { return folder_; }

    // Every entry now that is not a folder, an ignored name or set aside.
    std::vector<std::filesystem::path> all_files();
    // Of those, the files that have stayed the same for the settle period;
    // `still_settling` says whether others are waiting for that.
    std::vector<std::filesystem::path> ready_files(bool& still_settling);
    // After ready_files() said some are still settling: how long until the first of
    // them has been unchanged for the settle period (a file past it but still open for
    // writing is looked at again after half of it). The writer sleeps that long, so a
    // dropped file is imported when it settles, not up to half a period later.
    Clock::duration until_next_settled() const;

    // Moves an imported file to processed/ (a numbered name if one is there already).
    // Throws std::filesystem::filesystem_error when it cannot.
    std::filesystem::path move_to_processed(const std::filesystem::path& file);
    // Moves a refused file to quarantine/ with `<name>.error.txt` beside it, the report
    // written first: a file never sits in quarantine without one. Throws
    // std::filesystem::filesystem_error when it cannot; the file is then still here.
    std::filesystem::path move_to_quarantine(const std::filesystem::path& file,
                                             const std::string& report);

    // Leaves `file` out of the lists until it changes (or goes): it could not be moved
    // away, and trying again on every rescan would only repeat the failure.
    void set_aside(const std::filesystem::path& file);

  private:
    // What lstat says of an entry: enough to tell that it changed.
    struct Identity {
        dev_t device = 0;
        ino_t inode = 0;
        off_t size = 0;
        int64_t modified_ns = 0;
        bool regular = false;
        bool operator==(const Identity& o) const {
            return device == o.device && inode == o.inode && size == o.size &&
                   modified_ns == o.modified_ns;
        }
    };
    static Identity identity_of(const struct stat& st);
    struct Seen {
        Identity identity;
        Clock::time_point unchanged_since;
    };
    // The entries all_files() would list, with what lstat said of each.
    std::vector<std::pair<std::filesystem::path, Identity>> listing();
    std::filesystem::path move_into(const std::filesystem::path& file, const std::string& subfolder,
                                    const std::string* report);

    std::filesystem::path folder_;
    Clock::duration settle_;
    std::map<std::filesystem::path, Seen> seen_;
    std::map<std::filesystem::path, Identity> set_aside_;
};

// Files the inbox ignores: dot files and `*.tmp` (a writer's file still being written).
bool is_ignored_inbox_name(const std::string& name);

}  // namespace db

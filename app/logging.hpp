// Where liftboard's log lines go: stderr always (under systemd that is the journal,
// which adds its own timestamps), and optionally a size-rotated file for machines
// without a journal anyone reads. Log lines never carry pupil names: they name files,
// lines, fields and counts (see STYLE.md, privacy).
#pragma once

#include <string>

namespace app {

struct LogSettings {
    std::string level = "info";
    std::string file;  // empty: stderr only
    int max_mb = 10;
    int files = 3;
};

// Replaces spdlog's default logger. Throws std::runtime_error when the file cannot be
// opened (naming it).
void setup_logging(const LogSettings& settings);

}  // namespace app

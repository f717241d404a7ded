// The dashboard's configuration: a TOML file (assets/liftboard.example.toml shows every
// key) whose values command-line flags override. A bad value is an error naming the
// file, the key and what is wrong, before any window opens.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace app {

struct ClockTime {
    int minutes = 0;  // since midnight
    bool operator==(const ClockTime&) const = default;
};

struct NightHours {
    ClockTime start{22 * 60}, end{6 * 60};  // blank from start to end (may wrap midnight)
    bool contains(ClockTime t) const;
    bool operator==(const NightHours&) const = default;
};

struct Config {
    // [data]
    std::string db, inbox, hub;  // hub: a PostgreSQL URI; also $LIFTBOARD_HUB
    int max_file_mb = 200;       // a larger inbox file is quarantined unread
    // [district]
    std::string home_district = "Maidstone";
    // [kiosk]
    std::vector<std::string> boards = {"meetings", "caseload", "triage", "lookup", "trends"};
    int rotate_seconds = 30;
    int idle_return_seconds = 120;  // back to the rotation after a touch or key
    int monitor = 0;                // 0 = primary
    std::optional<NightHours> night = NightHours{};
    int pixel_shift_minutes = 10;   // burn-in protection: move the picture a little
    std::string contact_line;       // e.g. "Emergencies: School Age Lead, 01234 000000"
    // Type is sized for the room: the screen's diagonal (used when the display does not
    // report its size) and how far away people read it (see widgets/type_scale.hpp).
    double screen_diagonal_in = 55.0;
    double viewing_distance_m = 3.0;
    // [privacy]
    bool show_names = false;        // privacy mode is on unless this is true
    int card_revert_seconds = 60;   // a pupil card goes back to initials after this
    // [sync]
    int stale_after_hours = 24;
    // [session] (issue 12): the LIFT session board's time slots.
    int session_minutes_per_case = 20;
    ClockTime session_start{9 * 60 + 30};  // the venue default when not set
    // [rules]
    int visit_interval_weeks = 6;
    int referral_cap = 3;

    // [control] (issue 13): the local control endpoint for `liftboard ctl`.
    std::string control_socket;     // default $XDG_RUNTIME_DIR/liftboard.sock
    std::string control_listen;     // "127.0.0.1:PORT": optional HTTP listener
    std::string control_token_file; // its bearer token; required with listen
    // [log] (issue 13): stderr always (journald); optionally a rotating file too.
    std::string log_level = "info"; // trace | debug | info | warn | error
    std::string log_file;
    int log_max_mb = 10;
    int log_files = 3;
    // [kiosk] dpms (issue 13): switch the display off through DPMS at night.
    bool dpms = true;
    // [backup] (the writer keeps daily backups when `dir` is set)
    std::string backup_dir;
    int backup_keep = 7;          // daily backups kept
    ClockTime backup_at{2 * 60};  // local time after which the day's backup is made
};

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads and checks a config file. `known_boards` are the names --board accepts.
// Throws ConfigError("FILE: key 'kiosk.rotate_seconds': must be a whole number from 5 to 3600").
Config load_config(const std::filesystem::path& file, const std::vector<std::string>& known_boards);

// Parses "HH:MM"; nullopt when it is not a time of day.
std::optional<ClockTime> parse_clock_time(const std::string& text);

}  // namespace app

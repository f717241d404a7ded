#include "app/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/domain.hpp"

namespace app {
namespace {

std::string toml_number(double v) {
    std::string text = std::to_string(v);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

// Reads one table of the file, checking each key's type and range, and refusing keys
// the table does not have (a typo must not silently fall back to a default).
class Reader {
public:
    Reader(const std::filesystem::path& file, const toml::table& root) : file_(file), root_(root) {}

    [[noreturn]] void fail(const std::string& key, const std::string& what) const {
        throw ConfigError(file_.string() + ": key '" + key + "': " + what);
    }

    const toml::node* find(const std::string& table, const std::string& key) {
        used_[table].insert(key);
        const toml::table* t = root_[table].as_table();
        return t ? t->get(key) : nullptr;
    }

    void text(const std::string& table, const std::string& key, std::string& out) {
        if (const toml::node* n = find(table, key)) {
            if (!n->is_string()) fail(table + "." + key, "must be a string in quotes");
            out = **n->as_string();
        }
    }
    void whole(const std::string& table, const std::string& key, int& out, int lo, int hi) {
        if (const toml::node* n = find(table, key)) {
            auto v = n->value<int64_t>();
            if (!n->is_integer() || !v || *v < lo || *v > hi)
                fail(table + "." + key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
            out = static_cast<int>(*v);
        }
    }
    void number(const std::string& table, const std::string& key, double& out, double lo,
                double hi) {
        if (const toml::node* n = find(table, key)) {
            auto v = n->value<double>();  // an integer or a float
            if (!(n->is_integer() || n->is_floating_point()) || !v || *v < lo || *v > hi)
                fail(table + "." + key,
                     "must be a number from " + toml_number(lo) + " to " + toml_number(hi));
            out = *v;
        }
    }
    void flag(const std::string& table, const std::string& key, bool& out) {
        if (const toml::node* n = find(table, key)) {
            if (!n->is_boolean()) fail(table + "." + key, "must be true or false");
            out = **n->as_boolean();
        }
    }
    void list(const std::string& table, const std::string& key, std::vector<std::string>& out) {
        if (const toml::node* n = find(table, key)) {
            const toml::array* a = n->as_array();
            if (!a || a->empty()) fail(table + "." + key, "must be a non-empty list of strings");
            out.clear();
            for (const toml::node& item : *a) {
                if (!item.is_string()) fail(table + "." + key, "must be a non-empty list of strings");
                out.push_back(**item.as_string());
            }
        }
    }

    // Every table and key of the file must be one we read.
    void refuse_unknown() const {
        for (const auto& [table_name, node] : root_) {
            std::string table(table_name.str());
            auto used = used_.find(table);
            if (used == used_.end()) fail(table, "unknown section");
            const toml::table* t = node.as_table();
            if (!t) fail(table, "must be a [section]");
            for (const auto& [key, value] : *t)
                if (!used->second.count(std::string(key.str()))) fail(table + "." + std::string(key.str()), "unknown key");
        }
    }

private:
    const std::filesystem::path& file_;
    const toml::table& root_;
    std::map<std::string, std::set<std::string>> used_;
};

}  // namespace

bool NightHours::contains(ClockTime t) const {
    if (start.minutes <= end.minutes) return t.minutes >= start.minutes && t.minutes < end.minutes;
    return t.minutes >= start.minutes || t.minutes < end.minutes;  // wraps midnight
}

std::optional<ClockTime> parse_clock_time(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (size_t i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return ClockTime{h * 60 + m};
}

Config load_config(const std::filesystem::path& file, const std::vector<std::string>& known_boards) {
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw ConfigError(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
    }
    Config c;
    Reader r(file, root);
    r.text("data", "db", c.db);
    r.text("data", "inbox", c.inbox);
    r.text("data", "hub", c.hub);
    r.whole("data", "max_file_mb", c.max_file_mb, 1, 4096);

    r.text("district", "home", c.home_district);
    if (auto canonical = core::canonical_district(c.home_district))
        c.home_district = std::string(*canonical);
    else
        r.fail("district.home", "'" + c.home_district + "' is not one of the 12 Kent districts");

    r.list("kiosk", "boards", c.boards);
    for (const auto& board : c.boards)
        if (std::find(known_boards.begin(), known_boards.end(), board) == known_boards.end())
            r.fail("kiosk.boards", "unknown board '" + board + "'");
    r.whole("kiosk", "rotate_seconds", c.rotate_seconds, 5, 3600);
    r.whole("kiosk", "idle_return_seconds", c.idle_return_seconds, 5, 86400);
    r.whole("kiosk", "monitor", c.monitor, 0, 16);
    r.whole("kiosk", "pixel_shift_minutes", c.pixel_shift_minutes, 0, 1440);
    r.text("kiosk", "contact_line", c.contact_line);
    r.number("kiosk", "screen_diagonal_in", c.screen_diagonal_in, 10.0, 300.0);
    r.number("kiosk", "viewing_distance_m", c.viewing_distance_m, 0.3, 30.0);
    bool night_blank = true;
    r.flag("kiosk", "night_blank", night_blank);
    std::string night_start = "22:00", night_end = "06:00";
    r.text("kiosk", "night_start", night_start);
    r.text("kiosk", "night_end", night_end);
    auto start = parse_clock_time(night_start);
    if (!start) r.fail("kiosk.night_start", "must be a time as HH:MM, not '" + night_start + "'");
    auto end = parse_clock_time(night_end);
    if (!end) r.fail("kiosk.night_end", "must be a time as HH:MM, not '" + night_end + "'");
    if (*start == *end) r.fail("kiosk.night_end", "must differ from kiosk.night_start");
    c.night = night_blank ? std::optional<NightHours>(NightHours{*start, *end}) : std::nullopt;

    r.flag("privacy", "show_names", c.show_names);
    r.whole("privacy", "card_revert_seconds", c.card_revert_seconds, 5, 3600);
    r.whole("sync", "stale_after_hours", c.stale_after_hours, 1, 24 * 365);
    r.whole("session", "minutes_per_case", c.session_minutes_per_case, 5, 120);
    std::string session_start = "09:30";
    r.text("session", "start", session_start);
    if (auto at = parse_clock_time(session_start))
        c.session_start = *at;
    else
        r.fail("session.start", "must be a time as HH:MM, not '" + session_start + "'");
    r.whole("rules", "visit_interval_weeks", c.visit_interval_weeks, 1, 52);
    r.whole("rules", "referral_cap", c.referral_cap, 1, 50);

    // [control], [log] and [kiosk] dpms (issue 13): the wall's service settings.
    r.text("control", "socket", c.control_socket);
    r.text("control", "listen", c.control_listen);
    r.text("control", "token_file", c.control_token_file);
    if (!c.control_listen.empty() && c.control_token_file.empty())
        r.fail("control.token_file", "is required when control.listen is set");
    r.text("log", "level", c.log_level);
    if (!std::set<std::string>{"trace", "debug", "info", "warn", "error"}.count(c.log_level))
        r.fail("log.level", "must be one of trace, debug, info, warn, error");
    r.text("log", "file", c.log_file);
    r.whole("log", "max_mb", c.log_max_mb, 1, 1024);
    r.whole("log", "files", c.log_files, 1, 100);
    r.flag("kiosk", "dpms", c.dpms);
    // [backup]: the writer keeps daily backups when `dir` is set.
    r.text("backup", "dir", c.backup_dir);
    r.whole("backup", "keep", c.backup_keep, 1, 366);
    std::string backup_at = "02:00";
    r.text("backup", "at", backup_at);
    if (auto at = parse_clock_time(backup_at))
        c.backup_at = *at;
    else
        r.fail("backup.at", "must be a time as HH:MM, not '" + backup_at + "'");

    r.refuse_unknown();
    return c;
}

}  // namespace app

#include "app/commands/meeting_papers.hpp"

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "app/config.hpp"
#include "db/store.hpp"

namespace app {
namespace {

std::vector<std::string> known_boards() {
    const auto names = App::board_names();
    return {names.begin(), names.end()};
}

}  // namespace

void add_paper_options(CLI::App& sub, PaperOptions& options) {
    sub.add_option("--db", options.db, "Database file (opened read-only)")->required();
    sub.add_option("--meeting", options.meeting, "The LIFT meeting's date, YYYY-MM-DD")->required();
    sub.add_option("--config", options.config,
                   "TOML configuration file: [district] home (the default district) and [rules]");
    sub.add_option("--district", options.district,
                   "The meeting's district (default: the home district, Maidstone)");
    sub.add_option("--group", options.group,
                   "The meeting's LIFT group, when the district has several that day");
    sub.add_option("--today", options.today,
                   "Date the rules are read on, YYYY-MM-DD (default: today)");
    sub.add_option("--start", options.start,
                   "The first case's time, HH:MM (default: [session] start of --config, else 09:30)");
    sub.add_option("--minutes-per-case", options.minutes_per_case,
                   "Minutes each case is given (default: [session] minutes_per_case of --config, "
                   "else 20)")
        ->check(CLI::Range(1, 240));
    sub.add_flag("--show-names", options.show_names,
                 "Print pupils' full names (office use only; default: initials and ref)");
}

std::string load_session(const PaperOptions& options, LoadedSession& out,
                         core::Date (*as_of)(core::Date, core::Date)) {
    core::Date today = core::today_local();
    if (!options.today.empty()) {
        auto parsed = core::parse_date(options.today);
        if (!parsed) return "--today: not a date (expected YYYY-MM-DD): " + options.today;
        today = *parsed;
    }
    Config config;
    if (!options.config.empty()) {
        try {
            config = load_config(options.config, known_boards());
        } catch (const std::exception& e) {
            return e.what();  // names the file and the key
        }
    }
    // The slots the session board shows ([session]), unless a flag says otherwise.
    core::SessionSettings settings{config.session_minutes_per_case, config.session_start.minutes};
    if (options.minutes_per_case > 0) settings.minutes_per_case = options.minutes_per_case;
    if (!options.start.empty()) {
        auto start = parse_clock_time(options.start);
        if (!start) return "--start: not a time of day (expected HH:MM): " + options.start;
        settings.start_minutes = start->minutes;
    }
    const std::string district = options.district.empty() ? config.home_district : options.district;
    // The referral cap decides readiness: the same [rules] as the boards.
    core::RulesConfig rules;
    rules.visit_interval_weeks = config.visit_interval_weeks;
    rules.referral_cap = config.referral_cap;
    out.data = std::make_unique<core::Dataset>();
    try {
        db::Store store(options.db, db::Store::Access::read_only);
        *out.data = store.load_dataset();
    } catch (const std::exception& e) {
        return e.what();  // names the file: "x.db: no such database"
    }
    const core::MeetingPick pick =
        core::pick_meeting(*out.data, district, options.meeting, options.group, today);
    if (!pick.ok()) return pick.error;
    if (as_of) today = as_of(pick.meeting->meeting_date, today);
    out.engine = std::make_unique<core::RulesEngine>(*out.data, rules);
    out.session = core::build_lift_session(*out.data, *out.engine, *pick.meeting, settings, today);
    return "";
}

}  // namespace app

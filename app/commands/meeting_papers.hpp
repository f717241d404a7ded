// What `liftboard pack` and `liftboard outcome-sheets` share: their common options
// (database, meeting, district, group, today, session times, names) and the LIFT session
// model (core/lift_session.hpp) they print, loaded from the store read-only with the
// meeting picked as the session board picks it.
#pragma once

#include <memory>
#include <string>

#include "core/dataset.hpp"
#include "core/lift_session.hpp"
#include "core/rules.hpp"

namespace CLI {
class App;
}

namespace app {

struct PaperOptions {
    std::string db, config, meeting, district, group, today, start;
    int minutes_per_case = 0;  // 0: not given ([session] of --config, else the default)
    bool show_names = false;
};

// --db, --meeting (required), --config, --district, --group, --today, --start,
// --minutes-per-case, --show-names. --start and --minutes-per-case default to [session]
// of --config, as the session board's slots do, so the papers and the room agree.
void add_paper_options(CLI::App& sub, PaperOptions& options);

struct LoadedSession {
    std::unique_ptr<core::Dataset> data;
    std::unique_ptr<core::RulesEngine> engine;
    core::LiftSession session;
};

// The session of the meeting the options name, as of --today (or of the day
// `as_of(meeting date, today)` gives). Returns "" and fills `out`, or the one-line error:
// a bad date or number, an unreadable database, "no LIFT meeting of Maidstone on ...".
std::string load_session(const PaperOptions& options, LoadedSession& out,
                         core::Date (*as_of)(core::Date meeting, core::Date today) = nullptr);

}  // namespace app

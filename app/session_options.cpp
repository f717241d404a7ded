// The LIFT session board's options (see session_options.hpp).
#include "app/session_options.hpp"

#include <memory>

#include "app/app.hpp"
#include "app/config.hpp"
#include "core/date.hpp"
#include "widgets/session_board.hpp"

namespace app {

std::string meeting_option_error(const std::string& meeting) {
    if (meeting.empty() || core::parse_date(meeting)) return "";
    return "--meeting must be a date as YYYY-MM-DD, not '" + meeting + "'";
}

namespace {

core::SessionSettings session_settings(const Config& config) {
    return {config.session_minutes_per_case, config.session_start.minutes};
}

}  // namespace

void configure_session_board(App& app, const std::string& meeting, const Config& config,
                             bool read_only) {
    auto board = std::make_unique<widgets::SessionBoard>();
    board->configure({meeting, session_settings(config), read_only});
    app.add_board(std::move(board));  // replaces the unconfigured one, in its place
}

void apply_session_config(App& app, const Config& config) {
    if (auto* board = dynamic_cast<widgets::SessionBoard*>(app.find_board("session")))
        board->set_session_settings(session_settings(config));
}

}  // namespace app

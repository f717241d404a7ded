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

void configure_session_board(App& app, const std::string& meeting, const Config& config,
                             bool read_only) {
    auto board = std::make_unique<widgets::SessionBoard>();
    board->configure(
        {meeting, {config.session_minutes_per_case, config.session_start.minutes}, read_only});
    app.add_board(std::move(board));  // replaces the unconfigured one, in its place
}

}  // namespace app

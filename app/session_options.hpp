// The LIFT session board's options: --meeting (checked before any window opens: a bad
// date exits 2 with one line) and the [session] settings, handed to the session board
// once the App exists. Kept apart so the App itself does not grow with them.
#pragma once

#include <string>

namespace app {

class App;
struct Config;

// "" when `meeting` is empty or a date; else the line to print.
std::string meeting_option_error(const std::string& meeting);

// Gives the App's session board the meeting to open and the slot settings; a
// screenshot's board is `read_only` (it shows no outcome buttons).
void configure_session_board(App& app, const std::string& meeting, const Config& config,
                             bool read_only = false);

// A config reload: the session board's slots follow the new [session]; the meeting it
// runs and the case under discussion stay.
void apply_session_config(App& app, const Config& config);

}  // namespace app

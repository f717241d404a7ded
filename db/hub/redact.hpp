// Keeps hub passwords out of every message a person or a log file sees: connection
// strings and the error texts of libpq / libpqxx pass through redact_secrets() before
// they are logged, stored in sync_state or shown in the status bar.
#pragma once

#include <string>
#include <string_view>

namespace db::hub {

// `text` with every password replaced by "***": the value of a `password=` key
// (key/value form, quoted or not, and URI query parameters) and the password part of
// URI user info ("postgresql://user:secret@host" -> "postgresql://user:***@host").
std::string redact_secrets(std::string_view text);

}  // namespace db::hub

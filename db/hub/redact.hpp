// Keeps hub passwords out of every message a person or a log file sees: error texts of
// libpq / libpqxx pass through redact_secrets() before they are logged, stored in
// sync_state or shown in the status bar. Connection strings themselves are never
// stored or shown (db/hub/hub_connection.hpp names a hub by host and database); this
// is the second line, for texts that quote one anyway.
#pragma once

#include <string>
#include <string_view>

namespace db::hub {

// `text` with every password replaced by "***": the value of any key ending in
// "password" (password, sslpassword; key/value form, quoted or not, URI query
// parameters, percent-encoded keys, spaces around '=') and the password part of URI
// user info ("postgresql://user:secret@host" -> "postgresql://user:***@host").
std::string redact_secrets(std::string_view text);

// Every double-quoted value replaced by "***": libpq's complaints about a connection
// string quote the offending text without naming its key (`missing "=" after
// "s3cret" in connection info string`), so nothing in quotes can be trusted.
std::string mask_quoted_values(std::string_view text);

}  // namespace db::hub

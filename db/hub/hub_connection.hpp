// Connections to the hub: opened from a connection string given by the user (URI or
// key/value form, read by libpq's own parser, so sslmode and the other TLS options
// work), every error message redacted, and errors sorted into "the hub is unreachable,
// try again later" and "the hub refused this data". The string itself is never logged
// or stored: a hub is named by hub_label() (host and database), which cannot hold a
// password whatever characters the password has.
#pragma once

#include <memory>
#include <pqxx/connection>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace db::hub {

// A hub failure whose message is safe to show and log (passwords redacted).
class HubError : public std::runtime_error {
  public:
    HubError(const std::string& message, bool transient);
    // True when retrying later may succeed (connection lost, server shutting down).
    bool transient() const { return transient_; }

  private:
    bool transient_;
};

struct ConnectionParam {
    std::string keyword, value;
};
using ConnectionParams = std::vector<ConnectionParam>;

// The keywords the string sets, as libpq reads them (PQconninfoParse: either form,
// percent-decoding, quoting). Throws HubError (not transient) for a string libpq
// rejects, with every quoted value of libpq's complaint masked.
ConnectionParams parse_connection_string(const std::string& connection_string);

// What connect_hub() gives libpq: the parsed keywords rebuilt as key='value' pairs,
// plus connect_timeout=10 when the string sets none (an unreachable host must not hold
// the writer thread for libpq's default of forever). Rebuilt, not appended to: text
// added to a URI whose password holds '?' or '#' would land inside it.
std::string libpq_connection_string(const std::string& connection_string);

// "hub.example:5432/lift": the hub as logs, sync_state and the screen name it.
std::string hub_label(const std::string& connection_string);

// True when the string sets password or sslpassword.
bool carries_password(const std::string& connection_string);

// "" unless `given` (the value of command-line option `option`) holds a password;
// else a warning pointing to LIFTBOARD_HUB, a passfile or PGPASSWORD.
std::string command_line_password_warning(std::string_view option, const std::string& given);

// Opens a connection with DateStyle ISO (dates cross as YYYY-MM-DD) and UTC. Throws
// HubError.
std::unique_ptr<pqxx::connection> connect_hub(const std::string& connection_string);

// The exception currently being handled (call inside a catch block) as a HubError.
HubError current_hub_error();

// Connection string from an explicit value, else LIFTBOARD_HUB from the environment;
// "" when neither is set.
std::string hub_connection_string(const std::string& given);

}  // namespace db::hub

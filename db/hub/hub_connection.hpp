// Connections to the hub: opened from a connection string given by the user (URI or
// key/value form, passed to libpq as is, so sslmode and the other TLS options work),
// every error message redacted, and errors sorted into "the hub is unreachable, try
// again later" and "the hub refused this data".
#pragma once

#include <memory>
#include <pqxx/connection>
#include <stdexcept>
#include <string>

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

// Adds connect_timeout=10 when the string sets none: an unreachable host must not
// hold the writer thread for libpq's default of forever.
std::string with_connect_timeout(const std::string& connection_string);

// Opens a connection with DateStyle ISO (dates cross as YYYY-MM-DD) and UTC. Throws
// HubError.
std::unique_ptr<pqxx::connection> connect_hub(const std::string& connection_string);

// The exception currently being handled (call inside a catch block) as a HubError.
HubError current_hub_error();

// Connection string from an explicit value, else LIFTBOARD_HUB from the environment;
// "" when neither is set.
std::string hub_connection_string(const std::string& given);

}  // namespace db::hub

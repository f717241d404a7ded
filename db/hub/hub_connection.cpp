#include "db/hub/hub_connection.hpp"

#include <cstdlib>
#include <pqxx/pqxx>

#include "db/hub/redact.hpp"

namespace db::hub {
namespace {

bool is_uri(const std::string& s) {
    return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

// SQLSTATE classes where the statement was fine and the server or network was not:
// connection exception, operator intervention (shutdown), transaction rollback
// (serialization, deadlock), insufficient resources, system error.
bool transient_sqlstate(const std::string& state) {
    if (state.size() < 2) return true;
    std::string cls = state.substr(0, 2);
    return cls == "08" || cls == "57" || cls == "40" || cls == "53" || cls == "58";
}

}  // namespace

HubError::HubError(const std::string& message, bool transient)
    : std::runtime_error(redact_secrets(message)), transient_(transient) {}

std::string with_connect_timeout(const std::string& s) {
    if (s.find("connect_timeout") != std::string::npos) return s;
    if (!is_uri(s)) return s + (s.empty() ? "" : " ") + "connect_timeout=10";
    return s + (s.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
}

std::unique_ptr<pqxx::connection> connect_hub(const std::string& connection_string) {
    try {
        auto connection =
            std::make_unique<pqxx::connection>(with_connect_timeout(connection_string));
        pqxx::nontransaction setup(*connection);
        setup.exec0("SET DateStyle = ISO; SET TimeZone = 'UTC'");
        return connection;
    } catch (...) {
        throw current_hub_error();
    }
}

HubError current_hub_error() {
    try {
        throw;
    } catch (const HubError& e) {
        return e;
    } catch (const pqxx::broken_connection& e) {
        return HubError(std::string("hub unreachable: ") + e.what(), true);
    } catch (const pqxx::in_doubt_error& e) {
        return HubError(std::string("hub connection lost during commit: ") + e.what(), true);
    } catch (const pqxx::sql_error& e) {
        return HubError(std::string("hub: ") + e.what(), transient_sqlstate(e.sqlstate()));
    } catch (const pqxx::failure& e) {
        return HubError(std::string("hub: ") + e.what(), true);
    } catch (const std::exception& e) {
        return HubError(std::string("hub: ") + e.what(), false);
    }
}

std::string hub_connection_string(const std::string& given) {
    if (!given.empty()) return given;
    const char* from_environment = std::getenv("LIFTBOARD_HUB");
    return from_environment ? from_environment : "";
}

}  // namespace db::hub

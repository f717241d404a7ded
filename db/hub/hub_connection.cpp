#include "db/hub/hub_connection.hpp"

#include <libpq-fe.h>

#include <cctype>
#include <cstdlib>
#include <pqxx/pqxx>

#include "db/hub/redact.hpp"

namespace db::hub {
namespace {

bool is_password_keyword(std::string_view keyword) {
    return keyword == "password" || keyword == "sslpassword";
}

// A key/value value as libpq reads it back: single quotes, backslash escapes.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
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

ConnectionParams parse_connection_string(const std::string& connection_string) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(connection_string.c_str(), &error);
    if (!options) {
        std::string reason = error ? error : "out of memory";
        PQfreemem(error);
        while (!reason.empty() && std::isspace(static_cast<unsigned char>(reason.back())))
            reason.pop_back();
        throw HubError("the hub connection string is not valid: " + mask_quoted_values(reason),
                       false);
    }
    ConnectionParams params;
    for (const PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val) params.push_back({o->keyword, o->val});
    PQconninfoFree(options);
    return params;
}

std::string libpq_connection_string(const std::string& connection_string) {
    ConnectionParams params = parse_connection_string(connection_string);
    bool has_timeout = false;
    std::string out;
    for (const ConnectionParam& p : params) {
        has_timeout |= p.keyword == "connect_timeout";
        out += (out.empty() ? "" : " ") + p.keyword + "=" + quoted(p.value);
    }
    if (!has_timeout) out += std::string(out.empty() ? "" : " ") + "connect_timeout=10";
    return out;
}

std::string hub_label(const std::string& connection_string) {
    ConnectionParams params;
    try {
        params = parse_connection_string(connection_string);
    } catch (const HubError&) {
        return "(connection string not valid)";
    }
    auto value = [&](std::string_view keyword) {
        for (const ConnectionParam& p : params)
            if (p.keyword == keyword && !p.value.empty()) return p.value;
        return std::string();
    };
    std::string host = value("host");
    if (host.empty()) host = value("hostaddr");
    if (host.empty()) host = "localhost";
    std::string port = value("port");
    std::string database = value("dbname");
    return host + (port.empty() ? "" : ":" + port) + "/" + database;
}

bool carries_password(const std::string& connection_string) {
    try {
        for (const ConnectionParam& p : parse_connection_string(connection_string))
            if (is_password_keyword(p.keyword) && !p.value.empty()) return true;
    } catch (const HubError&) {
        // Not valid: looked at by the redactor instead.
        return redact_secrets(connection_string) != connection_string;
    }
    return false;
}

std::string command_line_password_warning(std::string_view option, const std::string& given) {
    if (!carries_password(given)) return "";
    return "warning: " + std::string(option) +
           " holds a password, which other users of this machine can read in the process "
           "list; give the connection string in LIFTBOARD_HUB instead, or the password in a "
           "passfile (~/.pgpass) or PGPASSWORD";
}

std::unique_ptr<pqxx::connection> connect_hub(const std::string& connection_string) {
    try {
        auto connection =
            std::make_unique<pqxx::connection>(libpq_connection_string(connection_string));
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

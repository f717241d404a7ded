// Passwords never reach a log line or the screen: redaction of connection strings in
// both libpq forms, in error texts, and in the sync source's name.
#include <catch2/catch.hpp>

#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_source.hpp"
#include "db/hub/redact.hpp"

using db::hub::redact_secrets;

TEST_CASE("URI user info loses its password, the rest stays readable") {
    CHECK(redact_secrets("postgresql://board:Tr0ub4dor@hub.example:5432/lift?sslmode=require") ==
          "postgresql://board:***@hub.example:5432/lift?sslmode=require");
    CHECK(redact_secrets("postgres://board@hub.example/lift") ==
          "postgres://board@hub.example/lift");
    CHECK(redact_secrets("postgresql://hub.example/lift") == "postgresql://hub.example/lift");
    // A password with an encoded '@' or ':' in it.
    CHECK(redact_secrets("postgresql://board:p%40ss:word@hub/db") ==
          "postgresql://board:***@hub/db");
}

TEST_CASE("password= values are masked in key/value strings and URI parameters") {
    CHECK(redact_secrets("host=hub.example user=board password=Tr0ub4dor sslmode=verify-full") ==
          "host=hub.example user=board password=*** sslmode=verify-full");
    CHECK(redact_secrets("host=hub password = 'it\\'s a secret' dbname=lift") ==
          "host=hub password = *** dbname=lift");
    CHECK(redact_secrets("postgresql://hub/lift?user=board&password=Tr0ub4dor&sslmode=require") ==
          "postgresql://hub/lift?user=board&password=***&sslmode=require");
    CHECK(redact_secrets("PASSWORD=abc") == "PASSWORD=***");
    // Only the key itself: other keys that end in "password" are not values to mask,
    // and text that merely mentions the word is left alone.
    CHECK(redact_secrets("no password supplied") == "no password supplied");
    CHECK(redact_secrets("old_password=x") == "old_password=x");
}

TEST_CASE("error texts that quote a connection string are redacted") {
    std::string message =
        "could not connect: postgresql://board:Tr0ub4dor@10.0.0.9/lift (password=Tr0ub4dor)";
    std::string redacted = redact_secrets(message);
    CHECK(redacted.find("Tr0ub4dor") == std::string::npos);
    CHECK(db::hub::HubError(message, true).what() == redacted);
}

TEST_CASE("the hub source names itself without the password") {
    std::string name = db::hub::hub_source_name("postgresql://board:Tr0ub4dor@hub/lift");
    CHECK(name == "hub:postgresql://board:***@hub/lift");
}

TEST_CASE("a connect timeout is added unless one is given, in either form") {
    using db::hub::with_connect_timeout;
    CHECK(with_connect_timeout("postgresql://hub/lift") ==
          "postgresql://hub/lift?connect_timeout=10");
    CHECK(with_connect_timeout("postgresql://hub/lift?sslmode=require") ==
          "postgresql://hub/lift?sslmode=require&connect_timeout=10");
    CHECK(with_connect_timeout("host=hub dbname=lift") ==
          "host=hub dbname=lift connect_timeout=10");
    CHECK(with_connect_timeout("host=hub connect_timeout=3") == "host=hub connect_timeout=3");
}

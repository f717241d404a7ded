// Passwords never reach a log line or the screen: redaction of connection strings in
// both libpq forms, in error texts, and in the sync source's name.
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_source.hpp"
#include "db/hub/redact.hpp"
#include "db/store.hpp"
#include "support/temp_dir.hpp"

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

TEST_CASE("a failing hub never shows the password on screen, in logs or in the store") {
    test_support::TempDir dir;
    std::string binary = LIFTBOARD_BINARY;
    // Port 1 on loopback: refused at once, so the error path runs without a server.
    auto init = test_support::run_command(
        binary + " hub init --pg 'host=127.0.0.1 port=1 user=board password=Sup3rSecret'");
    CHECK(init.status == 2);
    CHECK_THAT(init.output, Catch::Contains("hub unreachable"));
    CHECK(init.output.find("Sup3rSecret") == std::string::npos);

    auto sync =
        test_support::run_command(binary + " sync --once --db " + (dir / "x.db").string() +
                                  " --hub 'postgresql://board:Sup3rSecret@127.0.0.1:1/lift'");
    CHECK(sync.status == 1);
    CHECK_THAT(sync.output, Catch::Contains("hub unreachable"));
    CHECK(sync.output.find("Sup3rSecret") == std::string::npos);
    db::Store store(dir / "x.db");
    SQLite::Statement rows(store.database(), "SELECT source || last_error FROM sync_state");
    int seen = 0;
    while (rows.executeStep()) {
        ++seen;
        CHECK(rows.getColumn(0).getString().find("Sup3rSecret") == std::string::npos);
    }
    CHECK(seen == 1);
}

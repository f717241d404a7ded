// Passwords never reach a log line or the screen: redaction of connection strings in
// both libpq forms and in error texts; the sync source named by host and database
// only; connection strings read by libpq's own parser, so a password with '?' or '#'
// in it still connects; a warning for a password on the command line.
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include "db/hub/hub_connection.hpp"
#include "db/hub/hub_source.hpp"
#include "db/hub/redact.hpp"
#include "db/store.hpp"
#include "support/pg_cluster.hpp"
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
    // Text that merely mentions the word is left alone.
    CHECK(redact_secrets("no password supplied") == "no password supplied");
    CHECK(redact_secrets("password: none given") == "password: none given");
}

TEST_CASE("every key libpq reads as a password is masked, however it is written") {
    // sslpassword (the client key's passphrase): the key follows a word character.
    CHECK(redact_secrets("host=hub sslpassword=K3yPass sslmode=verify-full") ==
          "host=hub sslpassword=*** sslmode=verify-full");
    CHECK(redact_secrets("postgresql://hub/lift?sslpassword=K3yPass&sslmode=require") ==
          "postgresql://hub/lift?sslpassword=***&sslmode=require");
    // Percent-encoded key in a URI query: libpq decodes it to "password".
    CHECK(redact_secrets("postgresql://hub/lift?pass%77ord=Tr0ub4dor") ==
          "postgresql://hub/lift?pass%77ord=***");
    CHECK(redact_secrets("postgresql://hub/lift?%70%61%73%73%77%6f%72%64=Tr0ub4dor") ==
          "postgresql://hub/lift?%70%61%73%73%77%6f%72%64=***");
    // Any whitespace around '=', as libpq allows in key/value strings.
    CHECK(redact_secrets("host=hub password\t=\tTr0ub4dor") == "host=hub password\t=\t***");
    CHECK(redact_secrets("host=hub password\n= Tr0ub4dor") == "host=hub password\n= ***");
}

TEST_CASE("a URI password holding '?', '#' or ':' is masked whole") {
    // libpq reads user info up to the '@' before the first '/': these are all password.
    CHECK(redact_secrets("postgresql://board:pa?ss#wo:rd@hub.example/lift?sslmode=require") ==
          "postgresql://board:***@hub.example/lift?sslmode=require");
    CHECK(redact_secrets("could not connect to postgres://board:x#y?z@10.0.0.9 (timeout)") ==
          "could not connect to postgres://board:***@10.0.0.9 (timeout)");
}

TEST_CASE("libpq's complaints about a connection string quote no value") {
    // A key/value string whose password lacks its '=': libpq names the value alone.
    auto parse = [](const std::string& s) {
        try {
            db::hub::parse_connection_string(s);
        } catch (const db::hub::HubError& e) {
            CHECK_FALSE(e.transient());
            return std::string(e.what());
        }
        return std::string("parsed");
    };
    std::string missing = parse("host=hub password Sup3rSecret");
    CHECK_THAT(missing, Catch::Contains("not valid"));
    CHECK(missing.find("Sup3rSecret") == std::string::npos);
    std::string separator = parse("postgresql://hub/lift?pass%77ord=Sup3r=Secret");
    CHECK_THAT(separator, Catch::Contains("not valid"));
    CHECK(separator.find("Sup3r") == std::string::npos);
    std::string encoded = parse("postgresql://board:Sup3rSecret%zz@hub/lift");
    CHECK_THAT(encoded, Catch::Contains("not valid"));
    CHECK(encoded.find("Sup3rSecret") == std::string::npos);
    CHECK(db::hub::mask_quoted_values(R"(missing "=" after "s3cret" in connection info string)") ==
          R"(missing "=" after "***" in connection info string)");
}

TEST_CASE("error texts that quote a connection string are redacted") {
    std::string message =
        "could not connect: postgresql://board:Tr0ub4dor@10.0.0.9/lift (password=Tr0ub4dor)";
    std::string redacted = redact_secrets(message);
    CHECK(redacted.find("Tr0ub4dor") == std::string::npos);
    CHECK(db::hub::HubError(message, true).what() == redacted);
}

TEST_CASE("the hub source is named by host and database, never by its connection string") {
    using db::hub::hub_source_name;
    CHECK(hub_source_name("postgresql://board:Tr0ub4dor@hub/lift") == "hub:hub/lift");
    CHECK(hub_source_name("postgresql://board:pa?ss#1@hub.example:5433/lift?sslmode=require") ==
          "hub:hub.example:5433/lift");
    CHECK(hub_source_name("host=10.0.0.9 dbname=lift user=board password='a b?c#d'") ==
          "hub:10.0.0.9/lift");
    CHECK(hub_source_name("postgresql://hub/lift?pass%77ord=Tr0ub4dor") == "hub:hub/lift");
    CHECK(hub_source_name("host=hub password Sup3rSecret") == "hub:(connection string not valid)");
}

TEST_CASE("a connect timeout is a keyword of its own, in either form") {
    using db::hub::libpq_connection_string;
    // In libpq's own order of keywords.
    CHECK(libpq_connection_string("postgresql://hub/lift") ==
          "dbname='lift' host='hub' connect_timeout=10");
    CHECK(libpq_connection_string("host=hub dbname=lift sslmode=require") ==
          "dbname='lift' host='hub' sslmode='require' connect_timeout=10");
    CHECK(libpq_connection_string("host=hub connect_timeout=3") ==
          "connect_timeout='3' host='hub'");
    // Appended to the URI, the timeout would have landed in the database name (the
    // password's '?' read as the start of the query).
    CHECK(libpq_connection_string("postgresql://board:pa?ss#1@hub/lift") ==
          "user='board' password='pa?ss#1' dbname='lift' host='hub' connect_timeout=10");
    CHECK(libpq_connection_string("host=hub password='it\\'s'") ==
          "password='it\\'s' host='hub' connect_timeout=10");
}

TEST_CASE("a password with '?' and '#' in a URI still connects to the right database") {
    // The test cluster trusts loopback, so any password is accepted. Without a query
    // of its own, the URI's first '?' is the password's: a timeout appended as
    // "&connect_timeout=10" would have ended up in the database name.
    const std::string uri = test_support::fresh_hub_uri();
    const size_t host = uri.find('@') + 1, query = uri.find('?');
    const std::string database = uri.substr(uri.rfind('/') + 1, query - uri.rfind('/') - 1);
    const std::string with_password =
        "postgresql://liftboard:pa?ss#word@" + uri.substr(host, query - host);
    INFO(db::hub::redact_secrets(with_password));
    auto connection = db::hub::connect_hub(with_password);
    pqxx::nontransaction tx(*connection);
    CHECK(tx.exec1("SELECT current_database()")[0].as<std::string>() == database);
}

TEST_CASE("a password on the command line is warned about, with where to put it instead") {
    using db::hub::command_line_password_warning;
    CHECK(command_line_password_warning("--hub", "postgresql://board@hub/lift") == "");
    CHECK(command_line_password_warning("--hub", "") == "");
    for (const char* given : {"postgresql://board:x@hub/lift", "host=hub password=x",
                              "postgresql://hub/lift?sslpassword=x"}) {
        INFO(given);
        std::string warning = command_line_password_warning("--hub", given);
        CHECK_THAT(warning, Catch::Contains("--hub") && Catch::Contains("LIFTBOARD_HUB") &&
                                Catch::Contains("PGPASSWORD") && Catch::Contains("passfile"));
    }

    test_support::TempDir dir;
    std::string binary = LIFTBOARD_BINARY;
    auto sync =
        test_support::run_command(binary + " sync --once --db " + (dir / "x.db").string() +
                                  " --hub 'postgresql://board:Sup3rSecret@127.0.0.1:1/lift'");
    CHECK_THAT(sync.output, Catch::Contains("LIFTBOARD_HUB"));
    CHECK(sync.output.find("Sup3rSecret") == std::string::npos);
    auto init = test_support::run_command(
        binary + " hub init --pg 'host=127.0.0.1 port=1 password=Sup3rSecret'");
    CHECK_THAT(init.output, Catch::Contains("LIFTBOARD_HUB"));
    auto quiet = test_support::run_command("LIFTBOARD_HUB='host=127.0.0.1 port=1 password=x' " +
                                           binary + " hub init");
    CHECK(quiet.output.find("LIFTBOARD_HUB") == std::string::npos);
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

    // Passwords the pattern-based redaction missed: the source is stored by label.
    for (const char* hub : {"postgresql://board:Sup3r?Secret@127.0.0.1:1/lift",
                            "postgresql://board@127.0.0.1:1/lift?sslpassword=Sup3rSecret"}) {
        auto again = test_support::run_command(binary + " sync --once --db " +
                                               (dir / "y.db").string() + " --hub '" + hub + "'");
        CHECK(again.output.find("Sup3r") == std::string::npos);
    }
    db::Store other(dir / "y.db");
    SQLite::Statement sources(other.database(), "SELECT source || last_error FROM sync_state");
    seen = 0;
    while (sources.executeStep()) {
        ++seen;
        CHECK(sources.getColumn(0).getString().find("Sup3r") == std::string::npos);
        CHECK_THAT(sources.getColumn(0).getString(), Catch::StartsWith("hub:127.0.0.1:1/lift"));
    }
    CHECK(seen == 1);
}

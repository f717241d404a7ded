// Pushing triage edits to a hub on a real PostgreSQL server, the security side: what an
// outbox row read back from the local store may put into the hub's SQL, and what a
// refused or clashing edit leaves in the conflict texts the wall shows.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "db/store.hpp"
#include "support/hub_fixture.hpp"

using test_support::Client;
using test_support::Hub;
using test_support::TempDir;

namespace {

void exec_on_hub(const Hub& hub, const std::string& sql) {
    pqxx::connection connection(hub.uri());
    pqxx::work tx(connection);
    tx.exec0(sql);
    tx.commit();
}

// An outbox row written straight into a client's store, as a damaged or tampered
// store would hold it.
void add_outbox_row(const Client& client, const nlohmann::json& effects) {
    SQLite::Database database(client.database().string(), SQLite::OPEN_READWRITE);
    SQLite::Statement insert(database,
                             "INSERT INTO hub_outbox(op_id, at, who, what, effects) VALUES "
                             "('op-tampered', '2025-11-20T09:00:00.000Z', 'tester', "
                             "'record LIFT paperwork', ?)");
    insert.bind(1, effects.dump());
    insert.exec();
}

core::Pupil referral_pupil(const char* first, const char* last) {
    return {"P000003", "900001", "ZQ", first, last, 4, core::NeedArea::semh};
}

// Every text of the client's stored conflicts the board may draw.
std::string conflict_texts(const Client& client) {
    SQLite::Database database(client.database().string());
    SQLite::Statement rows(database,
                           "SELECT what || '|' || mine || '|' || theirs || '|' || reason "
                           "FROM hub_conflict");
    std::string out;
    while (rows.executeStep()) out += rows.getColumn(0).getString() + "\n";
    return out;
}

}  // namespace

TEST_CASE("an outbox check naming no column of the table never reaches the hub's SQL") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    auto meeting = core::parse_date("2025-11-13").value();
    a.edit(core::RecordPaperwork{"P000001", meeting, core::parse_date("2025-11-03").value()});
    REQUIRE(a.sync());

    // b's "only if the hub still has no date" check, its key rewritten into SQL that
    // makes the check always true.
    nlohmann::json row = {
        {"pupil_ref", "P000001"},  {"kind", "lift"}, {"meeting_date", "2025-11-13"},
        {"district", "Maidstone"}, {"grp", "A"},     {"paperwork_received", "2025-11-04"}};
    add_outbox_row(b, nlohmann::json::array({{{"table", "booking"},
                                              {"mode", "compare"},
                                              {"expect", {{"true OR grp", nullptr}}},
                                              {"row", row}}}));
    REQUIRE(b.sync());
    CHECK(hub.text("SELECT paperwork_received::text FROM booking WHERE pupil_ref = 'P000001'") ==
          "2025-11-03");
    CHECK(b.count("SELECT count(*) FROM hub_outbox") == 0);
    REQUIRE(b.snapshot()->conflicts.size() == 1);
    CHECK_THAT(b.snapshot()->conflicts[0].reason, Catch::Contains("column"));
    CHECK(hub.count("SELECT count(*) FROM audit WHERE op_id = 'op-tampered'") == 0);
}

TEST_CASE("a referral the hub refuses leaves no name in the conflict, only in its effects") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    // A rule this client does not have: the hub refuses the row with a DETAIL line
    // quoting it whole ("Failing row contains (P000003, 900001, ZQ, Zephyrine, ...)").
    exec_on_hub(hub,
                "ALTER TABLE pupil ADD CONSTRAINT pupil_name_rule CHECK (first_name <> "
                "'Zephyrine')");
    Client client(hub.uri());
    REQUIRE(client.sync());
    auto result = client.edit(core::NewReferral{referral_pupil("Zephyrine", "Quillfeather"),
                                                core::parse_date("2025-11-18").value()});
    REQUIRE(client.sync());
    REQUIRE(result.get().ok);
    REQUIRE(client.snapshot()->conflicts.size() == 1);
    const core::SyncConflict& conflict = client.snapshot()->conflicts[0];
    CHECK_THAT(conflict.reason, Catch::Contains("pupil_name_rule"));
    const std::string texts = conflict_texts(client);
    CHECK(texts.find("Zephyrine") == std::string::npos);
    CHECK(texts.find("Quillfeather") == std::string::npos);
    CHECK(texts.find("DETAIL") == std::string::npos);
    CHECK(texts.find('\n') == texts.size() - 1);  // one line per conflict
    // Nothing is lost: the edit's rows are kept whole for whoever resolves it.
    CHECK(client.count("SELECT count(*) FROM hub_conflict WHERE effects LIKE '%Zephyrine%'") == 1);
}

TEST_CASE("a referral clashing with the hub's row for the same ref says so without names") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    const core::Date consent = core::parse_date("2025-11-18").value();
    a.edit(core::NewReferral{referral_pupil("Zephyrine", "Quillfeather"), consent});
    REQUIRE(a.sync());
    b.edit(core::NewReferral{referral_pupil("Oriel", "Thackeray"), consent});
    REQUIRE(b.sync());
    REQUIRE(b.snapshot()->conflicts.size() == 1);
    const core::SyncConflict& conflict = b.snapshot()->conflicts[0];
    CHECK(conflict.pupil_ref == "P000003");
    CHECK_THAT(conflict.theirs, Catch::Contains("another name"));
    const std::string texts = conflict_texts(b);
    for (const char* name : {"Zephyrine", "Quillfeather", "Oriel", "Thackeray"}) {
        INFO(name);
        CHECK(texts.find(name) == std::string::npos);
    }
}

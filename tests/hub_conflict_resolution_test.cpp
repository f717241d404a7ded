// Resolving hub sync conflicts on a real PostgreSQL server: a conflict made for real
// between two boards, settled by keeping mine (re-applied on the hub's current row) or
// taking theirs (dropped), from a board's writer and from `liftboard hub conflicts`;
// each time the hub's row, the local row, both audit trails and the conflict list.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include "support/hub_fixture.hpp"

using test_support::Client;
using test_support::Hub;
using test_support::TempDir;

namespace {

const std::string kCase =
    "SELECT assigned_staff_id || ' ' || priority FROM case_state "
    "WHERE pupil_ref = 'P000001'";

// Two synced boards; a assigns ST01 and pushes, then b, not having pulled that,
// assigns ST02: b holds one conflict. Returns its id.
int64_t make_case_conflict(Hub& hub, Client& a, Client& b) {
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    a.edit(core::AssignTeacher{"P000001", "ST01"});
    REQUIRE(a.sync());
    b.edit(core::AssignTeacher{"P000001", "ST02"});
    REQUIRE(b.sync());
    REQUIRE(b.snapshot()->conflicts.size() == 1);
    REQUIRE(hub.text(kCase) == "ST01 0");
    return b.snapshot()->conflicts[0].id;
}

core::CommandResult resolve(Client& client, int64_t id, bool keep_mine) {
    auto result = client.edit(core::ResolveConflict{id, keep_mine});
    REQUIRE(client.sync());
    return result.get();
}

int64_t resolution_audits(Hub& hub) {
    return hub.count("SELECT count(*) FROM audit WHERE what LIKE 'resolve sync conflict %'");
}

void exec_on_hub(const Hub& hub, const std::string& sql) {
    pqxx::connection connection(hub.uri());
    pqxx::work tx(connection);
    tx.exec0(sql);
    tx.commit();
}

std::string binary() {
    return LIFTBOARD_BINARY;
}

}  // namespace

TEST_CASE("keep mine re-applies a conflicting case edit on the hub's current row") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    const int64_t id = make_case_conflict(hub, a, b);
    const int64_t version = hub.count("SELECT version FROM case_state WHERE pupil_ref = 'P000001'");

    const core::CommandResult result = resolve(b, id, true);
    INFO(result.message);
    REQUIRE(result.ok);
    CHECK_THAT(result.message, Catch::Contains("keep mine") && Catch::Contains("ST02"));
    CHECK(hub.text(kCase) == "ST02 0");
    CHECK(hub.count("SELECT version FROM case_state WHERE pupil_ref = 'P000001'") == version + 1);
    CHECK(resolution_audits(hub) == 1);
    CHECK(b.case_of("P000001")->assigned_staff_id == "ST02");
    CHECK(b.snapshot()->conflicts.empty());
    CHECK(b.count("SELECT count(*) FROM hub_conflict WHERE resolved_at IS NOT NULL") == 1);
    CHECK(b.count("SELECT count(*) FROM audit WHERE what LIKE 'resolve sync conflict %: keep "
                  "mine (assign P000001 to ST02)'") == 1);
    CHECK(b.count("SELECT count(*) FROM hub_outbox") == 0);
    // The other board gets it like any edit.
    REQUIRE(a.sync());
    CHECK(a.case_of("P000001")->assigned_staff_id == "ST02");
    CHECK(a.snapshot()->conflicts.empty());
}

TEST_CASE("take theirs drops the conflicting edit and leaves the hub's row as it is") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    const int64_t id = make_case_conflict(hub, a, b);
    const int64_t version = hub.count("SELECT version FROM case_state WHERE pupil_ref = 'P000001'");

    const core::CommandResult result = resolve(b, id, false);
    INFO(result.message);
    REQUIRE(result.ok);
    CHECK(hub.text(kCase) == "ST01 0");
    CHECK(hub.count("SELECT version FROM case_state WHERE pupil_ref = 'P000001'") == version);
    CHECK(resolution_audits(hub) == 1);
    CHECK(b.case_of("P000001")->assigned_staff_id == "ST01");
    CHECK(b.snapshot()->conflicts.empty());
    CHECK(b.count("SELECT count(*) FROM audit WHERE what LIKE 'resolve sync conflict %: take "
                  "theirs (%'") == 1);
    CHECK(b.count("SELECT count(*) FROM hub_outbox") == 0);

    // Resolved once: a second resolution of it is refused and writes nothing.
    auto again = b.edit(core::ResolveConflict{id, true});
    REQUIRE(b.sync());
    CHECK_FALSE(again.get().ok);
    CHECK(hub.text(kCase) == "ST01 0");
    CHECK(resolution_audits(hub) == 1);
}

TEST_CASE("keep mine after the hub changed again is a new conflict, not an overwrite") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    const int64_t id = make_case_conflict(hub, a, b);
    // Decided on the hub's row as b last pulled it; meanwhile a changes it again.
    a.edit(core::SetPriority{"P000001", 2});
    REQUIRE(a.sync());
    REQUIRE(resolve(b, id, true).ok);
    CHECK(hub.text(kCase) == "ST01 2");
    REQUIRE(b.snapshot()->conflicts.size() == 1);
    CHECK(b.snapshot()->conflicts[0].id != id);
    CHECK_THAT(b.snapshot()->conflicts[0].what, Catch::Contains("keep mine"));
    CHECK(b.case_of("P000001")->assigned_staff_id == "ST01");
    CHECK(resolution_audits(hub) == 0);
}

TEST_CASE("keep mine re-applies a paperwork date over the one the hub has now") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    const auto meeting = core::parse_date("2025-11-13").value();
    a.edit(core::RecordPaperwork{"P000001", meeting, core::parse_date("2025-11-03").value()});
    b.edit(core::RecordPaperwork{"P000001", meeting, core::parse_date("2025-11-04").value()});
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    REQUIRE(b.snapshot()->conflicts.size() == 1);
    REQUIRE(resolve(b, b.snapshot()->conflicts[0].id, true).ok);
    const std::string paperwork =
        "SELECT paperwork_received::text FROM booking WHERE pupil_ref = 'P000001'";
    CHECK(hub.text(paperwork) == "2025-11-04");
    CHECK(b.snapshot()->conflicts.empty());
    CHECK(resolution_audits(hub) == 1);
    REQUIRE(a.sync());
    CHECK(a.count("SELECT count(*) FROM booking WHERE paperwork_received = '2025-11-04'") == 1);
}

TEST_CASE("taking theirs for a referral the hub refused removes it here") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    exec_on_hub(hub,
                "ALTER TABLE pupil ADD CONSTRAINT pupil_ref_rule CHECK (pupil_ref <> 'P000003')");
    Client client(hub.uri());
    REQUIRE(client.sync());
    auto referral = client.edit(core::NewReferral{
        {"P000003", "900001", "ZQ", "Zephyrine", "Quillfeather", 4, core::NeedArea::semh},
        core::parse_date("2025-11-18").value()});
    REQUIRE(client.sync());
    REQUIRE(referral.get().ok);
    REQUIRE(client.snapshot()->conflicts.size() == 1);
    REQUIRE(client.count("SELECT count(*) FROM pupil WHERE pupil_ref = 'P000003'") == 1);

    REQUIRE(resolve(client, client.snapshot()->conflicts[0].id, false).ok);
    CHECK(client.count("SELECT count(*) FROM pupil WHERE pupil_ref = 'P000003'") == 0);
    CHECK(client.count("SELECT count(*) FROM event WHERE pupil_ref = 'P000003'") == 0);
    CHECK(client.snapshot()->data->pupil_index("P000003") < 0);
    CHECK(client.snapshot()->conflicts.empty());
    CHECK(hub.count("SELECT count(*) FROM pupil") == 2);
    CHECK(resolution_audits(hub) == 1);
    // The audit trails name nobody.
    CHECK(client.count("SELECT count(*) FROM audit WHERE before || after LIKE '%Zephyrine%'") == 0);
    CHECK(hub.count("SELECT count(*) FROM audit WHERE before || after LIKE '%Zephyrine%'") == 0);
}

TEST_CASE("hub conflicts lists each conflict on a line with its id and resolves one by id") {
    TempDir dir;
    Hub hub;
    hub.import_directory(dir);
    Client a(hub.uri()), b(hub.uri());
    const int64_t id = make_case_conflict(hub, a, b);
    // One recorded by an older version, whose sides still named the pupil.
    {
        SQLite::Database database(b.database().string(), SQLite::OPEN_READWRITE);
        database.exec(
            "INSERT INTO hub_conflict(op_id, detected_at, edited_at, who, what, pupil_ref, mine, "
            "theirs, reason, effects) VALUES ('old', '2025-11-01T09:00:00Z', "
            "'2025-11-01T08:00:00Z', 'tester', 'new referral P000002 at school 900001', "
            "'P000002', 'first_name Ceri, last_name Dunmore', 'not on the hub', "
            "'hub: violates check\nDETAIL: Failing row contains (P000002, Ceri, Dunmore)', '[]')");
    }
    const std::string db = " --db " + b.database().string();

    auto listed = test_support::run_command(binary() + " hub conflicts" + db);
    INFO(listed.output);
    REQUIRE(listed.status == 0);
    CHECK(std::count(listed.output.begin(), listed.output.end(), '\n') == 2);
    CHECK_THAT(listed.output, Catch::StartsWith(std::to_string(id) + "  P000001  assign P000001 "
                                                                     "to ST02"));
    CHECK_THAT(listed.output, Catch::Contains("hub: assigned_staff_id ST01"));
    for (const char* name : {"Ceri", "Dunmore", "Ari", "Brightwell", "DETAIL"}) {
        INFO(name);
        CHECK(listed.output.find(name) == std::string::npos);
    }

    for (const std::string& bad :
         std::vector<std::string>{" --resolve 999 --keep mine", " --resolve x --keep mine",
                                  " --resolve " + std::to_string(id) + " --keep maybe",
                                  " --resolve " + std::to_string(id)}) {
        auto refused = test_support::run_command(binary() + " hub conflicts" + db + bad);
        INFO(bad << ": " << refused.output);
        CHECK(refused.status == 2);
    }
    CHECK(b.count("SELECT count(*) FROM hub_conflict WHERE resolved_at IS NULL") == 2);

    auto resolved =
        test_support::run_command(binary() + " hub conflicts" + db + " --resolve " +
                                  std::to_string(id) + " --keep mine --pg '" + hub.uri() + "'");
    INFO(resolved.output);
    REQUIRE(resolved.status == 0);
    CHECK_THAT(resolved.output, Catch::Contains("pushed 1 edits"));
    CHECK(hub.text(kCase) == "ST02 0");
    CHECK(hub.count("SELECT count(*) FROM audit WHERE who LIKE 'cli:%' AND what LIKE "
                    "'resolve sync conflict %'") == 1);
    auto after = test_support::run_command(binary() + " hub conflicts" + db);
    CHECK(after.status == 0);
    CHECK(std::count(after.output.begin(), after.output.end(), '\n') == 1);
    CHECK(after.output.find("P000001") == std::string::npos);
    REQUIRE(b.sync());
    CHECK(b.case_of("P000001")->assigned_staff_id == "ST02");
}

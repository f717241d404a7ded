// How findings come out of the engine: the due window, one row per rule with the most
// severe status and the earliest due date, most severe first, unmerged detail on request,
// and assess_all parallel to the pupils.
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using core::EventKind;
using core::RuleId;
using core::Status;
using test_support::day;
using test_support::RulesFixture;

TEST_CASE("due_status: overdue after the date, due from today to today + window, else ok") {
    auto today = day("2025-03-01");
    CHECK(core::due_status(today - 1, today, 14) == Status::overdue);
    CHECK(core::due_status(today, today, 14) == Status::due);
    CHECK(core::due_status(today + 14, today, 14) == Status::due);
    CHECK(core::due_status(today + 15, today, 14) == Status::ok);
    CHECK(core::due_status(today + 7, today, 6) == Status::ok);
}

TEST_CASE("several failures of one rule merge into the most severe with the earliest due date") {
    RulesFixture fixture;
    fixture.prerequisites()
        .lift("2025-03-13")   // deadline 6 Mar: overdue on 10 Mar
        .lift("2025-03-20");  // deadline 13 Mar: due on 10 Mar
    auto f = fixture.finding(RuleId::paperwork_deadline, "2025-03-10");
    REQUIRE(f);
    CHECK(f->status == Status::overdue);
    CHECK(f->due == day("2025-03-06"));
    CHECK(f->reason ==
          "paperwork for LIFT on 13 Mar 2025 was due by 6 Mar 2025 and has not arrived");
    CHECK(fixture.all("2025-03-10").size() == 2);
}

TEST_CASE("a late-arrival warning and an outstanding deadline merge to the outstanding one") {
    RulesFixture fixture;
    fixture.prerequisites()
        .lift("2025-02-13", "2025-02-10")  // arrived late: warning
        .lift("2025-03-20");               // due by 13 Mar
    auto f = fixture.finding(RuleId::paperwork_deadline, "2025-03-10");
    REQUIRE(f);
    CHECK(f->status == Status::due);
    CHECK(f->due == day("2025-03-13"));
}

TEST_CASE("findings are one per rule, most severe first, and none for a quiet pupil") {
    RulesFixture fixture;
    fixture
        .event(EventKind::qfla, "2025-01-06")  // overdue review
        .event(EventKind::monitoring_start, "2025-01-10")
        .event(EventKind::sen_support, "2025-02-01")  // warning
        .lift("2025-03-13", "2025-03-01");            // blocked twice (no consent, surgery)
    auto a = fixture.assess("2025-03-20");
    std::vector<std::pair<RuleId, Status>> got;
    for (auto& f : a.findings) got.emplace_back(f.rule, f.status);
    std::vector<std::pair<RuleId, Status>> want{
        {RuleId::consent_before_referral, Status::blocked},
        {RuleId::surgery_before_lift, Status::blocked},
        {RuleId::qfla_review, Status::overdue},
        {RuleId::monitor_two_terms, Status::warning},
    };
    CHECK(got == want);
    CHECK(a.worst() == Status::blocked);

    RulesFixture quiet;
    quiet.event(EventKind::concern_raised, "2025-01-06");
    CHECK(quiet.assess("2025-03-20").findings.empty());
    CHECK(quiet.assess("2025-03-20").worst() == Status::ok);
}

TEST_CASE("assess_all is parallel to the pupils") {
    RulesFixture fixture;
    fixture.pupil("P00002", RulesFixture::school_urn)
        .event(EventKind::qfla, "2025-01-06", "P00002");
    fixture.data.index();
    core::RulesEngine engine(fixture.data, fixture.config);
    auto all = engine.assess_all(day("2025-03-20"));
    REQUIRE(all.size() == 2);
    CHECK(all[static_cast<size_t>(fixture.data.pupil_index("P00001"))].findings.empty());
    CHECK(all[static_cast<size_t>(fixture.data.pupil_index("P00002"))].worst() == Status::overdue);
    CHECK(engine.assess(99, day("2025-03-20")).findings.empty());
}

TEST_CASE("a pupil whose school is unknown still gets the rules that need no school") {
    RulesFixture fixture;
    fixture.pupil("P00002", "999999").lift("2025-03-13", std::nullopt, "Swale", "Z", "P00002");
    auto a = fixture.assess("2025-03-20", "P00002");
    bool has_group = false, has_deadline = false;
    for (auto& f : a.findings) {
        has_group |= f.rule == RuleId::lift_group;
        has_deadline |= f.rule == RuleId::paperwork_deadline;
    }
    CHECK_FALSE(has_group);
    CHECK(has_deadline);
}

TEST_CASE("rule ids and statuses use the contract's spellings") {
    CHECK(core::to_string(RuleId::consent_before_referral) == "consent-before-referral");
    CHECK(core::to_string(RuleId::ehcna_after_lift) == "ehcna-after-lift");
    CHECK(core::parse_rule_id("caselist-visit") == RuleId::caselist_visit);
    CHECK_FALSE(core::parse_rule_id("caselist_visit"));
    CHECK(core::to_string(Status::overdue) == "overdue");
}

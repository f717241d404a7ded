// The trends figures (core/trends.hpp) on hand-built histories with known answers: the
// six-term window, holiday dates, a term with no activity, late paperwork and visits,
// medians and the statutory EHC clocks; and a patch of the tallies against tallying again.
#include <catch2/catch.hpp>
#include <set>

#include "core/rules.hpp"
#include "core/trends.hpp"

using core::BookingKind;
using core::Date;
using core::EventKind;
using core::TermName;

namespace {

Date day(const char* iso) {
    return *core::parse_date(iso);
}

// Eight terms: summer 2024 (before the window), the six of the window (autumn 2024 ..
// summer 2026, the current one on 1 May 2026) and autumn 2026 (after today).
struct History {
    core::Dataset data;
    Date today = day("2026-05-01");

    History() {
        auto term = [&](const char* year, TermName name, const char* start, const char* end) {
            data.terms.push_back({year, name, day(start), day(end)});
        };
        term("2023/24", TermName::summer, "2024-04-15", "2024-07-23");
        term("2024/25", TermName::autumn, "2024-09-03", "2024-12-20");
        term("2024/25", TermName::spring, "2025-01-06", "2025-04-04");
        term("2024/25", TermName::summer, "2025-04-22", "2025-07-22");
        term("2025/26", TermName::autumn, "2025-09-03", "2025-12-19");
        term("2025/26", TermName::spring, "2026-01-05", "2026-03-27");
        term("2025/26", TermName::summer, "2026-04-13", "2026-07-21");
        term("2026/27", TermName::autumn, "2026-09-02", "2026-12-18");
        data.schools.push_back({"900001", "Oakfield Primary", "Maidstone", "A", "primary"});
        data.schools.push_back({"900002", "Elm Academy", "Maidstone", "A", "secondary"});
    }
    History& pupil(const char* ref, const char* urn = "900001") {
        data.pupils.push_back(core::Pupil{ref, urn, "AB", "", "", 5, core::NeedArea::cl});
        return *this;
    }
    History& event(const char* ref, EventKind kind, Date date, const char* detail = "") {
        data.events.push_back(core::Event{ref, kind, date, detail, ""});
        return *this;
    }
    History& booking(const char* ref, const char* meeting, std::optional<Date> received) {
        data.bookings.push_back(
            core::Booking{ref, BookingKind::lift, day(meeting), "Maidstone", "A", received});
        return *this;
    }
    core::TrendFigures figures() {
        data.index();
        core::RulesConfig config;
        core::RulesEngine engine(data, config);
        return core::build_trends(data, engine, config, today);
    }
};

// Slots of the window.
constexpr size_t autumn24 = 0, spring25 = 1, summer25 = 2, autumn25 = 3, spring26 = 4, summer26 = 5;

}  // namespace

TEST_CASE("trends: the last six terms up to today's, today's term marked") {
    History h;
    auto f = h.figures();
    REQUIRE(f.terms.size() == 6);
    CHECK(f.terms.front().term.start == day("2024-09-03"));
    CHECK(f.terms.back().term.start == day("2026-04-13"));
    CHECK(f.current == 5);

    History after;  // today after the calendar's end: its last six terms, none current
    after.today = day("2027-02-01");
    auto late = after.figures();
    REQUIRE(late.terms.size() == 6);
    CHECK(late.terms.back().term.start == day("2026-09-02"));
    CHECK(late.current == -1);

    History before;  // before the calendar: no terms at all
    before.today = day("2024-01-01");
    CHECK(before.figures().terms.empty());
}

TEST_CASE("trends: counts per term, holiday dates count in the term after, outside is left out") {
    History h;
    h.pupil("P1").pupil("P2").pupil("P3", "900002");
    h.event("P1", EventKind::surgery, day("2024-06-01"))     // summer 2024: before the window
        .event("P1", EventKind::surgery, day("2024-08-20"))  // holiday -> autumn 2024
        .event("P1", EventKind::surgery, day("2024-12-27"))  // holiday -> spring 2025
        .event("P2", EventKind::surgery, day("2025-01-09"))
        .event("P3", EventKind::lift_discussed, day("2025-02-13"))
        .event("P1", EventKind::lift_discussed, day("2025-03-13"))
        .event("P1", EventKind::caselist_opened, day("2025-03-13"))
        .event("P2", EventKind::caselist_opened, day("2025-03-20"))
        .event("P1", EventKind::case_closed, day("2025-05-01"), "outcome_met")
        .event("P2", EventKind::case_closed, day("2025-06-01"), "no_longer_required")
        .event("P3", EventKind::case_closed, day("2025-06-02"), "other")
        .event("P3", EventKind::case_closed, day("2025-06-03"))
        .event("P1", EventKind::surgery, day("2026-10-01"));  // autumn 2026: after today
    h.booking("P1", "2025-03-13", day("2025-03-01")).booking("P2", "2026-11-12", std::nullopt);
    auto f = h.figures();
    REQUIRE(f.terms.size() == 6);
    CHECK(f.terms[autumn24].surgery_discussions == 1);
    CHECK(f.terms[spring25].surgery_discussions == 2);
    CHECK(f.terms[spring25].lift_discussions == 2);
    CHECK(f.terms[spring25].schools_reached == 2);  // P1, P2 at Oakfield; P3 at Elm
    CHECK(f.terms[autumn24].schools_reached == 1);
    CHECK(f.terms[spring25].cases_opened == 2);
    CHECK(f.terms[spring25].lift_bookings == 1);
    CHECK(f.terms[summer25].cases_closed == 4);
    CHECK(f.terms[summer25].closed_outcome_met == 1);
    CHECK(f.terms[summer25].closed_no_longer_required == 1);
    CHECK(f.terms[summer25].closed_other == 2);  // "other" and no outcome given
    int lift_bookings = 0, surgeries = 0;
    for (const auto& t : f.terms) {
        lift_bookings += t.lift_bookings;
        surgeries += t.surgery_discussions;
    }
    CHECK(lift_bookings == 1);  // the autumn 2026 booking is after the window
    CHECK(surgeries == 3);

    // A term with no activity: every count zero, every percentage and median empty.
    const auto& quiet = f.terms[spring26];
    CHECK(quiet.lift_bookings == 0);
    CHECK(quiet.schools_reached == 0);
    for (const auto& spec : core::term_figure_specs()) {
        auto value = spec.value(quiet);
        if (spec.kind == core::FigureKind::count)
            CHECK(value == 0.0);
        else
            CHECK_FALSE(value.has_value());
    }
}

TEST_CASE("trends: paperwork on time as paperwork-deadline reads it") {
    History h;
    h.pupil("P1").pupil("P2").pupil("P3").pupil("P4").pupil("P5");
    // Meeting 13 Mar 2025, deadline 6 Mar (meeting - 7).
    h.booking("P1", "2025-03-13", day("2025-03-06"))     // on the deadline: on time
        .booking("P2", "2025-03-13", day("2025-03-07"))  // a day late
        .booking("P3", "2025-03-13", std::nullopt)       // never arrived, deadline passed
        .booking("P4", "2025-03-13", std::nullopt);      // arrived as a lift_paperwork event
    h.event("P4", EventKind::lift_paperwork, day("2025-02-20"));
    // Meeting 18 Jun 2026: deadline 11 Jun still ahead of today, nothing yet: not counted.
    h.booking("P5", "2026-06-18", std::nullopt);
    auto f = h.figures();
    CHECK(f.terms[spring25].lift_bookings == 4);
    CHECK(f.terms[spring25].paperwork_on_time.met == 2);
    CHECK(f.terms[spring25].paperwork_on_time.total == 4);
    CHECK(f.terms[spring25].paperwork_on_time.pct() == Approx(50.0));
    CHECK(f.terms[summer26].lift_bookings == 1);
    CHECK_FALSE(f.terms[summer26].paperwork_on_time.pct().has_value());
}

TEST_CASE("trends: visits on time by the term their due date falls in") {
    History h;
    h.pupil("P1").pupil("P2").pupil("P3");
    // Six weeks (42 days) between visits.
    h.event("P1", EventKind::caselist_opened, day("2025-01-06"))  // due 17 Feb
        .event("P1", EventKind::visit, day("2025-02-10"))         // on time; due 24 Mar
        .event("P1", EventKind::visit, day("2025-04-01"))         // late; due 13 May
        .event("P1", EventKind::case_closed, day("2025-05-01"), "outcome_met");  // none owed
    h.event("P2", EventKind::caselist_opened, day("2025-09-08"));  // due 20 Oct, never visited
    h.event("P3", EventKind::caselist_opened, day("2026-04-20"));  // due 1 Jun: not yet
    auto f = h.figures();
    CHECK(f.terms[spring25].visits_on_time.met == 1);
    CHECK(f.terms[spring25].visits_on_time.total == 2);
    CHECK(f.terms[summer25].visits_on_time.total == 0);
    CHECK(f.terms[autumn25].visits_on_time.met == 0);
    CHECK(f.terms[autumn25].visits_on_time.total == 1);
    CHECK(f.terms[autumn25].visits_on_time.pct() == Approx(0.0));
    CHECK(f.terms[summer26].visits_on_time.total == 0);

    History closed_late;  // closed after the due date without a visit: a missed visit
    closed_late.pupil("P1")
        .event("P1", EventKind::caselist_opened, day("2025-01-06"))
        .event("P1", EventKind::case_closed, day("2025-03-01"), "other");
    auto g = closed_late.figures();
    CHECK(g.terms[spring25].visits_on_time.total == 1);
    CHECK(g.terms[spring25].visits_on_time.met == 0);
}

TEST_CASE("trends: medians from Surgery to LIFT and from LIFT to the first visit") {
    History h;
    h.pupil("P1").pupil("P2").pupil("P3").pupil("P4");
    h.event("P1", EventKind::surgery, day("2024-10-03"))
        .event("P1", EventKind::lift_discussed, day("2025-01-16"))  // 105 days
        .event("P1", EventKind::visit, day("2025-02-10"))           // 25 days after LIFT
        .event("P1", EventKind::visit, day("2025-03-10"));          // not a first visit
    h.event("P2", EventKind::surgery, day("2024-09-01"))
        .event("P2", EventKind::surgery, day("2024-11-01"))         // the most recent counts
        .event("P2", EventKind::lift_discussed, day("2025-02-13"))  // 104 days
        .event("P2", EventKind::visit, day("2025-05-01"));          // 77 days: summer 2025
    h.event("P3", EventKind::surgery, day("2025-01-09"))
        .event("P3", EventKind::lift_discussed, day("2025-03-13"));  // 63 days
    h.event("P4", EventKind::lift_discussed, day("2025-03-14"));     // no Surgery: not counted
    auto f = h.figures();
    CHECK(f.terms[spring25].median_days_surgery_to_lift == Approx(104.0));
    CHECK(f.terms[spring25].median_days_lift_to_first_visit == Approx(25.0));
    CHECK(f.terms[summer25].median_days_lift_to_first_visit == Approx(77.0));

    History two;  // an even count: the mean of the middle two
    two.pupil("P1").pupil("P2");
    two.event("P1", EventKind::surgery, day("2025-01-06"))
        .event("P1", EventKind::lift_discussed, day("2025-01-16"))  // 10
        .event("P2", EventKind::surgery, day("2025-01-06"))
        .event("P2", EventKind::lift_discussed, day("2025-01-19"));  // 13
    CHECK(two.figures().terms[spring25].median_days_surgery_to_lift == Approx(11.5));
}

TEST_CASE("trends: EHCNA decisions in 6 weeks and EHC plans in 20 weeks") {
    History h;
    h.pupil("P1").pupil("P2").pupil("P3");
    Date r1 = day("2025-01-10");
    h.event("P1", EventKind::ehcna_requested, r1)
        .event("P1", EventKind::ehcna_decision, r1 + 41, "assess")  // in time
        .event("P1", EventKind::ehcp_issued, r1 + 140);             // in time, on the day
    Date r2 = day("2025-02-03");
    h.event("P2", EventKind::ehcna_requested, r2)
        .event("P2", EventKind::ehcna_decision, r2 + 45, "not_assess")  // late
        .event("P2", EventKind::ehcp_issued, r2 + 100);  // answers a refused request: no plan
    Date r3 = day("2025-03-03");
    h.event("P3", EventKind::ehcna_requested, r3)
        .event("P3", EventKind::ehcna_decision, day("2025-04-10"), "assess")  // holiday: summer
        .event("P3", EventKind::ehcp_issued, r3 + 141);                       // a day late
    auto f = h.figures();
    REQUIRE(r1 + 41 < day("2025-04-04"));
    CHECK(f.terms[spring25].ehcna_decisions_in_6_weeks.met == 1);
    CHECK(f.terms[spring25].ehcna_decisions_in_6_weeks.total == 2);
    CHECK(f.terms[summer25].ehcna_decisions_in_6_weeks.met == 1);
    CHECK(f.terms[summer25].ehcna_decisions_in_6_weeks.total == 1);
    CHECK(f.terms[summer25].ehcp_in_20_weeks.met == 1);
    CHECK(f.terms[summer25].ehcp_in_20_weeks.total == 2);
    CHECK(f.terms[summer25].ehcp_in_20_weeks.pct() == Approx(50.0));
}

TEST_CASE("trends: a patch takes changed pupils' shares out and puts their new ones in") {
    // Surgery to LIFT in spring 2025: 10, 10, 13 and 20 days (an even count with a
    // repeated value: (10 + 13) / 2), at two schools, one with only P4.
    History h;
    h.pupil("P1").pupil("P2").pupil("P3").pupil("P4", "900002");
    auto span = [&h](const char* ref, int days) {
        h.event(ref, EventKind::surgery, day("2025-01-06"))
            .event(ref, EventKind::lift_discussed, day("2025-01-06") + days);
    };
    span("P1", 10);
    span("P2", 10);
    span("P3", 13);
    span("P4", 20);
    h.booking("P1", "2025-02-13", day("2025-02-01"));
    h.data.index();
    const core::RulesConfig config;
    const core::RulesEngine engine(h.data, config);
    const core::TrendTallies base = core::tally_trends(h.data, engine, config, h.today);
    const core::TrendFigures before = core::trend_figures(base);
    CHECK(before.terms[spring25].median_days_surgery_to_lift == Approx(11.5));
    CHECK(before.terms[spring25].schools_reached == 2);
    CHECK(before.terms[spring25].lift_bookings == 1);

    // P1's span becomes 13 days and its booking goes; P4 loses every event (its school
    // leaves schools_reached). P2 and P3 are as they were.
    core::DatasetPatch patch;
    for (const char* ref : {"P1", "P4"}) {
        const auto index = static_cast<uint32_t>(h.data.pupil_index(ref));
        patch.pupils.push_back(index);
        patch.records.push_back(h.data.pupils.record(index));
    }
    patch.events = {core::Event{"P1", EventKind::surgery, day("2025-01-06"), "", ""},
                    core::Event{"P1", EventKind::lift_discussed, day("2025-01-19"), "", ""}};
    const core::Dataset next = core::Dataset::patched(h.data, patch);
    const core::RulesEngine next_engine(next, engine, patch.pupils, false);
    const core::TrendFigures patched = core::trend_figures(
        core::patch_trends(base, h.data, engine, next, next_engine, patch.pupils, config, h.today));
    const core::RulesEngine fresh_engine(next, config);
    const core::TrendFigures fresh =
        core::trend_figures(core::tally_trends(next, fresh_engine, config, h.today));

    CHECK(patched.terms[spring25].median_days_surgery_to_lift == Approx(13.0));  // 10, 13, 13
    CHECK(patched.terms[spring25].schools_reached == 1);
    CHECK(patched.terms[spring25].lift_bookings == 0);
    REQUIRE(patched.terms.size() == fresh.terms.size());
    for (size_t i = 0; i < fresh.terms.size(); ++i)
        for (const core::FigureSpec& spec : core::term_figure_specs()) {
            INFO(spec.name << " of term " << i);
            CHECK(spec.value(patched.terms[i]) == spec.value(fresh.terms[i]));
        }
}

TEST_CASE("trends: every figure has a unique report name") {
    std::set<std::string_view> names;
    for (const auto& spec : core::term_figure_specs()) CHECK(names.insert(spec.name).second);
    for (const char* required :
         {"lift_bookings", "lift_discussions", "surgery_discussions", "cases_opened",
          "cases_closed", "schools_reached", "paperwork_on_time_pct", "visits_on_time_pct",
          "median_days_surgery_to_lift", "median_days_lift_to_first_visit",
          "ehcna_decisions_in_6_weeks_pct", "ehcp_in_20_weeks_pct"})
        CHECK(names.count(required) == 1);
}

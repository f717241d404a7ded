// The demo generator: deterministic, fictional and shaped like a real district.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/after_lift_view.hpp"
#include "core/rules.hpp"
#include "db/demo/demo_generator.hpp"
#include "db/store.hpp"
#include "support/temp_dir.hpp"

using core::Date;

namespace {

db::demo::DemoOptions options(int pupils, uint64_t seed) {
    db::demo::DemoOptions o;
    o.pupils = pupils;
    o.seed = seed;
    o.today = core::parse_date("2025-11-20").value();
    return o;
}

std::string dump(SQLite::Database& database) {
    std::string out;
    for (const char* table : {"school", "term", "lift_group", "staff", "lift_meeting", "surgery",
                              "pupil", "event", "booking"}) {
        SQLite::Statement rows(database, std::string("SELECT * FROM ") + table + " ORDER BY 1,2,3");
        while (rows.executeStep()) {
            for (int c = 0; c < rows.getColumnCount(); ++c) out += rows.getColumn(c).getString() + "|";
            out += "\n";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the same seed gives the same district, another seed another") {
    test_support::TempDir dir;
    db::Store a(dir / "a.db"), b(dir / "b.db"), c(dir / "c.db");
    db::demo::write_demo(a, db::demo::generate_demo(options(300, 7)));
    db::demo::write_demo(b, db::demo::generate_demo(options(300, 7)));
    db::demo::write_demo(c, db::demo::generate_demo(options(300, 8)));
    std::string dump_a = dump(a.database());
    CHECK(dump_a.size() > 10000);
    CHECK(dump_a == dump(b.database()));
    CHECK(dump_a != dump(c.database()));
}

TEST_CASE("the demo district has the shape the issue describes") {
    auto w = db::demo::generate_demo(options(300, 1));
    CHECK(w.pupils.size() >= 300);
    std::set<std::string> groups;
    int home_schools = 0;
    for (const auto& s : w.schools) {
        if (s.district == "Maidstone") {
            ++home_schools;
            groups.insert(s.lift_group);
        }
        CHECK(s.urn.rfind("9", 0) == 0);  // fictional URN range
    }
    CHECK(home_schools == 40);
    CHECK(groups == std::set<std::string>{"A", "B", "C"});
    int teachers = 0;
    for (const auto& s : w.staff) teachers += s.role == core::Role::specialist_teacher;
    CHECK(teachers == 6);

    // Term dates of the current (2025/26) and next academic year are there.
    std::set<std::string> years;
    for (const auto& t : w.terms) years.insert(t.academic_year);
    CHECK(years.count("2025/26") == 1);
    CHECK(years.count("2026/27") == 1);

    // Open caselist pupils: about 60.
    std::set<std::string> opened, closed;
    for (const auto& e : w.events) {
        if (e.kind == core::EventKind::caselist_opened) opened.insert(e.pupil_ref);
        if (e.kind == core::EventKind::case_closed) closed.insert(e.pupil_ref);
    }
    int open = 0;
    for (const auto& ref : opened) open += closed.count(ref) == 0;
    CHECK(open >= 35);
    CHECK(open <= 90);

    // Weekly LIFT meetings on Thursdays in term time; Surgeries on Tuesdays.
    for (const auto& m : w.meetings) CHECK(m.meeting_date.weekday() == 3);
    for (const auto& s : w.surgeries) CHECK(s.surgery_date.weekday() == 1);

    // Deliberate breaches of several different rules, a realistic minority of pupils.
    std::set<core::RuleId> rules;
    for (const auto& b : w.breaches) rules.insert(b.rule);
    CHECK(rules.size() >= 6);
    CHECK(w.breaches.size() >= 15);
    CHECK(w.breaches.size() <= 80);
}

TEST_CASE("no demo event lies in the future and every event names a known pupil") {
    auto o = options(500, 3);
    auto w = db::demo::generate_demo(o);
    std::set<std::string> refs;
    for (const auto& p : w.pupils) refs.insert(p.pupil_ref);
    for (const auto& e : w.events) {
        CHECK(e.date <= o.today);
        CHECK(refs.count(e.pupil_ref) == 1);
    }
    bool future_booking = false;
    for (const auto& b : w.bookings) future_booking |= b.meeting_date > o.today;
    CHECK(future_booking);
}

TEST_CASE("every pupil's events follow the pathway's order") {
    auto w = db::demo::generate_demo(options(400, 5));
    std::map<std::string, std::map<core::EventKind, Date>> first;
    for (const auto& e : w.events) {
        auto& seen = first[e.pupil_ref];
        if (!seen.count(e.kind) || e.date < seen[e.kind]) seen[e.kind] = e.date;
    }
    for (auto& [ref, seen] : first) {
        INFO(ref);
        auto before = [&](core::EventKind a, core::EventKind b) {
            if (seen.count(a) && seen.count(b)) CHECK(seen[a] <= seen[b]);
        };
        before(core::EventKind::concern_raised, core::EventKind::qfla);
        before(core::EventKind::qfla, core::EventKind::monitoring_start);
        before(core::EventKind::monitoring_start, core::EventKind::sen_support);
        before(core::EventKind::sen_support, core::EventKind::provision_plan);
        before(core::EventKind::lift_discussed, core::EventKind::caselist_opened);
        before(core::EventKind::caselist_opened, core::EventKind::visit);
    }
}

namespace {

// The world as the rules see it: a Dataset of its rows, indexed.
core::Dataset dataset_of(const db::demo::DemoWorld& w) {
    core::Dataset data;
    data.schools = w.schools;
    data.terms = w.terms;
    data.lift_groups = w.lift_groups;
    data.staff = w.staff;
    data.meetings = w.meetings;
    data.surgeries = w.surgeries;
    for (const auto& p : w.pupils) data.pupils.push_back(p);
    for (const auto& e : w.events) data.events.push_back(e);
    for (const auto& b : w.bookings) data.bookings.push_back(b);
    data.index();
    return data;
}

}  // namespace

TEST_CASE("the demo gives a realistic share of pupils after-LIFT histories, breaches reported") {
    const auto o = options(600, 1);
    const auto w = db::demo::generate_demo(o);
    const core::Dataset data = dataset_of(w);
    core::RulesEngine engine(data, core::RulesConfig{});

    int owned_reviews = 0, noted = 0, hnf_complete = 0, hnf_incomplete = 0;
    int decided_in_time = 0, decided_late = 0, week_18 = 0, week_23 = 0, declined = 0;
    int clocks_open = 0, reviews_held = 0, review_overdue = 0, review_not_yet = 0;
    std::map<std::pair<std::string, core::RuleId>, core::Status> found;
    for (size_t i = 0; i < data.pupils.size(); ++i) {
        const auto events = data.events_of(i);
        const auto assessment = engine.assess(i, o.today);
        for (const auto& f : assessment.findings)
            found[{std::string(data.pupils[i].pupil_ref), f.rule}] = f.status;
        auto status_of = [&](core::RuleId rule) {
            for (const auto& f : assessment.findings)
                if (f.rule == rule) return f.status;
            return core::Status::ok;
        };
        for (const core::EventEntry& e : events) {
            if (e.kind == core::EventKind::recommendation && e.review_date && !e.owner.empty())
                ++owned_reviews;
            noted += !e.note.empty();
            reviews_held += e.kind == core::EventKind::annual_review;
            if (e.kind == core::EventKind::hnf_applied) {
                // The same facts the rule judges.
                if (core::hnf_evidence(events, e.date).missing().empty())
                    ++hnf_complete;
                else
                    ++hnf_incomplete;
            }
        }
        for (const core::EhcRequest& r : core::ehc_requests(events)) {
            if (r.decision)
                (r.decision->date <= r.decision_due() ? decided_in_time : decided_late)++;
            if (r.issued()) {
                const int week = core::clock_week(r.requested, r.outcome->date);
                week_18 += week == 18;
                week_23 += week == 23;
            }
            declined += r.outcome && !r.issued();
        }
        clocks_open += core::open_ehc_clock(events, o.today, 14).has_value();
        if (core::ehc_plan_in_place(events)) {
            if (status_of(core::RuleId::annual_review) == core::Status::overdue)
                ++review_overdue;
            else
                ++review_not_yet;
        }
    }
    CHECK(owned_reviews >= 40);
    CHECK(noted >= 40);
    CHECK(hnf_complete >= 3);
    CHECK(hnf_incomplete >= 3);
    CHECK(decided_in_time >= 3);
    CHECK(decided_late >= 1);
    CHECK(week_18 >= 1);
    CHECK(week_23 >= 1);
    CHECK(declined >= 1);
    CHECK(clocks_open >= 2);
    CHECK(reviews_held >= 1);
    CHECK(review_overdue >= 1);
    CHECK(review_not_yet >= 1);

    // Every deliberate breach (the after-LIFT ones among them) is reported at least at
    // the status it was put in for.
    std::set<core::RuleId> after_lift;
    for (const auto& b : w.breaches) {
        INFO(b.pupil_ref << " " << core::to_string(b.rule));
        auto it = found.find({b.pupil_ref, b.rule});
        REQUIRE(it != found.end());
        CHECK(it->second >= b.status);
        if (b.rule >= core::RuleId::recommendation_review) after_lift.insert(b.rule);
    }
    CHECK(after_lift.size() >= 4);
}

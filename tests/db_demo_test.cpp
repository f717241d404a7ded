// The demo generator: deterministic, fictional and shaped like a real district.
#include <catch2/catch.hpp>
#include <map>
#include <set>

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

#include "db/demo/demo_generator.hpp"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "db/demo/demo_calendar.hpp"
#include "db/demo/demo_names.hpp"
#include "db/demo/demo_pathway.hpp"
#include "db/demo/demo_random.hpp"
#include "db/store.hpp"

namespace db::demo {
namespace {

using core::Date;
using core::RuleId;

constexpr int kHomeSchools = 40;
constexpr int kPupilsPerSchoolBeyondHome = 80;
constexpr int kHomeTeachers = 6;
constexpr double kBreachPercent = 12.0;

std::string padded(int value, int width) {
    std::string digits = std::to_string(value);
    return std::string(static_cast<size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0') + digits;
}

std::string person_name(DemoRandom& random) {
    return std::string(random.pick(first_names())) + " " + std::string(random.pick(last_names()));
}

// Share of pupils by the furthest stage they reach (percent; sums to 100). About a
// fifth end on the caselist, as a district's ~60 caselist pupils of ~300 known.
Target pick_target(DemoRandom& random) {
    constexpr std::array<int, 11> share = {5, 6, 10, 15, 12, 13, 20, 5, 4, 4, 6};
    int roll = random.between(0, 99);
    for (size_t i = 0; i < share.size(); ++i) {
        if (roll < share[i]) return static_cast<Target>(i);
        roll -= share[i];
    }
    return Target::closed;
}

// The rules a pupil aiming at `target` can break on purpose.
std::vector<RuleId> breachable(Target t) {
    std::vector<RuleId> rules;
    if (t == Target::qfla || t == Target::monitoring) rules.push_back(RuleId::qfla_review);
    if (t == Target::sen_support) rules.push_back(RuleId::ehcna_after_lift);
    if (t >= Target::sen_support) rules.push_back(RuleId::monitor_two_terms);
    if (t >= Target::sen_support && t != Target::closed) rules.push_back(RuleId::impact_review);
    if (t >= Target::lift) {
        for (RuleId r : {RuleId::consent_before_referral, RuleId::surgery_before_lift,
                         RuleId::surgery_two_terms, RuleId::lift_group, RuleId::paperwork_deadline})
            rules.push_back(r);
    }
    if (t >= Target::caselist && t != Target::closed) rules.push_back(RuleId::caselist_visit);
    return rules;
}

void add_schools(DemoWorld& w, const DemoOptions& o, DemoRandom& random, std::vector<std::string>& districts_with_schools) {
    int extra = std::max(0, o.pupils / kPupilsPerSchoolBeyondHome - kHomeSchools);
    auto stems = school_name_stems();
    auto kinds = school_name_kinds();
    std::vector<std::string> others;
    for (auto d : core::kent_districts())
        if (d != o.home_district) others.emplace_back(d);
    districts_with_schools.push_back(o.home_district);
    for (int i = 0; i < kHomeSchools + extra; ++i) {
        bool home = i < kHomeSchools;
        std::string district = home ? o.home_district : others[static_cast<size_t>(i) % others.size()];
        if (!home && i < kHomeSchools + static_cast<int>(others.size())) districts_with_schools.push_back(district);
        std::string name = std::string(stems[static_cast<size_t>(i) % stems.size()]) + " " +
                           std::string(kinds[static_cast<size_t>(i * 7 + i / 40) % kinds.size()]);
        if (!home) name = district + " " + name;
        w.schools.push_back({std::to_string(900001 + i), name, district, group_name(i % kGroupsPerDistrict),
                             random.percent(85) ? "primary" : "secondary"});
    }
}

void add_staff(DemoWorld& w, const DemoOptions& o, DemoRandom& random,
               const std::vector<std::string>& districts) {
    for (int i = 1; i <= kHomeTeachers; ++i)
        w.staff.push_back({"ST" + padded(i, 2), person_name(random), core::Role::specialist_teacher, o.home_district});
    w.staff.push_back({"EP01", person_name(random), core::Role::ep, o.home_district});
    w.staff.push_back({"LD01", person_name(random), core::Role::lead, o.home_district});
    w.staff.push_back({"AD01", person_name(random), core::Role::admin, o.home_district});
    w.staff.push_back({"OR01", person_name(random), core::Role::outreach, o.home_district});
    for (size_t i = 1; i < districts.size(); ++i)
        w.staff.push_back({"ST" + std::to_string(100 + i), person_name(random),
                           core::Role::specialist_teacher, districts[i]});
}

// A few schools move to another LIFT group for one term, as the yearly table allows.
void add_group_changes(DemoWorld& w, const DemoCalendar& calendar, Date today, DemoRandom& random) {
    int index = calendar.term_index_at_or_after(today);
    if (index < 0) return;
    const core::Term& term = calendar.terms()[static_cast<size_t>(index)];
    for (const auto& school : w.schools) {
        if (!random.percent(8)) continue;
        int group = (school.lift_group[0] - 'A' + 1 + random.between(0, 1)) % kGroupsPerDistrict;
        w.lift_groups.push_back({school.urn, term.academic_year, term.term, group_name(group)});
    }
}

core::Pupil make_pupil(int index, const core::School& school, DemoRandom& random) {
    core::Pupil p;
    p.pupil_ref = "P" + padded(index + 1, 6);
    p.school_urn = school.urn;
    p.first_name = std::string(random.pick(first_names()));
    p.last_name = std::string(random.pick(last_names()));
    p.initials = std::string{p.first_name[0], p.last_name[0]};
    p.year_group = school.phase == "primary" ? random.between(0, 6) : random.between(7, 11);
    p.need_area = static_cast<core::NeedArea>(random.between(1, 4));
    return p;
}

}  // namespace

DemoWorld generate_demo(const DemoOptions& o) {
    DemoWorld w;
    DemoRandom random(o.seed);
    DemoCalendar calendar(o.today);
    w.terms = calendar.terms();

    std::vector<std::string> districts;
    add_schools(w, o, random, districts);
    add_staff(w, o, random, districts);
    add_group_changes(w, calendar, o.today, random);
    std::vector<std::string> all_districts(core::kent_districts().begin(), core::kent_districts().end());
    w.meetings = calendar.lift_schedule(all_districts);
    std::unordered_map<std::string, std::string> teacher_of_district;
    std::vector<std::string> home_teachers;
    for (const auto& s : w.staff) {
        if (s.role != core::Role::specialist_teacher) continue;
        if (s.district == o.home_district) home_teachers.push_back(s.staff_id);
        else teacher_of_district[s.district] = s.staff_id;
    }
    for (const auto& d : districts) {
        auto more = calendar.surgeries(d, d == o.home_district ? home_teachers
                                                               : std::vector<std::string>{teacher_of_district[d]});
        w.surgeries.insert(w.surgeries.end(), more.begin(), more.end());
    }

    MeetingIndex meetings(w.meetings, w.surgeries);
    std::unordered_map<std::string, std::vector<const core::LiftGroupAssignment*>> groups_by_urn;
    for (const auto& g : w.lift_groups) groups_by_urn[g.urn].push_back(&g);
    PathwayContext context{o.today, calendar, meetings, groups_by_urn};

    w.pupils.reserve(static_cast<size_t>(o.pupils) + 4);
    auto teacher_for = [&](const core::School& school, int index) {
        return school.district == o.home_district ? home_teachers[static_cast<size_t>(index) % home_teachers.size()]
                                                  : teacher_of_district[school.district];
    };
    auto add_history = [&](const PupilPlan& plan) {
        PupilHistory h = generate_history(context, plan, random);
        std::move(h.events.begin(), h.events.end(), std::back_inserter(w.events));
        std::move(h.bookings.begin(), h.bookings.end(), std::back_inserter(w.bookings));
        if (h.breach) w.breaches.push_back(*h.breach);
    };
    for (int i = 0; i < o.pupils; ++i) {
        const core::School& school = w.schools[random.next() % w.schools.size()];
        w.pupils.push_back(make_pupil(i, school, random));
        PupilPlan plan{&w.pupils.back(), &school, teacher_for(school, i), pick_target(random), std::nullopt};
        if (random.percent(kBreachPercent)) {
            auto rules = breachable(plan.target);
            if (!rules.empty()) plan.breach = rules[random.next() % rules.size()];
        }
        add_history(plan);
    }

    // One school over the referral cap at the home district's next meeting: cap + 1
    // pupils of that school booked at it.
    const auto& home_meetings = meetings.lift_meetings(o.home_district);
    auto next = std::find_if(home_meetings.begin(), home_meetings.end(),
                             [&](auto* m) { return m->meeting_date > o.today; });
    if (next != home_meetings.end()) {
        const core::LiftMeeting* meeting = *next;
        auto school = std::find_if(w.schools.begin(), w.schools.end(), [&](const core::School& s) {
            return s.district == o.home_district && group_on(context, s, meeting->meeting_date) == meeting->group;
        });
        for (int k = 0; school != w.schools.end() && k <= core::RulesConfig{}.referral_cap; ++k) {
            int index = static_cast<int>(w.pupils.size());
            w.pupils.push_back(make_pupil(index, *school, random));
            PupilPlan plan{&w.pupils.back(), &*school, teacher_for(*school, index), Target::lift, std::nullopt};
            plan.forced_meeting = meeting;
            add_history(plan);
            w.breaches.push_back({w.pupils.back().pupil_ref, RuleId::referral_cap, core::Status::warning});
        }
    }
    return w;
}

void write_demo(Store& store, const DemoWorld& w) {
    SQLite::Transaction tx(store.database());
    auto write_all = [&store](const auto& rows) {
        for (const auto& row : rows) store.upsert(row);
    };
    write_all(w.schools);
    write_all(w.terms);
    write_all(w.lift_groups);
    write_all(w.staff);
    write_all(w.meetings);
    write_all(w.surgeries);
    write_all(w.pupils);
    write_all(w.events);
    write_all(w.bookings);
    tx.commit();
}

}  // namespace db::demo

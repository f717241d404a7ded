// The incremental-snapshot property tests' shared parts: the comparison of two snapshots
// (the first difference, as text; the rules engines they keep too: every booking's facts
// and every unmerged failure) and the random changes to a demo district (inbox
// files of every kind, every triage command). Used by db_incremental_snapshot_test (a
// writer with an inbox) and hub_incremental_snapshot_test (the same, plus hub pulls).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/trends.hpp"
#include "db/demo/demo_generator.hpp"
#include "db/sync/writer.hpp"
#include "support/dataset_compare.hpp"
#include "support/temp_dir.hpp"

namespace test_support::incremental {

using core::Date;

// ---- comparison: the first difference, as text; "" when equal ----

inline std::string show(const std::optional<Date>& d) {
    return d ? core::to_iso(*d) : "-";
}

inline std::string compare_assessments(const core::Snapshot& a, const core::Snapshot& b) {
    DIFF("assessment count", a.assessments.size(), b.assessments.size());
    for (size_t i = 0; i < a.assessments.size(); ++i) {
        const core::PupilAssessment x = a.assessments[i], y = b.assessments[i];
        const std::string ref = a.data->pupils.record(i).pupil_ref;
        DIFF(ref << " stage", x.stage, y.stage);
        DIFF(ref << " next step '" << x.next.description << "' vs '" << y.next.description << "'",
             std::tie(x.next.description, x.next.earliest, x.next.due),
             std::tie(y.next.description, y.next.earliest, y.next.due));
        DIFF(ref << " finding count " << x.findings.size() << " vs " << y.findings.size(),
             x.findings.size(), y.findings.size());
        for (size_t k = 0; k < x.findings.size(); ++k) {
            const core::Finding &f = x.findings[k], &g = y.findings[k];
            DIFF(ref << " finding " << k << ": " << core::to_string(f.rule) << " "
                     << core::to_string(f.status) << " " << show(f.due) << " '" << f.reason
                     << "' vs " << core::to_string(g.rule) << " " << core::to_string(g.status)
                     << " " << show(g.due) << " '" << g.reason << "'",
                 std::tie(f.rule, f.status, f.due, f.reason),
                 std::tie(g.rule, g.status, g.due, g.reason));
        }
    }
    return "";
}

inline std::string compare_boards(const core::Snapshot& a, const core::Snapshot& b) {
    DIFF("caseload rows " << a.caseload.size() << " vs " << b.caseload.size(), a.caseload.size(),
         b.caseload.size());
    for (size_t i = 0; i < a.caseload.size(); ++i) {
        const core::CaseloadRow &x = a.caseload[i], &y = b.caseload[i];
        DIFF("caseload row " << i << " " << x.pupil_label << " vs " << y.pupil_label,
             std::tie(x.pupil, x.pupil_label, x.school, x.need_area, x.stage, x.teacher,
                      x.teacher_id, x.agreed_outcome, x.last_visit, x.next_visit_due, x.next_action,
                      x.hnf, x.ehc_week, x.ehc_status, x.worst, x.visit_overdue),
             std::tie(y.pupil, y.pupil_label, y.school, y.need_area, y.stage, y.teacher,
                      y.teacher_id, y.agreed_outcome, y.last_visit, y.next_visit_due, y.next_action,
                      y.hnf, y.ehc_week, y.ehc_status, y.worst, y.visit_overdue));
    }
    DIFF("teacher loads", a.teacher_loads.size(), b.teacher_loads.size());
    for (size_t i = 0; i < a.teacher_loads.size(); ++i) {
        const auto &x = a.teacher_loads[i], &y = b.teacher_loads[i];
        DIFF("teacher load " << x.name, std::tie(x.staff_id, x.name, x.cases, x.overdue_visits),
             std::tie(y.staff_id, y.name, y.cases, y.overdue_visits));
    }
    DIFF("snapshot conflicts", a.conflicts, b.conflicts);
    const core::TriageList &t = a.triage, &u = b.triage;
    DIFF("triage rows " << t.rows.size() << " vs " << u.rows.size(), t.rows.size(), u.rows.size());
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const core::TriageRow &x = t.rows[i], &y = u.rows[i];
        DIFF("triage row " << i << " " << x.pupil_ref << " vs " << y.pupil_ref,
             std::tie(x.pupil, x.pupil_ref, x.pupil_label, x.school_urn, x.school, x.teacher_id,
                      x.teacher, x.priority, x.priority_text, x.worst, x.status_word, x.rules,
                      x.lead_rule, x.finding_count, x.due, x.reason),
             std::tie(y.pupil, y.pupil_ref, y.pupil_label, y.school_urn, y.school, y.teacher_id,
                      y.teacher, y.priority, y.priority_text, y.worst, y.status_word, y.rules,
                      y.lead_rule, y.finding_count, y.due, y.reason));
    }
    DIFF("triage rule options", t.rule_options, u.rule_options);
    auto same_options = [](const std::vector<core::TriageOption>& p,
                           const std::vector<core::TriageOption>& q) {
        if (p.size() != q.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if (std::tie(p[i].id, p[i].label, p[i].rows) !=
                std::tie(q[i].id, q[i].label, q[i].rows))
                return false;
        return true;
    };
    DIFF("triage school options", same_options(t.schools, u.schools), true);
    DIFF("triage teacher options", same_options(t.teachers, u.teachers), true);
    DIFF("triage by status", std::tie(t.by_status, t.referral_cap),
         std::tie(u.by_status, u.referral_cap));

    const core::MeetingBoardModel &m = a.meetings, &n = b.meetings;
    DIFF("meetings", std::tie(m.district, m.blocked, m.overdue, m.due, m.warnings, m.booked),
         std::tie(n.district, n.blocked, n.overdue, n.due, n.warnings, n.booked));
    DIFF("meeting cards", m.cards.size(), n.cards.size());
    for (size_t i = 0; i < m.cards.size(); ++i) {
        const core::MeetingCard &x = m.cards[i], &y = n.cards[i];
        DIFF("meeting card " << x.date_text,
             std::tie(x.kind, x.date, x.group, x.venue, x.deadline_text, x.cap_text, x.summary,
                      x.blocked, x.overdue, x.due, x.warnings, x.ready, x.paperwork_missing),
             std::tie(y.kind, y.date, y.group, y.venue, y.deadline_text, y.cap_text, y.summary,
                      y.blocked, y.overdue, y.due, y.warnings, y.ready, y.paperwork_missing));
        DIFF("meeting card " << x.date_text << " bookings", x.bookings.size(), y.bookings.size());
        for (size_t k = 0; k < x.bookings.size(); ++k) {
            const core::MeetingBooking &p = x.bookings[k], &q = y.bookings[k];
            DIFF("meeting card " << x.date_text << " booking " << p.pupil_label,
                 std::tie(p.pupil, p.pupil_label, p.school, p.word, p.worst, p.paperwork, p.consent,
                          p.surgery, p.group, p.cap, p.school_bookings),
                 std::tie(q.pupil, q.pupil_label, q.school, q.word, q.worst, q.paperwork, q.consent,
                          q.surgery, q.group, q.cap, q.school_bookings));
            ;
            DIFF("meeting marks of " << p.pupil_label, p.marks.size(), q.marks.size());
            for (size_t j = 0; j < p.marks.size(); ++j)
                DIFF("meeting mark", std::tie(p.marks[j].text, p.marks[j].status),
                     std::tie(q.marks[j].text, q.marks[j].status));
        }
        DIFF("meeting card " << x.date_text << " schools", x.schools.size(), y.schools.size());
        for (size_t k = 0; k < x.schools.size(); ++k)
            DIFF("meeting school",
                 std::tie(x.schools[k].name, x.schools[k].booked, x.schools[k].over_cap),
                 std::tie(y.schools[k].name, y.schools[k].booked, y.schools[k].over_cap));
    }

    DIFF("trend terms", std::make_tuple(a.trends.current, a.trends.terms.size()),
         std::make_tuple(b.trends.current, b.trends.terms.size()));
    for (size_t i = 0; i < a.trends.terms.size(); ++i)
        for (const core::FigureSpec& spec : core::term_figure_specs())
            DIFF("trend " << spec.name << " of term " << i, spec.value(a.trends.terms[i]),
                 spec.value(b.trends.terms[i]));

    DIFF("search pupils", a.search->pupil_count(), b.search->pupil_count());
    for (uint32_t p = 0; p < a.search->pupil_count(); ++p)
        DIFF("search school of pupil " << p, a.search->school_of(p), b.search->school_of(p));
    for (uint32_t s = 0; s < a.data->schools.size(); ++s) {
        auto x = a.search->pupils_of_school(s), y = b.search->pupils_of_school(s);
        DIFF("search pupils of school " << s, std::vector<uint32_t>(x.begin(), x.end()),
             std::vector<uint32_t>(y.begin(), y.end()));
    }
    core::SearchOptions names;
    names.names = true;
    for (const char* query : {"p0", "a", "primary", "an", "q9"}) {
        auto x = a.search->find(query, names), y = b.search->find(query, names);
        DIFF("search '" << query << "'",
             std::tie(x.pupils, x.schools, x.pupil_count, x.school_count),
             std::tie(y.pupils, y.schools, y.pupil_count, y.school_count));
    }
    return "";
}

inline std::string compare_findings(const std::string& what, const std::vector<core::Finding>& x,
                                    const std::vector<core::Finding>& y) {
    DIFF(what << " finding count " << x.size() << " vs " << y.size(), x.size(), y.size());
    for (size_t k = 0; k < x.size(); ++k) {
        const core::Finding &f = x[k], &g = y[k];
        DIFF(what << " finding " << k << ": '" << f.reason << "' vs '" << g.reason << "'",
             std::tie(f.rule, f.status, f.due, f.reason),
             std::tie(g.rule, g.status, g.due, g.reason));
    }
    return "";
}

// The engines the snapshots keep (a patched one against one built from scratch): every
// booking's facts and every failure of every pupil, the unmerged ones included, so a
// stale fact shows even where the merged findings hide it.
inline std::string compare_engines(const core::Snapshot& a, const core::Snapshot& b) {
    DIFF("an engine missing", a.engine && b.engine, true);
    for (size_t i = 0; i < a.data->pupils.size(); ++i) {
        const std::string ref = a.data->pupils.record(i).pupil_ref;
        auto ba = a.data->bookings_of(i), bb = b.data->bookings_of(i);
        for (size_t k = 0; k < ba.size(); ++k) {
            const core::BookingCheck x = a.engine->check_booking(i, ba[k], a.today),
                                     y = b.engine->check_booking(i, bb[k], b.today);
            DIFF(ref << " booking " << k << " deadline, paperwork or school count "
                     << x.school_bookings << " vs " << y.school_bookings,
                 std::tie(x.deadline, x.paperwork_received, x.school_bookings),
                 std::tie(y.deadline, y.paperwork_received, y.school_bookings));
            std::string d =
                compare_findings(ref + " booking " + std::to_string(k), x.findings, y.findings);
            if (!d.empty()) return d;
        }
        std::string d = compare_findings(ref + " (all)", a.engine->all_findings(i, a.today),
                                         b.engine->all_findings(i, b.today));
        if (!d.empty()) return d;
    }
    // school_group takes a School of the engine's own Dataset.
    for (size_t s = 0; s < a.data->schools.size(); ++s)
        for (const core::Term& t : a.data->terms)
            DIFF("group of " << a.data->schools[s].urn << " on " << core::to_iso(t.start),
                 a.engine->school_group(a.data->schools[s], t.start),
                 b.engine->school_group(b.data->schools[s], t.start));
    return "";
}

inline std::string compare(const core::Snapshot& a, const core::Snapshot& b) {
    std::string d = test_support::compare_datasets(*a.data, *b.data);
    if (d.empty()) d = compare_assessments(a, b);
    if (d.empty()) d = compare_engines(a, b);
    if (d.empty()) d = compare_boards(a, b);
    return d;
}

// ---- the random changes ----

class Changes {
  public:
    Changes(uint64_t seed, const db::demo::DemoWorld& world, std::filesystem::path inbox)
        : random_(seed), world_(world), inbox_(std::move(inbox)) {
        for (const core::Pupil& p : world.pupils) refs_.push_back(p.pupil_ref);
        for (const core::Staff& s : world.staff)
            if (s.role == core::Role::specialist_teacher) teachers_.push_back(s.staff_id);
        // A few LIFT meetings and, for each, the pupils of one school of its district:
        // bookings piled there take the school over the referral cap and back, which moves
        // the findings of pupils the change did not touch.
        for (const core::LiftMeeting& m : world.meetings) {
            if (crowded_.size() == 3) break;
            for (const core::School& school : world.schools) {
                if (school.district != m.district || school.lift_group != m.group) continue;
                std::vector<std::string> refs;
                for (const core::Pupil& p : world.pupils)
                    if (p.school_urn == school.urn) refs.push_back(p.pupil_ref);
                if (refs.size() >= 6) {
                    crowded_.push_back({m, std::move(refs)});
                    break;
                }
            }
        }
    }

    // Queues one change (a command, a file, or both) and says what it was.
    std::string next(db::Writer& writer) {
        const int roll = pick(100);
        std::string what;
        if (roll < 45)
            what = command(writer);
        else if (roll < 88)
            what = pupil_file();
        else if (roll < 96)
            what = reference_file();
        else
            what = command(writer) + " + " + pupil_file();
        return what;
    }

  private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
    template <typename T>
    const T& any(const std::vector<T>& v) {
        return v[static_cast<size_t>(pick(static_cast<int>(v.size())))];
    }
    const std::string& pupil() { return any(refs_); }
    Date date() { return *core::parse_date("2025-06-01") + pick(300); }

    core::Event event() {
        core::Event e;
        e.pupil_ref = pupil();
        e.kind = static_cast<core::EventKind>(pick(core::kEventKindCount));
        e.date = date();
        auto allowed = core::allowed_details(e.kind);
        e.detail =
            allowed.empty()
                ? (pick(2) ? "" : "detail " + std::to_string(pick(5)))
                : std::string(allowed[static_cast<size_t>(pick(static_cast<int>(allowed.size())))]);
        if (pick(3) == 0) e.staff_id = any(teachers_);
        if (pick(4) == 0) e.note = "note " + std::to_string(pick(9));
        if (pick(5) == 0) e.owner = "school";
        if (pick(5) == 0) e.review_date = e.date + pick(120);
        return e;
    }
    core::Booking booking() {
        core::Booking b;
        b.pupil_ref = pupil();
        if (!crowded_.empty() && pick(2) == 0) {
            const auto& [m, refs] = any(crowded_);
            b.pupil_ref = any(refs);
            b.meeting_date = m.meeting_date;
            b.district = m.district;
            b.group = m.group;
        } else if (pick(4) == 0 && !world_.surgeries.empty()) {
            const core::Surgery& s = any(world_.surgeries);
            b.kind = core::BookingKind::surgery;
            b.meeting_date = s.surgery_date;
            b.district = s.district;
        } else {
            const core::LiftMeeting& m = any(world_.meetings);
            b.meeting_date = m.meeting_date;
            b.district = m.district;
            b.group = m.group;
            if (pick(3) == 0) b.paperwork_received = m.meeting_date - pick(20);
        }
        return b;
    }

  public:
    // One triage command submitted to `writer` (any board's).
    std::string command(db::Writer& writer) {
        core::Command c;
        switch (pick(6)) {
            case 0:
                c = core::AssignTeacher{pupil(), pick(4) ? any(teachers_) : ""};
                break;
            case 1:
                c = core::SetPriority{pupil(), pick(4)};
                break;
            case 2:
                c = core::BookMeeting{booking()};
                break;
            case 3:
                c = core::RecordEvent{event()};
                break;
            case 4: {
                const core::Booking& b = any(world_.bookings);
                c = core::RecordPaperwork{b.pupil_ref, b.meeting_date, b.meeting_date - pick(30)};
                break;
            }
            default: {
                core::Pupil p = any(world_.pupils);
                p.pupil_ref = "Q" + std::to_string(10000 + new_pupils_++);
                p.initials = "NR";
                c = core::NewReferral{p, date()};
                refs_.push_back(p.pupil_ref);
            }
        }
        std::string what = core::describe(c);
        writer.submit(std::move(c), "property test");
        return "command: " + what;
    }

  private:
    void drop(const std::string& kind, const std::string& text) {
        const std::string name = kind + "-" + std::to_string(files_++) + ".csv";
        test_support::write_file(inbox_ / name, text);
    }

  public:
    // Where the next files go (an inbox, or a folder imported into the hub).
    void set_drop_folder(std::filesystem::path folder) { inbox_ = std::move(folder); }
    // A file of one of the pupil-level kinds (events, bookings, pupils), dropped.
    std::string pupil_file() {
        std::ostringstream out;
        switch (pick(3)) {
            case 0: {
                out << "pupil_ref,event,date,detail,staff_id,note,owner,review_date\n";
                const int rows = 1 + pick(6);
                for (int i = 0; i < rows; ++i) {
                    core::Event e = event();
                    out << e.pupil_ref << "," << core::to_string(e.kind) << ","
                        << core::to_iso(e.date) << "," << e.detail << "," << e.staff_id << ","
                        << e.note << "," << e.owner << ","
                        << (e.review_date ? core::to_iso(*e.review_date) : "") << "\n";
                }
                drop("events", out.str());
                return "events file";
            }
            case 1: {
                out << "pupil_ref,kind,meeting_date,district,group,paperwork_received\n";
                const int rows = 1 + pick(4);
                std::set<std::string> keys;  // one row per key in a file
                for (int i = 0; i < rows; ++i) {
                    core::Booking b = booking();
                    if (!keys.insert(b.pupil_ref + std::string(core::to_string(b.kind)) +
                                     core::to_iso(b.meeting_date))
                             .second)
                        continue;
                    out << b.pupil_ref << "," << core::to_string(b.kind) << ","
                        << core::to_iso(b.meeting_date) << "," << b.district << "," << b.group
                        << "," << (b.paperwork_received ? core::to_iso(*b.paperwork_received) : "")
                        << "\n";
                }
                drop("bookings", out.str());
                return "bookings file";
            }
            default: {
                // An existing pupil moved school or renamed; now and then a new one.
                out << "pupil_ref,school_urn,initials,first_name,last_name,year_group,need_area\n";
                core::Pupil p = any(world_.pupils);
                if (pick(8) == 0) {
                    p.pupil_ref = "Q" + std::to_string(10000 + new_pupils_++);
                    refs_.push_back(p.pupil_ref);
                }
                p.school_urn = any(world_.schools).urn;
                p.initials = std::string(1, static_cast<char>('A' + pick(26))) + "Z";
                out << p.pupil_ref << "," << p.school_urn << "," << p.initials << ",Ash,Brook,"
                    << pick(12) << "," << core::to_string(static_cast<core::NeedArea>(pick(5)))
                    << "\n";
                drop("pupils", out.str());
                return "pupils file " + p.pupil_ref;
            }
        }
    }

  public:
    std::string reference_file() {
        std::ostringstream out;
        switch (pick(6)) {
            case 0: {
                const core::School& s = any(world_.schools);
                out << "urn,name,district,lift_group,phase\n"
                    << s.urn << "," << s.name << " " << pick(9) << "," << s.district << ","
                    << s.lift_group << "," << s.phase << "\n";
                drop("schools", out.str());
                return "schools file";
            }
            case 1: {
                const core::Staff& s = any(world_.staff);
                out << "staff_id,name,role,district\n"
                    << s.staff_id << ",Renamed " << pick(9) << "," << core::to_string(s.role) << ","
                    << s.district << "\n";
                drop("staff", out.str());
                return "staff file";
            }
            case 2: {
                const core::Term& t = any(world_.terms);
                out << "academic_year,term,start_date,end_date\n"
                    << t.academic_year << "," << core::to_string(t.term) << ","
                    << core::to_iso(t.start) << "," << core::to_iso(t.end + pick(3)) << "\n";
                drop("terms", out.str());
                return "terms file";
            }
            case 3: {
                const core::LiftGroupAssignment& g = any(world_.lift_groups);
                out << "urn,academic_year,term,group\n"
                    << g.urn << "," << g.academic_year << "," << core::to_string(g.term) << ","
                    << (pick(2) ? "A" : "B") << "\n";
                drop("lift_groups", out.str());
                return "lift_groups file";
            }
            case 4: {
                const core::LiftMeeting& m = any(world_.meetings);
                out << "district,group,meeting_date,paperwork_deadline,venue\n"
                    << m.district << "," << m.group << "," << core::to_iso(m.meeting_date) << ","
                    << core::to_iso(m.meeting_date - 7 - pick(5)) << ",Room " << pick(9) << "\n";
                drop("lift_schedule", out.str());
                return "lift_schedule file";
            }
            default: {
                const core::Surgery& s = any(world_.surgeries);
                out << "district,surgery_date,venue,staff_id\n"
                    << s.district << "," << core::to_iso(s.surgery_date) << ",Room " << pick(9)
                    << "," << s.staff_id << "\n";
                drop("surgeries", out.str());
                return "surgeries file";
            }
        }
    }

  private:
    std::mt19937_64 random_;
    const db::demo::DemoWorld& world_;
    std::filesystem::path inbox_;
    std::vector<std::string> refs_, teachers_;
    std::vector<std::pair<core::LiftMeeting, std::vector<std::string>>> crowded_;
    int files_ = 0, new_pupils_ = 0;
};

inline uint64_t seed_to_use() {
    if (const char* text = std::getenv("LIFTBOARD_PROPERTY_SEED"); text && *text)
        return std::strtoull(text, nullptr, 10);
    return std::random_device{}();
}

}  // namespace test_support::incremental

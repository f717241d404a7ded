#include "core/caseload.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "core/after_lift_view.hpp"
#include "core/huge_pages.hpp"

namespace core {
namespace {

struct OpenCase {
    std::optional<EventEntry> opened, last_visit;
    std::string_view hnf;
};

// The most recent caselist_opened with no case_closed on or after it.
std::optional<OpenCase> open_case(EventRange events) {
    OpenCase c;
    for (const EventEntry& e : events) {  // sorted by date
        switch (e.kind) {
            case EventKind::caselist_opened:
                c.opened = e;
                c.last_visit.reset();
                break;
            case EventKind::case_closed:
                if (c.opened && e.date >= c.opened->date) c.opened.reset();
                break;
            case EventKind::visit:
                if (c.opened && e.date >= c.opened->date) c.last_visit = e;
                break;
            case EventKind::hnf_applied:
                c.hnf = "applied";
                break;
            case EventKind::hnf_decision:
                c.hnf = e.detail;
                break;
            default:
                break;
        }
    }
    if (!c.opened) return std::nullopt;
    return c;
}

}  // namespace

std::string last_visit_text(const CaseloadRow& row) {
    return row.last_visit ? to_short_display(*row.last_visit) : "none yet";
}

std::string next_visit_text(const CaseloadRow& row) {
    return row.next_visit_due ? to_short_display(*row.next_visit_due) : "";
}

namespace {

// Where the row's school and teacher come from: the Dataset's lookups, and the case's
// assigned teacher over the one who opened the case (`opened_by`).
void fill_school_and_teacher(const Dataset& data, const PupilEntry& p, std::string_view opened_by,
                             CaseloadRow& row) {
    const School* school = data.school(p.school_urn);
    row.school = school ? std::string_view(school->name) : p.school_urn;
    const CaseState* state = data.case_state(p.pupil_ref);
    row.teacher_id = state && !state->assigned_staff_id.empty()
                         ? std::string_view(state->assigned_staff_id)
                         : opened_by;
    const Staff* teacher = data.staff_member(row.teacher_id);
    row.teacher = teacher ? std::string_view(teacher->name)
                          : (row.teacher_id.empty() ? "Unassigned" : row.teacher_id);
}

void fill_assessment(const AssessmentTable& assessments, size_t i, CaseloadRow& row) {
    if (i >= assessments.size()) return;
    row.stage = display_name(assessments.stage(i));
    row.next_action = assessments.next_text(i);
    row.worst = assessments.worst(i);
}

// Pupil i's row, or none when the pupil has no open case.
std::optional<CaseloadRow> caseload_row(const Dataset& data, const AssessmentTable& assessments,
                                        const SnapshotOptions& options, size_t i) {
    auto c = open_case(data.events_of(i));
    if (!c) return std::nullopt;
    const PupilEntry& p = data.pupils[i];
    CaseloadRow row;
    row.pupil = static_cast<uint32_t>(i);
    row.pupil_label = pupil_label(p);
    row.need_area = need_area_label(p.need_area);
    row.agreed_outcome = c->opened->detail;
    row.hnf = c->hnf;
    fill_school_and_teacher(data, p, c->opened->staff_id, row);

    Date since = c->last_visit ? c->last_visit->date : c->opened->date;
    if (c->last_visit) row.last_visit = c->last_visit->date;
    row.next_visit_due = since + options.rules.visit_interval_weeks * 7;
    row.visit_overdue = *row.next_visit_due < options.today;

    if (auto clock =
            open_ehc_clock(data.events_of(i), options.today, options.rules.due_window_days)) {
        // A wall shows weeks up to 255; a request open that long is its own finding.
        row.ehc_week = static_cast<uint8_t>(std::min(clock->week, 255));
        row.ehc_status = clock->status;
    }
    fill_assessment(assessments, i, row);
    return row;
}

// The board's order: by teacher, then overdue first, then label (unique: it holds the ref).
bool caseload_before(const CaseloadRow& a, const CaseloadRow& b) {
    return std::tuple(a.teacher, !a.visit_overdue, a.pupil_label) <
           std::tuple(b.teacher, !b.visit_overdue, b.pupil_label);
}

// Counts each teacher's cases in sorted rows.
void finish_caseload(std::vector<CaseloadRow>& rows, std::vector<TeacherLoad>& loads) {
    // A hash lookup per row, the names copied once per teacher.
    std::unordered_map<std::string_view, size_t> by_teacher;
    for (const CaseloadRow& row : rows) {
        auto [it, added] = by_teacher.try_emplace(row.teacher_id, loads.size());
        if (added) loads.push_back({std::string(row.teacher_id), std::string(row.teacher), 0, 0});
        TeacherLoad& load = loads[it->second];
        ++load.cases;
        if (row.visit_overdue) ++load.overdue_visits;
    }
    rows.shrink_to_fit();  // kept for the snapshot's life: no spare growth room
    // By name; two teachers of one name by id, so the order never rests on the sort's whim.
    std::sort(loads.begin(), loads.end(), [](const TeacherLoad& a, const TeacherLoad& b) {
        return std::tie(a.name, a.staff_id) < std::tie(b.name, b.staff_id);
    });
}

}  // namespace

void build_caseload(const Dataset& data, const AssessmentTable& assessments,
                    const SnapshotOptions& options, std::vector<CaseloadRow>& rows,
                    std::vector<TeacherLoad>& loads) {
    for (size_t i = 0; i < data.pupils.size(); ++i)
        if (auto row = caseload_row(data, assessments, options, i)) rows.push_back(std::move(*row));
    std::sort(rows.begin(), rows.end(), caseload_before);
    finish_caseload(rows, loads);
}

void patch_caseload(const Dataset& base_data, const std::vector<CaseloadRow>& base_rows,
                    const Dataset& data, const AssessmentTable& assessments,
                    const SnapshotOptions& options, const std::vector<uint32_t>& changed,
                    std::vector<CaseloadRow>& rows, std::vector<TeacherLoad>& loads) {
    // Unchanged pupils' rows keep their order (their keys are as they were); the changed
    // pupils' rows are merged in: caseload_before is a total order, so this is sorted.
    std::vector<CaseloadRow> fresh;
    for (uint32_t i : changed)
        if (auto row = caseload_row(data, assessments, options, i))
            fresh.push_back(std::move(*row));
    std::sort(fresh.begin(), fresh.end(), caseload_before);
    auto is_changed = [&changed](uint32_t pupil) {
        return std::binary_search(changed.begin(), changed.end(), pupil);
    };
    // Written once, straight into the snapshot's rows, at their final size.
    size_t kept = 0;
    for (const CaseloadRow& old : base_rows) kept += is_changed(old.pupil) ? 0 : 1;
    rows.reserve(kept + fresh.size());
    prefer_huge_pages(rows);
    auto next_fresh = fresh.begin();
    for (const CaseloadRow& old : base_rows) {
        if (is_changed(old.pupil)) continue;
        // Its events are as they were: what came from them is kept, pointed at the new
        // Dataset; the rest is looked up again (the school and teacher tables are new
        // copies, the assessments a new table).
        CaseloadRow row = old;
        row.agreed_outcome = data.rebased(base_data, old.agreed_outcome);
        row.hnf = data.rebased(base_data, old.hnf);
        fill_school_and_teacher(data, data.pupils[old.pupil],
                                data.rebased(base_data, old.teacher_id), row);
        fill_assessment(assessments, old.pupil, row);
        while (next_fresh != fresh.end() && caseload_before(*next_fresh, row))
            rows.push_back(std::move(*next_fresh++));
        rows.push_back(std::move(row));
    }
    rows.insert(rows.end(), std::make_move_iterator(next_fresh),
                std::make_move_iterator(fresh.end()));
    finish_caseload(rows, loads);
}

}  // namespace core

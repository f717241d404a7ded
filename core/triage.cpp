// Building and filtering the triage list (see triage.hpp).
#include "core/triage.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "core/huge_pages.hpp"
#include "core/snapshot.hpp"

namespace core {
namespace {

uint16_t rule_bit(RuleId rule) {
    return static_cast<uint16_t>(1u << static_cast<unsigned>(rule));
}

// The finding a row leads with: worst status, then earliest due date, undated last.
const FindingView& lead_finding(const std::vector<FindingView>& findings) {
    const FindingView* lead = &findings.front();
    for (const FindingView& f : findings) {
        if (f.status != lead->status) continue;  // sorted most severe first
        if (f.due && (!lead->due || *f.due < *lead->due)) lead = &f;
    }
    return *lead;
}

// The teacher who opened the pupil's open caselist case: the caseload board's fallback
// when the case has no assigned teacher, so both boards name the same person.
std::string_view caselist_teacher(EventRange events) {
    std::string_view staff;
    for (const EventEntry& e : events) {  // sorted by date
        if (e.kind == EventKind::caselist_opened) staff = e.staff_id;
        if (e.kind == EventKind::case_closed) staff = {};
    }
    return staff;
}

template <class Key>
std::vector<TriageOption> options_of(const std::vector<TriageRow>& rows, Key key) {
    // A hash lookup per row and a string copy per option (rows of one id have one label):
    // this runs over every row on every snapshot, patched ones included.
    std::unordered_map<std::string_view, size_t> by_id;
    std::vector<TriageOption> options;
    for (const TriageRow& row : rows) {
        auto [id, label] = key(row);
        auto [it, added] = by_id.try_emplace(id, options.size());
        if (added) options.push_back({std::string(id), std::string(label), 0});
        ++options[it->second].rows;
    }
    std::sort(options.begin(), options.end(), [](const TriageOption& a, const TriageOption& b) {
        return std::tie(a.label, a.id) < std::tie(b.label, b.id);
    });
    return options;
}

}  // namespace

bool triage_before(const TriageRow& a, const TriageRow& b) {
    if (a.worst != b.worst) return a.worst > b.worst;
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();  // dated first
    if (a.due && *a.due != *b.due) return *a.due < *b.due;
    return a.pupil_ref < b.pupil_ref;
}

std::string_view case_teacher_id(const Dataset& data, size_t pupil_index) {
    if (pupil_index >= data.pupils.size()) return {};
    const CaseState* state = data.case_state(data.pupils[pupil_index].pupil_ref);
    if (state && !state->assigned_staff_id.empty()) return state->assigned_staff_id;
    return caselist_teacher(data.events_of(pupil_index));
}

std::string rules_text(const TriageRow& row) {
    std::string text(to_string(row.lead_rule));
    if (row.finding_count > 1) text += " +" + std::to_string(row.finding_count - 1);
    return text;
}

std::string due_text(const TriageRow& row) {
    return row.due ? to_short_display(*row.due) : "";
}

std::string_view priority_label(int priority) {
    switch (priority) {
        case 1:
            return "High";
        case 2:
            return "Medium";
        case 3:
            return "Low";
        default:
            return "";
    }
}

namespace {

// Pupil i's row (it has findings); `teacher_id` as case_teacher_id gives it.
TriageRow triage_row(const Dataset& data, const AssessmentTable& assessments, size_t i,
                     std::string_view teacher_id) {
    const std::vector<FindingView> findings = assessments.findings(i);
    const PupilEntry& p = data.pupils[i];
    TriageRow row;
    row.pupil = static_cast<uint32_t>(i);
    row.pupil_ref = p.pupil_ref;
    row.pupil_label = pupil_label(p);
    row.school_urn = p.school_urn;
    const School* school = data.school(p.school_urn);
    row.school = school ? std::string_view(school->name) : p.school_urn;

    const CaseState* state = data.case_state(p.pupil_ref);
    row.teacher_id = teacher_id;
    const Staff* teacher = data.staff_member(row.teacher_id);
    row.teacher = teacher ? std::string_view(teacher->name)
                          : (row.teacher_id.empty() ? "Unassigned" : row.teacher_id);
    row.priority = state ? state->priority : 0;
    row.priority_text = priority_label(row.priority);

    const FindingView& lead = lead_finding(findings);
    row.worst = findings.front().status;
    row.status_word = to_string(row.worst);
    for (const FindingView& f : findings) row.rules |= rule_bit(f.rule);
    row.lead_rule = lead.rule;
    row.finding_count = static_cast<uint8_t>(findings.size());
    row.due = lead.due;
    row.reason = lead.reason;
    return row;
}

// Counts and lists the filters' values of sorted rows.
void finish_triage(TriageList& list) {
    for (const TriageRow& row : list.rows) ++list.by_status[static_cast<size_t>(row.worst)];
    uint16_t present = 0;
    for (const TriageRow& row : list.rows) present |= row.rules;
    for (int r = 0; r < kRuleCount; ++r)
        if (present & rule_bit(static_cast<RuleId>(r)))
            list.rule_options.push_back(static_cast<RuleId>(r));
    list.schools = options_of(
        list.rows, [](const TriageRow& row) { return std::pair(row.school_urn, row.school); });
    list.teachers = options_of(
        list.rows, [](const TriageRow& row) { return std::pair(row.teacher_id, row.teacher); });
    // "Unassigned" is not a name: it goes last, where a reader looks for "the rest".
    std::stable_partition(list.teachers.begin(), list.teachers.end(),
                          [](const TriageOption& o) { return !o.id.empty(); });
    list.rows.shrink_to_fit();  // kept for the snapshot's life: no spare growth room
}

}  // namespace

TriageList build_triage(const Dataset& data, const AssessmentTable& assessments,
                        const RulesConfig& rules) {
    TriageList list;
    list.referral_cap = rules.referral_cap;
    const size_t n = std::min(data.pupils.size(), assessments.size());
    for (size_t i = 0; i < n; ++i)
        if (assessments.finding_count(i) != 0)
            list.rows.push_back(triage_row(data, assessments, i, case_teacher_id(data, i)));
    std::sort(list.rows.begin(), list.rows.end(), triage_before);
    finish_triage(list);
    return list;
}

TriageList patch_triage(const Dataset& base_data, const TriageList& base, const Dataset& data,
                        const AssessmentTable& base_assessments, const AssessmentTable& assessments,
                        const RulesConfig& rules, const std::vector<uint32_t>& assessed) {
    TriageList list;
    list.referral_cap = rules.referral_cap;
    std::vector<TriageRow> fresh;
    for (uint32_t i : assessed)
        if (i < assessments.size() && assessments.finding_count(i) != 0)
            fresh.push_back(triage_row(data, assessments, i, case_teacher_id(data, i)));
    std::sort(fresh.begin(), fresh.end(), triage_before);
    auto is_assessed = [&assessed](uint32_t pupil) {
        return std::binary_search(assessed.begin(), assessed.end(), pupil);
    };
    // Written once, straight into the list, at its final size: rows of pupils not
    // assessed again keep their order (their keys did not change) and the fresh rows are
    // merged in (triage_before is a total order: refs are unique).
    size_t kept = 0;
    for (const TriageRow& old : base.rows) kept += is_assessed(old.pupil) ? 0 : 1;
    list.rows.reserve(kept + fresh.size());
    prefer_huge_pages(list.rows);
    auto next_fresh = fresh.begin();
    for (const TriageRow& old : base.rows) {
        if (is_assessed(old.pupil)) continue;
        // The same values, their views pointed at the new Dataset and assessments.
        TriageRow row = old;
        const PupilEntry p = data.pupils[old.pupil];
        row.pupil_ref = p.pupil_ref;
        row.school_urn = p.school_urn;
        const School* school = data.school(p.school_urn);
        row.school = school ? std::string_view(school->name) : p.school_urn;
        // The case is as it was: an assigned teacher wins, else the one who opened it.
        row.teacher_id = data.rebased(base_data, old.teacher_id);
        const CaseState* state = data.case_state(p.pupil_ref);
        if (state && !state->assigned_staff_id.empty()) row.teacher_id = state->assigned_staff_id;
        const Staff* teacher = data.staff_member(row.teacher_id);
        row.teacher = teacher ? std::string_view(teacher->name)
                              : (row.teacher_id.empty() ? "Unassigned" : row.teacher_id);
        row.reason = assessments.rebased(base_assessments, old.reason);
        while (next_fresh != fresh.end() && triage_before(*next_fresh, row))
            list.rows.push_back(std::move(*next_fresh++));
        list.rows.push_back(std::move(row));
    }
    list.rows.insert(list.rows.end(), std::make_move_iterator(next_fresh),
                     std::make_move_iterator(fresh.end()));
    finish_triage(list);
    return list;
}

std::vector<uint32_t> filter_triage(const TriageList& list, const TriageFilter& filter) {
    std::vector<uint32_t> out;
    out.reserve(filter.any() ? list.rows.size() / 4 : list.rows.size());
    const uint16_t rule = filter.rule ? rule_bit(*filter.rule) : 0;
    for (size_t i = 0; i < list.rows.size(); ++i) {
        const TriageRow& row = list.rows[i];
        if (rule && !(row.rules & rule)) continue;
        if (filter.school_urn && row.school_urn != *filter.school_urn) continue;
        if (filter.teacher_id && row.teacher_id != *filter.teacher_id) continue;
        out.push_back(static_cast<uint32_t>(i));
    }
    return out;
}

std::optional<size_t> cycle_option(std::optional<size_t> current, size_t count, int step) {
    if (count == 0) return std::nullopt;
    // Positions 0 ("all") .. count (the last value), walked round.
    const long long positions = static_cast<long long>(count) + 1;
    long long at = current && *current < count ? static_cast<long long>(*current) + 1 : 0;
    at = ((at + step) % positions + positions) % positions;
    if (at == 0) return std::nullopt;
    return static_cast<size_t>(at - 1);
}

}  // namespace core

// The triage list: pupils whose findings need action, most severe first (blocked,
// overdue, due, warning), then the earliest due date. Each row is formatted once per
// snapshot; the filter option lists hold only values present in the rows. Filtering is
// a pure function of the list and a filter, so the board never searches while drawing.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment_table.hpp"
#include "core/dataset.hpp"
#include "core/rules.hpp"

namespace core {

// Views point into the snapshot (Dataset, assessments) or at literals, as CaseloadRow's
// do; the full name is read from the Dataset where privacy allows it.
struct TriageRow;
// "paperwork-deadline +1": the lead rule and how many more; formatted where drawn.
std::string rules_text(const TriageRow& row);
// "Thu 4 Dec", "" when the lead finding has no due date.
std::string due_text(const TriageRow& row);

struct TriageRow {
    uint32_t pupil = 0;  // index into Dataset::pupils
    std::string_view pupil_ref;
    std::string pupil_label;  // privacy-safe: "A.B.  P00012"
    std::string_view school_urn, school;
    std::string_view teacher_id;                         // "" when nobody is assigned
    std::string_view teacher;                            // display name, "Unassigned" when none
    int priority = 0;                                    // 0 none, 1 high .. 3 low
    std::string_view priority_text;                      // "High", "Medium", "Low", ""
    Status worst = Status::ok;                           // most severe finding
    std::string_view status_word;                        // "blocked"
    uint16_t rules = 0;                                  // one bit per RuleId of every finding
    RuleId lead_rule = RuleId::consent_before_referral;  // the finding the row leads with
    uint8_t finding_count = 0;                           // rules failed (one finding each)
    std::optional<Date> due;                             // of the lead finding (see build_triage)
    std::string_view reason;                             // of the lead finding
};

// A value a filter can take, with how many rows have it.
struct TriageOption {
    std::string id;     // URN or staff_id ("" = unassigned)
    std::string label;  // school or teacher name
    int rows = 0;
};

struct TriageList {
    std::vector<TriageRow> rows;         // most severe first, then earliest due, then ref
    std::vector<RuleId> rule_options;    // rules present, in RuleId order
    std::vector<TriageOption> schools;   // by name
    std::vector<TriageOption> teachers;  // by name, "Unassigned" last
    std::array<int, 5> by_status{};      // row count per worst Status (index = value)
    int referral_cap = 3;                // RulesConfig::referral_cap, for booking options
};

struct TriageFilter {
    std::optional<RuleId> rule;
    std::optional<std::string> school_urn;
    std::optional<std::string> teacher_id;  // "" = unassigned
    bool any() const { return rule || school_urn || teacher_id; }
    bool operator==(const TriageFilter&) const = default;
};

// Rows for every pupil with a finding that is not ok. The lead finding is the one of
// the worst status with the earliest due date (undated ones after dated ones); the row
// takes its rule, due date and reason. The teacher is the case's assigned teacher, else
// the one who opened the pupil's open caselist case. The rows view texts of `data` and
// `assessments`: both must outlive the list (in a Snapshot they live beside it).
TriageList build_triage(const Dataset& data, const AssessmentTable& assessments,
                        const RulesConfig& rules);

// The list of `data`, a Dataset::patched from `base_data`, from `base` (built from
// base_data): rows are made again only for the pupils whose assessment was (`assessed`,
// ascending, holding every pupil whose rows changed), without walking the other pupils'
// events. Equal to build_triage(data, assessments, rules).
// `assessments` must be AssessmentTable::patched from `base_assessments`.
TriageList patch_triage(const Dataset& base_data, const TriageList& base, const Dataset& data,
                        const AssessmentTable& base_assessments, const AssessmentTable& assessments,
                        const RulesConfig& rules, const std::vector<uint32_t>& assessed);

// The list order: worst status first, then due date (dated before undated), then ref.
bool triage_before(const TriageRow& a, const TriageRow& b);

// Indices into list.rows that pass `filter`, in list order.
std::vector<uint32_t> filter_triage(const TriageList& list, const TriageFilter& filter);

// Keyboard cycling through a filter's values: "all" (nullopt) -> 0 -> ... -> count-1 ->
// "all" for step +1, the reverse for -1.
std::optional<size_t> cycle_option(std::optional<size_t> current, size_t count, int step);

// The teacher a pupil's case is with: the assigned one, else the one who opened the
// pupil's open caselist case (as the caseload board shows it); "" when neither.
std::string_view case_teacher_id(const Dataset& data, size_t pupil_index);

// "High", "Medium", "Low", "" for 0.
std::string_view priority_label(int priority);

}  // namespace core

// Grouping and sorting of the caseload board's lines (see caseload_lines.hpp).
#include "widgets/caseload_lines.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace widgets {
namespace {

// Days since the epoch of the next visit due; cases without one sort last.
int32_t due_key(const core::CaseloadRow& row) {
    return row.next_visit_due ? row.next_visit_due->days : INT32_MAX;
}

bool less(const core::CaseloadRow& a, const core::CaseloadRow& b, CaseloadColumn column) {
    switch (column) {
        case CaseloadColumn::pupil:
            return a.pupil_label < b.pupil_label;
        case CaseloadColumn::school:
            return a.school < b.school;
        case CaseloadColumn::need:
            return a.need_area < b.need_area;
        case CaseloadColumn::stage:
            return a.stage < b.stage;
        case CaseloadColumn::teacher:
            return a.teacher < b.teacher;
        // The next visit falls due a fixed interval after the last contact, so the due
        // date orders "last visit" too, and does so for cases not yet visited.
        case CaseloadColumn::last_visit:
        case CaseloadColumn::next_visit:
            return due_key(a) < due_key(b);
        case CaseloadColumn::next_action:
            return a.next_action < b.next_action;
    }
    return false;
}

}  // namespace

std::vector<CaseloadLine> caseload_lines(const core::Snapshot& snapshot, const CaseloadSort& sort,
                                         bool grouped) {
    const auto& rows = snapshot.caseload;
    std::vector<uint32_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return sort.descending ? less(rows[b], rows[a], sort.column)
                               : less(rows[a], rows[b], sort.column);
    });

    std::vector<CaseloadLine> lines;
    if (!grouped) {
        lines.reserve(order.size());
        for (uint32_t i : order) lines.push_back({CaseloadLine::Kind::row, i});
        return lines;
    }

    const auto& loads = snapshot.teacher_loads;
    std::unordered_map<std::string_view, size_t> group_of;
    group_of.reserve(loads.size());
    for (size_t g = 0; g < loads.size(); ++g) group_of.emplace(loads[g].staff_id, g);
    // One bucket per teacher, plus a last one for rows whose teacher has no load entry
    // (cannot happen with build_caseload; kept so no row is ever dropped).
    std::vector<std::vector<uint32_t>> buckets(loads.size() + 1);
    for (uint32_t i : order) {
        auto it = group_of.find(rows[i].teacher_id);
        buckets[it == group_of.end() ? loads.size() : it->second].push_back(i);
    }

    std::vector<size_t> groups(loads.size());
    std::iota(groups.begin(), groups.end(), size_t{0});
    if (sort.column == CaseloadColumn::teacher && sort.descending)
        std::reverse(groups.begin(), groups.end());
    groups.push_back(loads.size());

    lines.reserve(rows.size() + loads.size());
    for (size_t g : groups) {
        if (buckets[g].empty()) continue;
        if (g < loads.size())
            lines.push_back({CaseloadLine::Kind::teacher, static_cast<uint32_t>(g)});
        for (uint32_t i : buckets[g]) lines.push_back({CaseloadLine::Kind::row, i});
    }
    return lines;
}

}  // namespace widgets

// The line list the caseload board scrolls through: teacher group headers and case
// rows, in display order, as indices into the snapshot. Built once per snapshot or
// sort change (never per frame) so the clipper can jump straight to any visible line.
// Pure: no ImGui, so the grouping and sorting are unit-tested without a window.
#pragma once

#include <cstdint>
#include <vector>

#include "core/snapshot.hpp"

namespace widgets {

enum class CaseloadColumn : uint8_t {
    pupil,
    school,
    need,
    stage,
    teacher,
    last_visit,
    next_visit,
    next_action
};

struct CaseloadSort {
    CaseloadColumn column = CaseloadColumn::next_visit;
    bool descending = false;
};

struct CaseloadLine {
    enum class Kind : uint8_t { teacher, row };
    Kind kind = Kind::row;
    uint32_t index = 0;  // teacher: into Snapshot::teacher_loads; row: into ::caseload
};

// Grouped: one teacher header line, then that teacher's rows, groups in name order
// (reversed when sorting by teacher descending); rows within a group follow `sort`.
// Ungrouped: all rows in `sort` order. Ties keep the snapshot's order (overdue first).
std::vector<CaseloadLine> caseload_lines(const core::Snapshot& snapshot, const CaseloadSort& sort,
                                         bool grouped);

}  // namespace widgets

// The STLS caselist derived from pathway events: which cases are open, with whom, when
// they were last visited and when the next visit falls due.
#pragma once

#include <vector>

#include "core/snapshot.hpp"

namespace core {

// Rows view texts of `data` and `assessments`: both must outlive them.
void build_caseload(const Dataset& data, const AssessmentTable& assessments,
                    const SnapshotOptions& options, std::vector<CaseloadRow>& rows,
                    std::vector<TeacherLoad>& loads);

// The caseload of `data`, a Dataset::patched from `base_data` with the `changed` pupils
// (ascending), from the base's rows: only the changed pupils' events are walked again.
// Equal to build_caseload(data, ...) when `base_rows` were built from `base_data`.
void patch_caseload(const Dataset& base_data, const std::vector<CaseloadRow>& base_rows,
                    const Dataset& data, const AssessmentTable& assessments,
                    const SnapshotOptions& options, const std::vector<uint32_t>& changed,
                    std::vector<CaseloadRow>& rows, std::vector<TeacherLoad>& loads);

}  // namespace core

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

}  // namespace core

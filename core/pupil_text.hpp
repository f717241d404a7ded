// How a pupil is named on the boards: initials and ref where privacy applies, the full
// name only where it is allowed to be drawn.
#pragma once

#include <string>
#include <string_view>

#include "core/dataset_tables.hpp"

namespace core {

// "A.B." from "AB" / "A B" / "a.b" : the form the wall shows.
std::string format_initials(std::string_view initials);
// "A.B.  P00012".
std::string pupil_label(const PupilEntry& pupil);
// "First Last", or whichever part the data has; "" when it has neither.
std::string full_name(const PupilEntry& pupil);

}  // namespace core

// What a board writes for a pupil: the privacy-safe label ("A.B.  P00012"), or on an
// office screen with privacy off the full name first, when the data has one. Rows keep
// only the label; the name is read from the Dataset at draw time, so a kiosk never
// holds a formatted name at all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/snapshot.hpp"

namespace widgets {

std::string pupil_line(const core::Snapshot& snapshot, uint32_t pupil, std::string_view label,
                       bool privacy);

}  // namespace widgets

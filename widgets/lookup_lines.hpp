// The lines of the quick lookup's result list, formatted once per query (never per
// frame): matching schools first, then pupils in the index's rank order, each with the
// privacy-safe label (initials and ref), the name kept apart for privacy-off screens,
// a detail line and the pupil's stage and worst finding. Pure: no ImGui.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/search_index.hpp"
#include "core/snapshot.hpp"

namespace widgets {

struct LookupLine {
    enum class Kind : uint8_t { school, pupil };
    Kind kind = Kind::pupil;
    uint32_t index = 0;  // into the snapshot's pupils or schools
    std::string label;   // pupil: "K.T.  P000123"; school: its name
    std::string name;    // pupil's full name, "" when none: drawn only with privacy off
    // pupil: "Larkspur Primary School  ·  Year 4"; school: "Maidstone  ·  80 pupils"
    std::string detail;
    std::string stage;  // pupil: "SEN Support"; school: ""
    core::Status worst = core::Status::ok;
};

// Lines for `results`: its schools, then its pupils.
std::vector<LookupLine> lookup_lines(const core::Snapshot& snapshot,
                                     const core::SearchResults& results);
// Lines for the given pupils (recently opened ones), in that order.
std::vector<LookupLine> pupil_lines(const core::Snapshot& snapshot,
                                    const std::vector<uint32_t>& pupils);
// "37 pupils  ·  2 schools", "1,000+ pupils: type more to narrow", "No matches".
std::string lookup_summary(const core::SearchResults& results);
// "11,099": counts on a wall are read at a glance.
std::string grouped_count(size_t n);

}  // namespace widgets

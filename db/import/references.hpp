// What a file may refer to: the keys (and the few facts about them validation needs)
// already in the store. Plain data, filled by load_references() in the db layer, so
// validation stays pure and a hub importer can fill it from elsewhere.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/domain.hpp"

namespace db::inbox {

// Equality of short texts (references, codes) without a call into libc's memcmp,
// which costs more than the comparison itself at these sizes; 100k-row files make
// hundreds of thousands of them.
inline bool equal_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// Lets a std::string-keyed container be searched with a std::string_view.
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct StringEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return equal_text(a, b); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, StringEqual>;
using StringSet = std::unordered_set<std::string, StringHash, StringEqual>;

struct SchoolFacts {
    std::string district, lift_group;
};

struct References {
    StringMap<SchoolFacts> schools;        // by URN
    StringMap<std::string> pupil_schools;  // pupil_ref -> school URN
    StringSet staff;                       // staff_id
    std::vector<core::LiftMeeting> meetings;
    std::vector<core::Surgery> surgeries;
    std::vector<core::Term> terms;
    std::vector<core::LiftGroupAssignment> lift_groups;

    const SchoolFacts* school(std::string_view urn) const {
        auto it = schools.find(urn);
        return it == schools.end() ? nullptr : &it->second;
    }
    bool has_pupil(std::string_view ref) const { return pupil_schools.contains(ref); }
    bool has_staff(std::string_view id) const { return staff.contains(id); }
    // The school of a known pupil, or nullptr.
    const SchoolFacts* school_of_pupil(std::string_view ref) const {
        auto it = pupil_schools.find(ref);
        return it == pupil_schools.end() ? nullptr : school(it->second);
    }
};

}  // namespace db::inbox

// What a file may refer to: the keys (and the few facts about them validation needs)
// already in the store. Plain data (but for pupils looked up on demand, see PupilSchools),
// filled by load_references() in the db layer, so validation stays pure and a hub
// importer can fill it from elsewhere.
#pragma once

#include <functional>
#include <optional>
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

// pupil_ref -> school URN. Filled up front (the hub, tests, the fuzz targets) or asked
// of the store one pupil at a time (load_references with Pupils::on_demand: the
// importer, whose References go before its store closes), so a 1k-row events file costs lookups of its 1k
// pupils, not a read of all 100k: an inbox drop's work follows the drop's size.
class PupilSchools {
  public:
    // The school of `ref`, or nullopt for an unknown pupil.
    using Lookup = std::function<std::optional<std::string>(std::string_view ref)>;

    void set_lookup(Lookup lookup) { lookup_ = std::move(lookup); }
    void emplace(std::string ref, std::string school) {
        known_.insert_or_assign(std::move(ref), std::optional<std::string>(std::move(school)));
    }
    std::string& operator[](std::string_view ref) {
        auto& slot = known_[std::string(ref)];
        if (!slot) slot.emplace();
        return *slot;
    }
    // The school of a known pupil, or nullptr; the lookup's answers (unknown too) are kept.
    const std::string* find(std::string_view ref) const {
        auto it = known_.find(ref);
        if (it == known_.end()) {
            if (!lookup_) return nullptr;
            it = known_.emplace(std::string(ref), lookup_(ref)).first;
        }
        return it->second ? &*it->second : nullptr;
    }

  private:
    mutable StringMap<std::optional<std::string>> known_;
    Lookup lookup_;
};

struct References {
    StringMap<SchoolFacts> schools;  // by URN
    PupilSchools pupil_schools;
    StringSet staff;  // staff_id
    std::vector<core::LiftMeeting> meetings;
    std::vector<core::Surgery> surgeries;
    std::vector<core::Term> terms;
    std::vector<core::LiftGroupAssignment> lift_groups;

    const SchoolFacts* school(std::string_view urn) const {
        auto it = schools.find(urn);
        return it == schools.end() ? nullptr : &it->second;
    }
    bool has_pupil(std::string_view ref) const { return pupil_schools.find(ref) != nullptr; }
    bool has_staff(std::string_view id) const { return staff.contains(id); }
    // The school of a known pupil, or nullptr.
    const SchoolFacts* school_of_pupil(std::string_view ref) const {
        const std::string* urn = pupil_schools.find(ref);
        return urn ? school(*urn) : nullptr;
    }
};

}  // namespace db::inbox

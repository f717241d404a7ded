// The quick-lookup search index: built once per snapshot from the Dataset, immutable,
// answering "pupils and schools matching what was typed so far" in microseconds over
// 100k pupils. Case-insensitive prefix and substring matching on pupil refs, initials
// and school names; first and last names sit in a separate table that is consulted only
// when the caller says names may be shown (privacy off), so with privacy on a name can
// never be how a pupil was found. Ranking: exact > prefix > substring, then field (ref,
// initials, name), then key order; results are cut at a limit and counted up to a cap.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/search_keys.hpp"

namespace core {

enum class MatchRank : uint8_t { exact, prefix, substring };
enum class MatchField : uint8_t { ref, initials, name, school };

struct SearchHit {
    uint32_t index = 0;  // into Dataset::pupils, or Dataset::schools for school hits
    MatchRank rank = MatchRank::exact;
    MatchField field = MatchField::ref;
    bool operator==(const SearchHit&) const = default;
};

struct SearchOptions {
    bool names = false;              // match first/last names: only with privacy off
    size_t limit = 100;              // pupil hits returned at most
    size_t school_limit = 6;         // school hits returned at most
    size_t count_limit = 1000;       // distinct pupils counted at most
    std::optional<uint32_t> school;  // only pupils of this school (index into schools)
};

struct SearchResults {
    std::vector<SearchHit> pupils;   // best first, at most SearchOptions::limit
    std::vector<SearchHit> schools;  // best first, at most school_limit; none when scoped
    size_t pupil_count = 0;          // distinct matching pupils, at most count_limit
    size_t school_count = 0;         // matching schools
    bool more = false;               // counting stopped at count_limit: there are more
};

class SearchIndex {
  public:
    SearchIndex() = default;
    explicit SearchIndex(const Dataset& data);

    // An empty query (after normalising) finds nothing, except within a school, where
    // it lists the school's pupils in ref order.
    SearchResults find(std::string_view query, const SearchOptions& options) const;

    // Pupils of schools[school], in ref order.
    std::span<const uint32_t> pupils_of_school(uint32_t school) const;
    // School index of pupils[pupil], or nullopt when its URN is unknown.
    std::optional<uint32_t> school_of(uint32_t pupil) const;
    size_t pupil_count() const { return school_of_.size(); }
    size_t memory_bytes() const;

  private:
    struct Walk;
    void find_pupils(std::string_view query, const SearchOptions& options, Walk& walk) const;
    void find_in_school(std::string_view query, const SearchOptions& options,
                        SearchResults& results) const;
    void find_schools(std::string_view query, const SearchOptions& options,
                      SearchResults& results) const;

    KeyTable refs_, initials_, names_, schools_;
    std::vector<uint32_t> school_of_;     // per pupil; kNoSchool when unknown
    std::vector<uint32_t> school_begin_;  // pupils of school s: school_pupils_[b[s], b[s+1])
    std::vector<uint32_t> school_pupils_;
    static constexpr uint32_t kNoSchool = UINT32_MAX;
};

}  // namespace core

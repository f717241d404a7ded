// The quick lookup's result lines (see lookup_lines.hpp).
#include "widgets/lookup_lines.hpp"

#include "core/pupil_card_model.hpp"

namespace widgets {
namespace {

constexpr const char* kDot = "  \xc2\xb7  ";

LookupLine pupil_line(const core::Snapshot& snapshot, uint32_t pupil) {
    const core::Dataset& data = *snapshot.data;
    const core::PupilEntry& p = data.pupils[pupil];
    LookupLine line;
    line.kind = LookupLine::Kind::pupil;
    line.index = pupil;
    line.label = pupil_label(p);
    line.name = core::full_name(p);
    const core::School* school = data.school(p.school_urn);
    line.detail = school ? school->name : p.school_urn;
    if (const std::string year = core::year_label(p.year_group); !year.empty())
        line.detail += kDot + year;
    if (pupil < snapshot.assessments.size()) {
        const core::PupilAssessment& a = snapshot.assessments[pupil];
        line.stage = std::string(core::display_name(a.stage));
        line.worst = a.worst();
    }
    return line;
}

LookupLine school_line(const core::Snapshot& snapshot, uint32_t school) {
    const core::School& s = snapshot.data->schools[school];
    LookupLine line;
    line.kind = LookupLine::Kind::school;
    line.index = school;
    line.label = s.name;
    const size_t pupils = snapshot.search ? snapshot.search->pupils_of_school(school).size() : 0;
    line.detail = s.district + kDot + grouped_count(pupils) + (pupils == 1 ? " pupil" : " pupils");
    if (!s.lift_group.empty()) line.detail += kDot + std::string("LIFT group ") + s.lift_group;
    return line;
}

}  // namespace

std::string grouped_count(size_t n) {
    std::string digits = std::to_string(n);
    for (size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

std::vector<LookupLine> lookup_lines(const core::Snapshot& snapshot,
                                     const core::SearchResults& results) {
    std::vector<LookupLine> lines;
    if (!snapshot.data) return lines;
    lines.reserve(results.schools.size() + results.pupils.size());
    for (const core::SearchHit& hit : results.schools)
        lines.push_back(school_line(snapshot, hit.index));
    for (const core::SearchHit& hit : results.pupils)
        lines.push_back(pupil_line(snapshot, hit.index));
    return lines;
}

std::vector<LookupLine> pupil_lines(const core::Snapshot& snapshot,
                                    const std::vector<uint32_t>& pupils) {
    std::vector<LookupLine> lines;
    if (!snapshot.data) return lines;
    for (uint32_t p : pupils)
        if (p < snapshot.data->pupils.size()) lines.push_back(pupil_line(snapshot, p));
    return lines;
}

std::string lookup_summary(const core::SearchResults& results) {
    if (results.pupil_count == 0 && results.school_count == 0) return "No matches";
    std::string out;
    if (results.pupil_count > 0 || results.school_count == 0) {
        out = grouped_count(results.pupil_count) + (results.more ? "+" : "") +
              (results.pupil_count == 1 && !results.more ? " pupil" : " pupils");
    }
    if (results.school_count > 0) {
        if (!out.empty()) out += kDot;
        out += grouped_count(results.school_count) +
               (results.school_count == 1 ? " school" : " schools");
    }
    if (results.more || results.pupils.size() < results.pupil_count ||
        results.schools.size() < results.school_count)
        out += ": type more to narrow";
    return out;
}

}  // namespace widgets

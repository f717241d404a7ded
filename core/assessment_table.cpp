#include "core/assessment_table.hpp"

#include <algorithm>

namespace core {

AssessmentTable::AssessmentTable(const std::vector<PupilAssessment>& all) {
    reserve(all.size());
    for (const PupilAssessment& a : all) push_back(a);
    seal();
}

void AssessmentTable::push_back(const PupilAssessment& a) {
    Row r;
    r.finding_count = static_cast<uint8_t>(a.findings.size());
    findings_.insert(findings_.end(), a.findings.begin(), a.findings.end());
    finding_pupil_.insert(finding_pupil_.end(), a.findings.size(), static_cast<uint32_t>(rows_.size()));
    r.stage = a.stage;
    r.worst = a.worst();
    r.next_text = texts_->intern(a.next.description);
    r.has_earliest = a.next.earliest.has_value();
    r.has_due = a.next.due.has_value();
    r.next_earliest = a.next.earliest.value_or(Date{});
    r.next_due = a.next.due.value_or(Date{});
    rows_.push_back(r);
}

void AssessmentTable::seal() {
    rows_.shrink_to_fit();
    findings_.shrink_to_fit();
    finding_pupil_.shrink_to_fit();
    texts_->seal();
}

std::span<const Finding> AssessmentTable::findings(size_t pupil) const {
    const uint8_t count = rows_[pupil].finding_count;
    if (count == 0) return {};
    auto first = std::lower_bound(finding_pupil_.begin(), finding_pupil_.end(), pupil);
    return {findings_.data() + (first - finding_pupil_.begin()), count};
}

NextStep AssessmentTable::next(size_t pupil) const {
    const Row& r = rows_[pupil];
    NextStep step;
    step.description = std::string((*texts_)[r.next_text]);
    if (r.has_earliest) step.earliest = r.next_earliest;
    if (r.has_due) step.due = r.next_due;
    return step;
}

const PupilAssessment AssessmentTable::operator[](size_t pupil) const {
    PupilAssessment a;
    auto f = findings(pupil);
    a.findings.assign(f.begin(), f.end());
    a.stage = stage(pupil);
    a.next = next(pupil);
    return a;
}

size_t AssessmentTable::memory_bytes() const {
    size_t reasons = 0;
    for (const Finding& f : findings_) reasons += f.reason.capacity() > 15 ? f.reason.capacity() + 1 : 0;
    return rows_.capacity() * sizeof(Row) + findings_.capacity() * sizeof(Finding) + reasons +
           finding_pupil_.capacity() * sizeof(uint32_t) +
           texts_->memory_bytes();
}

}  // namespace core

#include "core/assessment_table.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace core {

AssessmentTable::AssessmentTable(const std::vector<PupilAssessment>& all) {
    reserve(all.size());
    for (const PupilAssessment& a : all) push_back(a);
    seal();
}

void AssessmentTable::push_back(const PupilAssessment& a) {
    Row r;
    r.finding_count = static_cast<uint8_t>(a.findings.size());
    for (const Finding& f : a.findings)
        findings_.push_back({f.due.value_or(Date{}), texts_->intern(f.reason), f.rule, f.status,
                             f.due.has_value()});
    finding_pupil_.insert(finding_pupil_.end(), a.findings.size(),
                          static_cast<uint32_t>(rows_.size()));
    r.stage = a.stage;
    r.worst = a.worst();
    r.next_text = texts_->intern(a.next.description);
    r.has_earliest = a.next.earliest.has_value();
    r.has_due = a.next.due.has_value();
    r.next_earliest = a.next.earliest.value_or(Date{});
    r.next_due = a.next.due.value_or(Date{});
    rows_.push_back(r);
}

AssessmentTable AssessmentTable::patched(const AssessmentTable& base,
                                         std::span<const uint32_t> pupils,
                                         std::span<const PupilAssessment> fresh) {
    if (pupils.size() != fresh.size() || !std::is_sorted(pupils.begin(), pupils.end()) ||
        (!pupils.empty() && pupils.back() >= base.rows_.size()))
        throw std::logic_error("assessment patch: pupils not ascending indices of the base");
    AssessmentTable t;
    *t.texts_ = *base.texts_;
    size_t bytes = 0, texts = 0;
    for (const PupilAssessment& a : fresh) {
        bytes += a.next.description.size();
        for (const Finding& f : a.findings) bytes += f.reason.size();
        texts += 1 + a.findings.size();
    }
    t.texts_->reserve_more(bytes, texts);
    std::unordered_map<std::string, uint32_t> added;  // new texts of this patch, once each
    auto text_id = [&](const std::string& text) {
        auto it = added.find(text);
        if (it != added.end()) return it->second;
        return added.emplace(text, t.texts_->append(text)).first->second;
    };
    t.rows_ = base.rows_;
    t.findings_.reserve(base.findings_.size() + texts);
    t.finding_pupil_.reserve(base.findings_.size() + texts);
    size_t next = 0;  // base finding not yet copied
    for (size_t k = 0; k < pupils.size(); ++k) {
        const uint32_t p = pupils[k];
        const size_t first = base.first_finding(p);
        t.findings_.insert(t.findings_.end(), base.findings_.begin() + static_cast<ptrdiff_t>(next),
                           base.findings_.begin() + static_cast<ptrdiff_t>(first));
        t.finding_pupil_.insert(t.finding_pupil_.end(),
                                base.finding_pupil_.begin() + static_cast<ptrdiff_t>(next),
                                base.finding_pupil_.begin() + static_cast<ptrdiff_t>(first));
        next = first + base.rows_[p].finding_count;
        const PupilAssessment& a = fresh[k];
        Row& r = t.rows_[p];
        r = Row{};
        r.finding_count = static_cast<uint8_t>(a.findings.size());
        for (const Finding& f : a.findings)
            t.findings_.push_back(
                {f.due.value_or(Date{}), text_id(f.reason), f.rule, f.status, f.due.has_value()});
        t.finding_pupil_.insert(t.finding_pupil_.end(), a.findings.size(), p);
        r.stage = a.stage;
        r.worst = a.worst();
        r.next_text = a.next.description.empty() ? 0 : text_id(a.next.description);
        r.has_earliest = a.next.earliest.has_value();
        r.has_due = a.next.due.has_value();
        r.next_earliest = a.next.earliest.value_or(Date{});
        r.next_due = a.next.due.value_or(Date{});
    }
    t.findings_.insert(t.findings_.end(), base.findings_.begin() + static_cast<ptrdiff_t>(next),
                       base.findings_.end());
    t.finding_pupil_.insert(t.finding_pupil_.end(),
                            base.finding_pupil_.begin() + static_cast<ptrdiff_t>(next),
                            base.finding_pupil_.end());
    t.findings_.shrink_to_fit();
    t.finding_pupil_.shrink_to_fit();
    return t;
}

void AssessmentTable::seal() {
    rows_.shrink_to_fit();
    findings_.shrink_to_fit();
    finding_pupil_.shrink_to_fit();
    texts_->seal();
}

uint32_t AssessmentTable::first_finding(size_t pupil) const {
    auto first = std::lower_bound(finding_pupil_.begin(), finding_pupil_.end(), pupil);
    return static_cast<uint32_t>(first - finding_pupil_.begin());
}

std::vector<FindingView> AssessmentTable::findings(size_t pupil) const {
    std::vector<FindingView> out;
    const uint8_t count = rows_[pupil].finding_count;
    if (count == 0) return out;
    out.reserve(count);
    const uint32_t first = first_finding(pupil);
    for (uint32_t f = first; f < first + count; ++f) {
        const PackedFinding& p = findings_[f];
        FindingView view{p.rule, p.status, std::nullopt, (*texts_)[p.reason]};
        if (p.has_due) view.due = p.due;
        out.push_back(view);
    }
    return out;
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
    for (const FindingView& f : findings(pupil))
        a.findings.push_back({f.rule, f.status, f.due, std::string(f.reason)});
    a.stage = stage(pupil);
    a.next = next(pupil);
    return a;
}

size_t AssessmentTable::memory_bytes() const {
    return rows_.capacity() * sizeof(Row) + findings_.capacity() * sizeof(PackedFinding) +
           finding_pupil_.capacity() * sizeof(uint32_t) + texts_->memory_bytes();
}

}  // namespace core

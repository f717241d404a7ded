// Every pupil's assessment (findings, stage, next step), packed for a snapshot of 100k
// pupils: a fixed 16-byte row per pupil, the findings of all pupils in one vector (most
// pupils have none) and the next-step texts interned (many pupils share one). A vector
// of PupilAssessment took 15 MB for 100k pupils; this takes about 2.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/rules.hpp"
#include "core/text_pool.hpp"

namespace core {

// A finding as the table keeps it: its reason viewed in the table's text pool.
struct FindingView {
    RuleId rule = RuleId::consent_before_referral;
    Status status = Status::ok;
    std::optional<Date> due;
    std::string_view reason;
};

class AssessmentTable {
  public:
    AssessmentTable() = default;
    // Explicit: rows built from a table view its texts, so a table made on the fly for
    // one call would leave them dangling.
    explicit AssessmentTable(const std::vector<PupilAssessment>& all);

    // `base` with the assessments of `pupils` (ascending indices) replaced by `fresh`
    // (parallel): what an incremental snapshot re-ran the rules for. The texts are copied
    // with their ids; new ones are appended (TextPool::append), not re-deduped.
    static AssessmentTable patched(const AssessmentTable& base, std::span<const uint32_t> pupils,
                                   std::span<const PupilAssessment> fresh);

    // `text`, a view into `base`'s texts (a reason, a next step), as the same text in this
    // table, which patched() made from `base`; any other view is returned as it is.
    std::string_view rebased(const AssessmentTable& base, std::string_view text) const {
        const size_t offset = base.texts_->offset_of(text);
        return offset == std::string_view::npos ? text : texts_->at_offset(offset, text.size());
    }

    // Appends the next pupil's assessment.
    void push_back(const PupilAssessment& a);
    void reserve(size_t pupils) { rows_.reserve(pupils); }
    // Frees spare capacity once every pupil is in.
    void seal();

    size_t size() const { return rows_.size(); }
    size_t finding_count(size_t pupil) const { return rows_[pupil].finding_count; }
    // The pupil's findings, most severe first (empty for most pupils).
    std::vector<FindingView> findings(size_t pupil) const;
    Status worst(size_t pupil) const { return rows_[pupil].worst; }
    Stage stage(size_t pupil) const { return rows_[pupil].stage; }
    NextStep next(size_t pupil) const;
    // The next step's description, viewed in place (valid as long as the table).
    std::string_view next_text(size_t pupil) const { return (*texts_)[rows_[pupil].next_text]; }
    // The whole assessment, copied out: for the one pupil a card or form shows.
    const PupilAssessment operator[](size_t pupil) const;

    size_t memory_bytes() const;

  private:
    struct Row {
        uint32_t next_text = 0;  // TextPool id of NextStep::description
        Date next_earliest, next_due;
        uint8_t finding_count = 0;  // at most one per rule
        Stage stage = Stage::none;
        Status worst = Status::ok;
        uint8_t has_earliest : 1 = 0, has_due : 1 = 0;
    };
    std::vector<Row> rows_;
    // 12 bytes a finding; the reason (a sentence with dates) is interned, as many
    // pupils share one.
    struct PackedFinding {
        Date due;
        uint32_t reason = 0;  // TextPool id
        RuleId rule = RuleId::consent_before_referral;
        Status status = Status::ok;
        bool has_due = false;
    };
    // Findings of all pupils in pupil order, and whose each is: a pupil's run is found by
    // binary search, so rows need not hold an offset (most pupils have no finding).
    std::vector<PackedFinding> findings_;
    std::vector<uint32_t> finding_pupil_;
    uint32_t first_finding(size_t pupil) const;
    // On the heap so views of it survive the table being moved.
    std::unique_ptr<TextPool> texts_ = std::make_unique<TextPool>();
};

}  // namespace core

// Collects the failures the rules report for one pupil and merges them as RULES.md's
// `check` section says: one finding per rule, the most severe status, the earliest due
// date among the rule's failures, and the reason of the most severe failure (the one
// with the earliest due date among equals). Reasons are built lazily, only for a
// failure that can end up on screen, because most checks pass.
#pragma once

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "core/rules.hpp"

namespace core::rules_detail {

class FindingSink {
  public:
    // keep_all: record every failure unmerged (pupil card detail) instead of merging.
    explicit FindingSink(bool keep_all = false) : keep_all_(keep_all) {}

    template <typename MakeReason>
    void add(RuleId rule, Status status, std::optional<Date> due, MakeReason&& make_reason) {
        if (status == Status::ok) return;
        if (keep_all_) {
            all_.push_back(Finding{rule, status, due, make_reason()});
            return;
        }
        Slot& slot = slots_[static_cast<size_t>(rule)];
        if (due && (!slot.due || *due < *slot.due)) slot.due = due;
        bool representative =
            status > slot.status ||
            (status == slot.status && due && (!slot.reason_due || *due < *slot.reason_due));
        if (representative) {
            slot.status = status;
            slot.reason_due = due;
            slot.reason = make_reason();
        }
    }

    // Merged: not ok only, most severe first, then in rule order. Unmerged: as found.
    std::vector<Finding> take() {
        if (keep_all_) return std::move(all_);
        std::vector<Finding> out;
        for (size_t r = 0; r < slots_.size(); ++r) {
            Slot& slot = slots_[r];
            if (slot.status == Status::ok) continue;
            out.push_back(
                Finding{static_cast<RuleId>(r), slot.status, slot.due, std::move(slot.reason)});
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const Finding& a, const Finding& b) { return a.status > b.status; });
        return out;
    }

  private:
    struct Slot {
        Status status = Status::ok;
        std::optional<Date> due;         // earliest due date among all failures
        std::optional<Date> reason_due;  // due date of the failure the reason describes
        std::string reason;
    };
    bool keep_all_;
    std::array<Slot, kRuleCount> slots_{};
    std::vector<Finding> all_;
};

}  // namespace core::rules_detail

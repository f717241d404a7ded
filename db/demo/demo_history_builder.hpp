// Builds one pupil's history event by event: weekdays only, nothing in the future, no
// duplicate rows, and at most one deliberate breach recorded. Shared by the pathway
// (demo_pathway.cpp) and what follows LIFT (demo_after_lift.cpp).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "db/demo/demo_pathway.hpp"

namespace db::demo {

using core::Date;
using core::EventKind;
using core::RuleId;
using core::Status;

class HistoryBuilder {
  public:
    HistoryBuilder(const PathwayContext& context, const PupilPlan& plan)
        : context_(context), plan_(plan) {}

    // Adds the event on the first weekday on or after `date` (schools and STLS work
    // Monday to Friday) unless that is in the future; returns whether it was added.
    bool add(EventKind kind, Date date, std::string_view detail = {}, std::string_view staff = {}) {
        if (date.weekday() >= 5) date = date + static_cast<int>(7 - date.weekday());
        if (date > context_.today) return false;
        for (const auto& e : history_.events)
            if (e.kind == kind && e.date == date && e.detail == detail) return true;
        history_.events.push_back(
            {plan_.pupil->pupil_ref, kind, date, std::string(detail), std::string(staff)});
        return true;
    }
    void book(core::BookingKind kind, Date date, const std::string& group,
              std::optional<Date> paperwork) {
        history_.bookings.push_back(
            {plan_.pupil->pupil_ref, kind, date, plan_.school->district, group, paperwork});
    }
    void breach(RuleId rule, Status status) {
        history_.breach = DeliberateBreach{plan_.pupil->pupil_ref, rule, status};
    }
    // Records a breach the after-LIFT histories put in, unless one is recorded already
    // (a history reports one).
    void breach_if_none(RuleId rule, Status status) {
        if (!history_.breach) breach(rule, status);
    }
    // add(), then the optional columns on the event added; a review date moves with the
    // event if the weekend moved it past.
    bool add_with(EventKind kind, Date date, std::string_view detail, std::string note,
                  std::string owner, std::optional<Date> review) {
        const size_t before = history_.events.size();
        if (!add(kind, date, detail)) return false;
        if (history_.events.size() == before) return true;
        core::Event& e = history_.events.back();
        e.note = std::move(note);
        e.owner = std::move(owner);
        if (review) e.review_date = std::max(*review, e.date);
        return true;
    }
    const core::Pupil& pupil() const { return *plan_.pupil; }
    const PupilPlan& plan() const { return plan_; }
    Date today() const { return context_.today; }
    bool wants(RuleId rule) const { return plan_.breach == rule; }
    const std::vector<core::Event>& events() const { return history_.events; }
    PupilHistory take() { return std::move(history_); }

  private:
    const PathwayContext& context_;
    const PupilPlan& plan_;
    PupilHistory history_;
};

}  // namespace db::demo

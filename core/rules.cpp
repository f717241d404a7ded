// The rules engine's public face: names of statuses, rules and stages, the due window,
// and assessment of one pupil or all (rule families in rules_events.cpp,
// rules_bookings.cpp and rules_after_lift.cpp, shared precomputation in rules_shared.cpp,
// stage in stage.cpp).
//
// Readings of RULES.md where its text leaves a choice (tests pin each one):
// - "due": today <= due date <= today + due_window_days; "overdue": due date < today.
// - A due date is given only where something is still outstanding (due / overdue
//   findings); blocked and warning findings carry none, a late-arrival warning included.
// - Merging: most severe status; the earliest due date among all the rule's failures;
//   the reason of the most severe failure (earliest due date among equals).
// - paperwork-deadline's 56-day window is meeting - 55 .. meeting (56 days counting the
//   meeting day); the schedule's deadline applies when a lift_schedule row matches the
//   booking's district, group and date.
// - A booking with no district or group is for the school's own; a school with no group
//   on record, or an unknown school, skips lift-group and referral-cap.
// - Events are facts whatever their date relative to "today"; only Surgery bookings are
//   limited to "not after today", as the contract says.
// - A date before the first term of the calendar is not covered (a holiday cannot be told
//   from a missing term), nor is a shift across a term missing from the data.
#include "core/rules.hpp"

#include "core/rule_context.hpp"
#include "core/stage.hpp"

namespace core {

std::string_view to_string(Status s) {
    constexpr std::string_view names[] = {"ok", "warning", "due", "overdue", "blocked"};
    return names[static_cast<size_t>(s)];
}
std::string_view to_string(RuleId r) {
    constexpr std::string_view names[] = {"consent-before-referral",
                                          "surgery-before-lift",
                                          "paperwork-deadline",
                                          "lift-group",
                                          "referral-cap",
                                          "qfla-review",
                                          "monitor-two-terms",
                                          "impact-review",
                                          "surgery-two-terms",
                                          "caselist-visit",
                                          "ehcna-after-lift",
                                          "recommendation-review",
                                          "hnf-evidence",
                                          "ehcna-decision",
                                          "ehcp-20-weeks",
                                          "annual-review"};
    return names[static_cast<size_t>(r)];
}
std::optional<RuleId> parse_rule_id(std::string_view s) {
    for (int i = 0; i < kRuleCount; ++i)
        if (to_string(static_cast<RuleId>(i)) == s) return static_cast<RuleId>(i);
    return std::nullopt;
}
std::string_view to_string(Stage s) {
    constexpr std::string_view names[] = {"none",        "concern", "qfla", "monitoring",
                                          "sen_support", "surgery", "lift", "caselist",
                                          "hnf",         "ehcna",   "ehcp", "closed"};
    return names[static_cast<size_t>(s)];
}
std::string_view display_name(Stage s) {
    constexpr std::string_view names[] = {"None",        "Concern", "QFLA",     "Monitoring",
                                          "SEN Support", "Surgery", "LIFT",     "Caselist",
                                          "HNF",         "EHCNA",   "EHC plan", "Closed"};
    return names[static_cast<size_t>(s)];
}

// RULES.md: "due" is "falls due within the next 14 days". Read as today through
// today + 14 inclusive (the due day itself is still "due", not yet "overdue": "a due date
// has passed" only from the day after).
Status due_status(Date due, Date today, int window_days) {
    if (due < today) return Status::overdue;
    if (due - today <= window_days) return Status::due;
    return Status::ok;
}

struct RulesEngine::Impl {
    Impl(const Dataset& data, RulesConfig config) : shared(data, config) {}
    Impl(const Dataset& data, const Impl& base, std::span<const uint32_t> changed,
         bool pupil_records, std::vector<uint32_t>* recounted)
        : shared(data, base.shared, changed, pupil_records, recounted) {}
    rules_detail::SharedFacts shared;

    void evaluate(size_t pupil, Date today, rules_detail::FindingSink& sink) const {
        const Dataset& data = shared.data;
        rules_detail::PupilView view{shared, pupil, today, data.events_of(pupil),
                                     data.bookings_of(pupil)};
        rules_detail::EventSummary summary;
        rules_detail::check_event_rules(view, summary, sink);
        rules_detail::check_booking_rules(view, summary, sink);
        // Most pupils never reach these steps: the event walk marks who has.
        if (shared.config.after_lift_rules && summary.after_lift())
            rules_detail::check_after_lift_rules(view, summary, sink);
    }
};

RulesEngine::RulesEngine(const Dataset& data, RulesConfig config)
    : impl_(std::make_unique<Impl>(data, config)) {}
RulesEngine::RulesEngine(const Dataset& data, const RulesEngine& base,
                         std::span<const uint32_t> changed, bool pupil_records,
                         std::vector<uint32_t>* recounted)
    : impl_(std::make_unique<Impl>(data, *base.impl_, changed, pupil_records, recounted)) {}
RulesEngine::~RulesEngine() = default;

PupilAssessment RulesEngine::assess(size_t pupil_index, Date today) const {
    const Dataset& data = impl_->shared.data;
    PupilAssessment result;
    if (pupil_index >= data.pupils.size()) return result;
    rules_detail::FindingSink sink;
    impl_->evaluate(pupil_index, today, sink);
    result.findings = sink.take();
    auto events = data.events_of(pupil_index);
    auto bookings = data.bookings_of(pupil_index);
    result.stage = pupil_stage(events, bookings, today);
    NextStepInputs inputs{impl_->shared.calendar, impl_->shared.config, today, pupil_index,
                          &impl_->shared};
    result.next = next_step(result.stage, events, bookings, inputs);
    return result;
}

std::vector<PupilAssessment> RulesEngine::assess_all(Date today) const {
    std::vector<PupilAssessment> out;
    out.reserve(impl_->shared.data.pupils.size());
    for (size_t i = 0; i < impl_->shared.data.pupils.size(); ++i) out.push_back(assess(i, today));
    return out;
}

std::vector<Finding> RulesEngine::all_findings(size_t pupil_index, Date today) const {
    if (pupil_index >= impl_->shared.data.pupils.size()) return {};
    rules_detail::FindingSink sink(/*keep_all=*/true);
    impl_->evaluate(pupil_index, today, sink);
    return sink.take();
}

BookingCheck RulesEngine::check_booking(size_t pupil_index, const BookingEntry& booking,
                                        Date today) const {
    const rules_detail::SharedFacts& shared = impl_->shared;
    BookingCheck check;
    if (pupil_index >= shared.data.pupils.size()) return check;
    auto bookings = shared.data.bookings_of(pupil_index);
    if (bookings.empty() || booking.pupil != pupil_index ||
        booking.index >= shared.data.bookings.size() ||
        shared.data.bookings[booking.index].meeting_date != booking.meeting_date)
        return check;
    const rules_detail::BookingFacts& facts = shared.facts_of(booking);
    check.deadline = facts.deadline;
    if (booking.kind != BookingKind::lift) return check;
    check.school_bookings = static_cast<int>(facts.school_bookings_at_meeting);
    // The event walk gathers the consent and Surgery dates the prerequisites need (over
    // all the pupil's bookings); its own findings are not this booking's.
    rules_detail::PupilView view{shared, pupil_index, today, shared.data.events_of(pupil_index),
                                 bookings};
    rules_detail::EventSummary summary;
    rules_detail::FindingSink events_sink;
    rules_detail::check_event_rules(view, summary, events_sink);
    check.paperwork_received = rules_detail::paperwork_received(view, booking);
    view.bookings = BookingRange(&shared.data.bookings, booking.index, booking.index + 1);
    rules_detail::FindingSink sink(/*keep_all=*/true);
    rules_detail::check_booking_rules(view, summary, sink);
    check.findings = sink.take();
    return check;
}

BookingCheck RulesEngine::booking_paperwork(size_t pupil_index, const BookingEntry& booking) const {
    const rules_detail::SharedFacts& shared = impl_->shared;
    BookingCheck check;
    if (pupil_index >= shared.data.pupils.size() || booking.pupil != pupil_index ||
        booking.index >= shared.data.bookings.size())
        return check;
    check.deadline = shared.facts_of(booking).deadline;
    // "today" plays no part in when paperwork counts as received.
    rules_detail::PupilView view{shared, pupil_index, Date{}, shared.data.events_of(pupil_index),
                                 shared.data.bookings_of(pupil_index)};
    check.paperwork_received = rules_detail::paperwork_received(view, booking);
    return check;
}

const RulesConfig& RulesEngine::config() const {
    return impl_->shared.config;
}

std::string_view RulesEngine::school_group(const School& school, Date date) const {
    return impl_->shared.group_of(school, date);
}

}  // namespace core

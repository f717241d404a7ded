// The pathway rules of shared/domain/RULES.md as pure functions of one pupil's facts,
// the school's LIFT group, the term calendar and "today". No I/O, no clock: the caller
// passes "today", so tests and the `check` command can pin it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/date.hpp"

namespace core {

// Ordered by severity: a higher value is more severe.
enum class Status : uint8_t { ok, warning, due, overdue, blocked };
enum class RuleId : uint8_t {
    consent_before_referral,
    surgery_before_lift,
    paperwork_deadline,
    lift_group,
    referral_cap,
    qfla_review,
    monitor_two_terms,
    impact_review,
    surgery_two_terms,
    caselist_visit,
    ehcna_after_lift,
    // After LIFT (issue 11): reviews of recommendations, HNF evidence, the statutory
    // EHC needs assessment clocks and the EHC plan's annual review.
    recommendation_review,
    hnf_evidence,
    ehcna_decision,
    ehcp_20_weeks,
    annual_review,
};
inline constexpr int kRuleCount = 16;

std::string_view to_string(Status s);  // "blocked"
std::string_view to_string(RuleId r);  // "consent-before-referral"
std::optional<RuleId> parse_rule_id(std::string_view s);

struct Finding {
    RuleId rule = RuleId::consent_before_referral;
    Status status = Status::ok;
    std::optional<Date> due;
    std::string reason;  // one line a SENCo understands, with the dates involved
};

struct RulesConfig {
    int visit_interval_weeks = 6;  // caselist-visit N
    int referral_cap = 3;          // referral-cap N
    int due_window_days = 14;      // "due" = falls due within this many days
    // The five after-LIFT rules (recommendation-review .. annual-review). Always on in
    // the product; off only where their cost is measured against the rules before
    // them (bench/rules_bench.cpp).
    bool after_lift_rules = true;
    bool operator==(const RulesConfig&) const = default;
};

// Furthest step reached and not closed (RULES.md "The pupil's stage").
enum class Stage : uint8_t {
    none,
    concern,
    qfla,
    monitoring,
    sen_support,
    surgery,
    lift,
    caselist,
    hnf,
    ehcna,
    ehcp,
    closed
};
std::string_view to_string(Stage s);     // "sen_support"
std::string_view display_name(Stage s);  // "SEN Support"

struct NextStep {
    std::string description;       // "Discuss at an STLS Surgery"
    std::optional<Date> earliest;  // earliest date the rules allow, where one applies
    std::optional<Date> due;       // latest date the rules allow, where one applies
};

// Status of something outstanding that falls due on `due`: overdue once the date has
// passed (due < today), due from today up to and including today + window days, else ok.
Status due_status(Date due, Date today, int window_days);

struct PupilAssessment {
    // At most one finding per rule, merged as `check` prints them (most severe status,
    // earliest due date), only those not ok, most severe first.
    std::vector<Finding> findings;
    Stage stage = Stage::none;
    NextStep next;
    Status worst() const { return findings.empty() ? Status::ok : findings.front().status; }
};

// One LIFT booking as the booking rules see it: what a meeting board shows per booking.
struct BookingCheck {
    Date deadline;                           // the paperwork deadline paperwork-deadline uses
    std::optional<Date> paperwork_received;  // as paperwork-deadline counts it
    int school_bookings = 0;                 // the school's LIFT bookings at that meeting
    std::vector<Finding> findings;           // this booking's failures, unmerged, rule order
};

// Evaluates every rule for pupils of one Dataset. Construction precomputes what is
// shared between pupils (term calendar, group lookups, bookings per meeting).
class RulesEngine {
  public:
    RulesEngine(const Dataset& data, RulesConfig config);
    // The engine of `data`, made by Dataset::patched from base's Dataset with only the
    // `changed` pupils' rows different (ascending indices; `pupil_records`: a pupil's own
    // row, its school, may have changed): what the others' rules read is reused, and
    // the referral-cap counts of the meetings a changed pupil is or was booked at are
    // recounted. Equal in every answer to RulesEngine(data, base.config()). base and its
    // Dataset must stay alive while this runs (not after). `recounted` receives the
    // unchanged pupils whose referral-cap counts moved (their findings can change).
    RulesEngine(const Dataset& data, const RulesEngine& base, std::span<const uint32_t> changed,
                bool pupil_records, std::vector<uint32_t>* recounted = nullptr);
    ~RulesEngine();
    RulesEngine(const RulesEngine&) = delete;
    RulesEngine& operator=(const RulesEngine&) = delete;

    PupilAssessment assess(size_t pupil_index, Date today) const;
    // Parallel to data.pupils.
    std::vector<PupilAssessment> assess_all(Date today) const;
    // Every failure of every rule for one pupil, unmerged (one per booking, event or
    // period), in the order the rules found them: what a pupil card lists in detail.
    std::vector<Finding> all_findings(size_t pupil_index, Date today) const;
    // The booking rules (consent, surgery, paperwork, group, cap) for one LIFT booking;
    // `booking` must come from data.bookings_of(pupil_index), else (or for a
    // Surgery booking) the result has no findings and no school count.
    BookingCheck check_booking(size_t pupil_index, const BookingEntry& booking, Date today) const;
    // paperwork-deadline's reading of one LIFT booking alone (its deadline, and when
    // its paperwork counts as received), without the other booking rules: the trends
    // figures ask this of every booking. Same preconditions as check_booking.
    BookingCheck booking_paperwork(size_t pupil_index, const BookingEntry& booking) const;
    // The school's LIFT group on `date` (lift-group's reading: its lift_groups row for the
    // term holding the date, else schools.lift_group). `school` must be in data.schools.
    std::string_view school_group(const School& school, Date date) const;
    // What the rules run with (the referral cap and due window views quote).
    const RulesConfig& config() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace core

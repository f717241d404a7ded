// Internal to the rules engine: what every pupil's evaluation shares (computed once per
// Dataset: calendar, group per school and term, schedule deadlines, bookings per school
// and meeting) and the entry points of the two rule families.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/calendar.hpp"
#include "core/dataset.hpp"
#include "core/rule_sink.hpp"
#include "core/rules.hpp"
#include "core/stage.hpp"

namespace core::rules_detail {

// ASCII case-insensitive comparison: groups and districts are typed by people.
int compare_text(std::string_view a, std::string_view b);
inline bool same_text(std::string_view a, std::string_view b) {
    return compare_text(a, b) == 0;
}

// Facts about one booking that depend on the school, the schedule or other pupils.
struct BookingFacts {
    Date deadline;                            // paperwork deadline of the meeting
    uint32_t district_id = 0;                 // interned `district` (see SharedFacts)
    uint32_t school_bookings_at_meeting = 0;  // LIFT bookings of the school at the meeting
    std::string_view district, group;         // the booking's, or the school's when not given
    std::string_view school_district;         // "" when the school is unknown
    std::string_view school_group;            // the school's group for the meeting's term
    const Term* term = nullptr;               // term holding the meeting; null in a holiday
};

class SharedFacts final : public MeetingLookup {
  public:
    SharedFacts(const Dataset& data, RulesConfig config);

    const Dataset& data;
    RulesConfig config;
    TermCalendar calendar;

    const School* school_of(size_t pupil_index) const { return school_of_pupil_[pupil_index]; }
    const BookingFacts& facts_of(const BookingEntry& b) const { return booking_facts_[b.index]; }
    // The school's LIFT group on `date`: its lift_groups row for the term holding the
    // date, else schools.lift_group (also in a holiday). `term` receives that term.
    std::string_view group_of(const School& school, Date date, const Term** term = nullptr) const;

    const LiftMeeting* next_meeting_for(size_t pupil_index, Date from) const override;
    Date deadline_of(const LiftMeeting& meeting) const override;
    Date deadline_of(const BookingEntry& booking) const override {
        return facts_of(booking).deadline;
    }

  private:
    // A meeting in the schedule under its interned district, for integer searches.
    struct MeetingKey {
        uint32_t district = 0;
        Date date;
        const LiftMeeting* meeting = nullptr;
    };

    void index_groups();
    void index_meetings();
    void index_bookings();
    // Districts are interned (case-folded) once, so schedule searches compare integers
    // instead of strings. Unknown districts get no id (kNoDistrict).
    static constexpr uint32_t kNoDistrict = UINT32_MAX;
    uint32_t intern_district(std::string_view district);
    uint32_t district_id(std::string_view district) const;
    std::vector<MeetingKey>::const_iterator first_meeting(uint32_t district, Date from) const;
    Date schedule_deadline(uint32_t district, std::string_view group, Date date) const;

    std::vector<const School*> school_of_pupil_;  // parallel to data.pupils
    std::unordered_map<uint64_t, std::string_view> group_by_school_term_;
    std::unordered_map<std::string, uint32_t> district_ids_;  // case-folded name -> id
    std::vector<uint32_t> school_district_;                   // parallel to data.schools
    std::vector<MeetingKey> meetings_;                        // by district id, date
    std::vector<BookingFacts> booking_facts_;                 // parallel to data.bookings
};

// One pupil's evaluation.
struct PupilView {
    const SharedFacts& shared;
    size_t pupil = 0;
    Date today;
    EventRange events;
    BookingRange bookings;
};

// First dates the prerequisite checks need, gathered while the event rules run.
struct EventSummary {
    std::optional<Date> first_consent;
    std::optional<Date> first_surgery;               // `surgery` event
    std::optional<Date> first_past_surgery_booking;  // dated on or before today
    // Marks for the after-LIFT rules, so pupils without those steps skip them.
    std::optional<Date> last_impact_review;
    bool reviewable_recommendation = false;  // a recommendation with a review_date
    bool hnf_applied = false, ehcna_requested = false, ehcp_issued = false;
    bool after_lift() const {
        return reviewable_recommendation || hnf_applied || ehcna_requested || ehcp_issued;
    }
};

// surgery-before-lift's prerequisite for a step on `x`: a `surgery` event before x, or a
// Surgery booking before x that is not after today.
inline bool surgery_before(const EventSummary& s, Date x) {
    return (s.first_surgery && *s.first_surgery < x) ||
           (s.first_past_surgery_booking && *s.first_past_surgery_booking < x);
}

// paperwork-deadline's reading of when a LIFT booking's paperwork arrived: the booking's
// paperwork_received, else the earliest lift_paperwork in the 56 days up to the meeting.
std::optional<Date> paperwork_received(const PupilView& view, const BookingEntry& booking);

// Rules that walk the events in date order: qfla-review, monitor-two-terms,
// impact-review, surgery-two-terms, caselist-visit, ehcna-after-lift, and the event
// halves of consent-before-referral and surgery-before-lift.
void check_event_rules(const PupilView& view, EventSummary& summary, FindingSink& sink);
// Rules over LIFT bookings: consent-before-referral, surgery-before-lift,
// paperwork-deadline, lift-group, referral-cap.
void check_booking_rules(const PupilView& view, const EventSummary& summary, FindingSink& sink);

// After LIFT (rules_after_lift.cpp): recommendation-review, hnf-evidence,
// ehcna-decision, ehcp-20-weeks, annual-review. Needs the marks check_event_rules set.
void check_after_lift_rules(const PupilView& view, const EventSummary& summary, FindingSink& sink);

// Text shared by both families.
std::string calendar_gap_reason(Date from, std::string_view what);

}  // namespace core::rules_detail

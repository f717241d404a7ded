// Internal to the rules engine: what every pupil's evaluation shares (computed once per
// Dataset: calendar, group per school and term, schedule deadlines, bookings per school
// and meeting) and the entry points of the two rule families.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
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
// Indices, not views: a patched engine (Dataset::patched) copies the facts of untouched
// bookings as they are, and nothing here points into the Dataset they were made from.
struct BookingFacts {
    static constexpr uint32_t kSchoolsGroup = UINT32_MAX;
    Date deadline;                            // paperwork deadline of the meeting
    uint32_t district_id = 0;                 // interned district (see SharedFacts)
    uint32_t school_bookings_at_meeting = 0;  // LIFT bookings of the school at the meeting
    // The lift_groups row giving the school's group for the meeting's term, or
    // kSchoolsGroup: schools.lift_group.
    uint32_t group_row = kSchoolsGroup;
    int32_t term = -1;  // index in the calendar of the term holding the meeting; -1 in a holiday
};

// A booking's texts as the booking rules read them (views into the engine's Dataset).
struct BookingTexts {
    std::string_view district, group;  // the booking's, or the school's when not given
    std::string_view school_district;  // "" when the school is unknown
    std::string_view school_group;     // the school's group for the meeting's term
    const Term* term = nullptr;        // term holding the meeting; null in a holiday
};

// What depends on the reference tables alone (schools, terms, lift groups, schedule):
// built once, then shared by every engine patched from this one (a change to those
// tables is a full rebuild).
struct ReferenceIndex {
    // A meeting in the schedule under its interned district, for integer searches.
    struct MeetingKey {
        uint32_t district = 0;
        Date date;
        uint32_t meeting = 0;  // index in Dataset::meetings
    };
    static constexpr uint32_t kNoDistrict = UINT32_MAX;
    std::unordered_map<uint64_t, uint32_t> group_row_by_school_term;  // -> lift_groups row
    std::unordered_map<std::string, uint32_t> district_ids;           // case-folded name -> id
    std::vector<uint32_t> school_district;                            // parallel to data.schools
    std::vector<MeetingKey> meetings;                                 // by district id, date
};

// Which school each pupil is at, and each school's pupils (what referral-cap recounts
// walk): shared by patched engines until a pupil's own row changes.
struct PupilSchools {
    static constexpr uint32_t kNoSchool = UINT32_MAX;
    std::vector<uint32_t> school_of;  // parallel to data.pupils: index in data.schools
    // School s holds pupils[begin[s] .. begin[s + 1]), ascending.
    std::vector<uint32_t> begin, pupils;
};

class SharedFacts final : public MeetingLookup {
  public:
    SharedFacts(const Dataset& data, RulesConfig config);
    // The facts of `data`, made by Dataset::patched from base.data with only the
    // `changed` pupils' rows different (ascending indices; `pupil_records`: a pupil's own
    // row, its school, may have changed). Untouched bookings' facts are copied; the
    // referral-cap counts of the meetings a changed pupil is or was booked at are
    // recounted. base.data must still be alive. `recounted` receives the unchanged pupils
    // whose referral-cap counts moved (their findings can change), ascending.
    SharedFacts(const Dataset& data, const SharedFacts& base, std::span<const uint32_t> changed,
                bool pupil_records, std::vector<uint32_t>* recounted);

    const Dataset& data;
    RulesConfig config;
    TermCalendar calendar;

    const School* school_of(size_t pupil_index) const {
        const uint32_t s = schools_->school_of[pupil_index];
        return s == PupilSchools::kNoSchool ? nullptr : &data.schools[s];
    }
    const BookingFacts& facts_of(const BookingEntry& b) const { return booking_facts_[b.index]; }
    BookingTexts texts_of(const BookingEntry& b) const;
    // The school's LIFT group on `date`: its lift_groups row for the term holding the
    // date, else schools.lift_group (also in a holiday). `term` receives that term.
    std::string_view group_of(const School& school, Date date, const Term** term = nullptr) const;

    const LiftMeeting* next_meeting_for(size_t pupil_index, Date from) const override;
    Date deadline_of(const LiftMeeting& meeting) const override;
    Date deadline_of(const BookingEntry& booking) const override {
        return facts_of(booking).deadline;
    }

  private:
    using MeetingKey = ReferenceIndex::MeetingKey;
    static constexpr uint32_t kNoDistrict = ReferenceIndex::kNoDistrict;

    void index_reference(ReferenceIndex& ref) const;
    void index_bookings();
    // Facts of one booking of a pupil at `school` (null: unknown), all but the
    // referral-cap count.
    BookingFacts facts_for(const BookingEntry& b, const School* school) const;
    // The lift_groups row for school index `school` in calendar term `term` (-1: none),
    // or BookingFacts::kSchoolsGroup.
    uint32_t group_row(size_t school, int32_t term) const;
    uint32_t district_id(std::string_view district) const;
    std::vector<MeetingKey>::const_iterator first_meeting(uint32_t district, Date from) const;
    Date schedule_deadline(uint32_t district, std::string_view group, Date date) const;
    // What referral-cap counts a LIFT booking under: the school's bookings at one
    // meeting (date, district, group; texts compared case-insensitively).
    struct CapKey {
        uint32_t school = 0;
        Date date;
        uint32_t district_id = 0;
        std::string_view district, group;
    };
    static bool same_meeting(const CapKey& a, const CapKey& b);
    // nullopt for a Surgery booking or a pupil of no known school: not counted.
    std::optional<CapKey> cap_key(const BookingEntry& b) const;
    void build_schools();
    void recount(const CapKey& key, std::span<const uint32_t> changed,
                 std::vector<uint32_t>* recounted);

    std::shared_ptr<const ReferenceIndex> ref_;
    std::shared_ptr<const PupilSchools> schools_;
    std::vector<BookingFacts> booking_facts_;  // parallel to data.bookings
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

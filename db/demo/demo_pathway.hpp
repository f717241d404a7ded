// One pupil's history along the SEN pathway (shared/domain/PATHWAY.md), from a first
// concern up to a target stage, never past "today" (future LIFT and Surgery bookings
// aside), optionally with one deliberate breach of a rule.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/demo/demo_calendar.hpp"
#include "db/demo/demo_generator.hpp"
#include "db/demo/demo_random.hpp"

namespace db::demo {

// ehcna: a recent request (its clock running); ehcp: an older one, mostly a plan by now.
enum class Target { concern, qfla, monitoring, sen_support, surgery, lift, caselist, hnf, ehcna, ehcp, closed };

// What a pupil's history may use from the district.
struct PathwayContext {
    core::Date today;
    const DemoCalendar& calendar;
    const MeetingIndex& meetings;
    // Per-term LIFT group rows by school URN.
    const std::unordered_map<std::string, std::vector<const core::LiftGroupAssignment*>>&
        lift_groups_by_urn;
};

struct PupilPlan {
    const core::Pupil* pupil = nullptr;
    const core::School* school = nullptr;
    std::string teacher_id;  // specialist teacher if the pupil reaches the caselist
    Target target = Target::concern;
    std::optional<core::RuleId> breach;  // deliberate breach to put in, if it applies
    // Books this meeting whatever the group (used to put several pupils of one school
    // at one meeting, over the referral cap).
    const core::LiftMeeting* forced_meeting = nullptr;
};

struct PupilHistory {
    std::vector<core::Event> events;
    std::vector<core::Booking> bookings;
    std::optional<DeliberateBreach> breach;  // set only when the breach was put in
};

PupilHistory generate_history(const PathwayContext& context, const PupilPlan& plan,
                              DemoRandom& random);

// The school's LIFT group for the term containing `d` (per-term row, else the school's).
std::string group_on(const PathwayContext& context, const core::School& school, core::Date d);

}  // namespace db::demo

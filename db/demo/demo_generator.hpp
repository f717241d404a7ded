// The fictional demo district: schools, staff, terms, LIFT schedule, Surgeries and
// pupils whose events follow the pathway, with a known set of deliberate breaches of
// the rules. Deterministic: the same options give the same district, row for row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain.hpp"
#include "core/rules.hpp"

namespace db {
class Store;
}

namespace db::demo {

struct DemoOptions {
    int pupils = 300;
    uint64_t seed = 1;
    core::Date today;
    std::string home_district = "Maidstone";
};

// A breach the generator put in on purpose; `check` must report it.
struct DeliberateBreach {
    std::string pupil_ref;
    core::RuleId rule = core::RuleId::consent_before_referral;
    core::Status status = core::Status::warning;  // the status it must produce at least
};

struct DemoWorld {
    std::vector<core::School> schools;
    std::vector<core::Term> terms;
    std::vector<core::LiftGroupAssignment> lift_groups;
    std::vector<core::Staff> staff;
    std::vector<core::LiftMeeting> meetings;
    std::vector<core::Surgery> surgeries;
    std::vector<core::Pupil> pupils;
    std::vector<core::Event> events;
    std::vector<core::Booking> bookings;
    std::vector<DeliberateBreach> breaches;
};

DemoWorld generate_demo(const DemoOptions& options);

// Writes the world in one transaction (an existing store is added to / updated).
void write_demo(Store& store, const DemoWorld& world);

}  // namespace db::demo

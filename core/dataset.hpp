// Everything the store holds, in memory, as plain records with lookups by key.
// Built by db::Store::load_dataset() (or by tests directly); read by the rules and the
// snapshot builder. Holds no database handle: core never touches SQLite.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/domain.hpp"
#include "core/sync_conflict.hpp"

namespace core {

struct Dataset {
    Dataset() = default;
    // Not copyable: the lookups hold views into the vectors' strings.
    Dataset(const Dataset&) = delete;
    Dataset& operator=(const Dataset&) = delete;
    Dataset(Dataset&&) = default;
    Dataset& operator=(Dataset&&) = default;

    std::vector<School> schools;
    std::vector<Term> terms;
    std::vector<LiftGroupAssignment> lift_groups;
    std::vector<Staff> staff;
    std::vector<LiftMeeting> meetings;
    std::vector<Surgery> surgeries;
    std::vector<Pupil> pupils;
    std::vector<Event> events;      // after index(): sorted by pupil_ref, date, kind
    std::vector<Booking> bookings;  // after index(): sorted by pupil_ref, meeting_date
    std::vector<CaseState> cases;
    std::vector<SyncConflict> conflicts;  // unresolved hub conflicts, oldest first

    // Sorts and builds the lookups below. Call once after filling the vectors.
    void index();

    const School* school(std::string_view urn) const;
    const Staff* staff_member(std::string_view staff_id) const;
    const Pupil* pupil(std::string_view pupil_ref) const;
    const CaseState* case_state(std::string_view pupil_ref) const;
    std::span<const Event> events_of(std::string_view pupil_ref) const;
    std::span<const Booking> bookings_of(std::string_view pupil_ref) const;
    // Index of a pupil in `pupils`, or -1.
    int pupil_index(std::string_view pupil_ref) const;
    // Events and bookings of pupils[i]; faster than the by-ref forms in loops.
    std::span<const Event> events_of(size_t pupil_index) const;
    std::span<const Booking> bookings_of(size_t pupil_index) const;

private:
    struct Range {
        uint32_t begin = 0, end = 0;
    };
    std::unordered_map<std::string_view, size_t> school_by_urn_, staff_by_id_, pupil_by_ref_,
        case_by_ref_;
    std::vector<Range> event_range_, booking_range_;  // parallel to pupils
};

}  // namespace core

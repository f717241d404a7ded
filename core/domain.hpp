// The facts of the pathway as the inbox contract (shared/formats/INBOX.md) names them:
// enums with their contract spellings, and one plain record per inbox row kind.
// Records are what importers produce, what the Store writes and what it loads back.
#pragma once

#include <array>
#include <span>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace core {

enum class TermName : uint8_t { autumn, spring, summer };
enum class Role : uint8_t { specialist_teacher, ep, lead, admin, outreach };
enum class BookingKind : uint8_t { lift, surgery };
enum class NeedArea : uint8_t { none, cl, ci, semh, spd };
enum class EventKind : uint8_t {
    concern_raised, qfla, qfla_review, monitoring_start, sen_support, parents_informed,
    agency_referral, assessment, provision_plan, impact_review, consent_given, surgery,
    lift_paperwork, lift_discussed, recommendation, stls_consultation, caselist_opened, visit,
    hnf_applied, hnf_decision, sodlis_issued, ehcna_requested,
    // The statutory EHC process (issue 11). Listed before case_closed so that, on one
    // day, a closure still sorts after everything else (stage.hpp relies on it) and each
    // step sorts after the one it answers (a decision after its request, a review after
    // its plan, a cessation after an issue on the same day).
    ehcna_decision, ehcp_draft, ehcp_issued, ehcp_declined, annual_review, ehcp_ceased,
    case_closed,
};
inline constexpr int kEventKindCount = 29;

// Contract spellings. parse_* is case-insensitive and trims nothing (callers trim).
std::string_view to_string(TermName v);
std::string_view to_string(Role v);
std::string_view to_string(BookingKind v);
std::string_view to_string(NeedArea v);  // none -> ""
std::string_view to_string(EventKind v);
std::optional<TermName> parse_term_name(std::string_view s);
std::optional<Role> parse_role(std::string_view s);
std::optional<BookingKind> parse_booking_kind(std::string_view s);
std::optional<NeedArea> parse_need_area(std::string_view s);  // "" -> none
std::optional<EventKind> parse_event_kind(std::string_view s);

// The `detail` values the contract lists for an event kind; empty when detail is free
// text or unused (then any text is accepted).
std::span<const std::string_view> allowed_details(EventKind kind);

// The twelve Kent districts, canonical spelling.
std::span<const std::string_view> kent_districts();
// Canonical spelling of a district name given in any case, or nullopt if unknown.
std::optional<std::string_view> canonical_district(std::string_view s);

struct School {
    std::string urn, name, district, lift_group, phase;
    bool operator==(const School&) const = default;
};
struct Term {
    std::string academic_year;  // "2024/25"
    TermName term = TermName::autumn;
    Date start, end;
    bool operator==(const Term&) const = default;
};
struct LiftGroupAssignment {
    std::string urn, academic_year;
    TermName term = TermName::autumn;
    std::string group;
    bool operator==(const LiftGroupAssignment&) const = default;
};
struct Staff {
    std::string staff_id, name;
    Role role = Role::specialist_teacher;
    std::string district;
    bool operator==(const Staff&) const = default;
};
struct LiftMeeting {
    std::string district, group;
    Date meeting_date, paperwork_deadline;
    std::string venue;
    bool operator==(const LiftMeeting&) const = default;
};
struct Surgery {
    std::string district;
    Date surgery_date;
    std::string venue, staff_id;  // staff_id "" when not given
    bool operator==(const Surgery&) const = default;
};
struct Pupil {
    std::string pupil_ref, school_urn, initials, first_name, last_name;
    int year_group = -1;  // -1 unknown; 0 = reception
    NeedArea need_area = NeedArea::none;
    bool operator==(const Pupil&) const = default;
};
struct Event {
    std::string pupil_ref;
    EventKind kind = EventKind::concern_raised;
    Date date;
    std::string detail, staff_id;
    // Optional columns (INBOX.md): what was agreed, who carries a recommendation out,
    // and when its impact is to be reviewed (on or after `date`). Braced defaults keep
    // five-field initialisers free of -Wmissing-field-initializers.
    std::string note{}, owner{};
    std::optional<Date> review_date{};
    bool operator==(const Event&) const = default;
};
struct Booking {
    std::string pupil_ref;
    BookingKind kind = BookingKind::lift;
    Date meeting_date;
    std::string district, group;
    std::optional<Date> paperwork_received;
    bool operator==(const Booking&) const = default;
};
// Triage state of a pupil's case, set from the triage board (not an inbox kind).
struct CaseState {
    std::string pupil_ref;
    std::string assigned_staff_id;  // "" unassigned
    int priority = 0;               // 0 none, 1 high .. 3 low
    bool operator==(const CaseState&) const = default;
};

}  // namespace core

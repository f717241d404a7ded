#include "core/domain.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace core {
namespace {

constexpr std::array<std::string_view, 3> kTerms = {"autumn", "spring", "summer"};
constexpr std::array<std::string_view, 5> kRoles = {"specialist_teacher", "ep", "lead", "admin",
                                                    "outreach"};
constexpr std::array<std::string_view, 2> kBookingKinds = {"lift", "surgery"};
constexpr std::array<std::string_view, 5> kNeedAreas = {"", "cl", "ci", "semh", "spd"};
constexpr std::array<std::string_view, kEventKindCount> kEvents = {
    "concern_raised", "qfla", "qfla_review", "monitoring_start", "sen_support",
    "parents_informed", "agency_referral", "assessment", "provision_plan", "impact_review",
    "consent_given", "surgery", "lift_paperwork", "lift_discussed", "recommendation",
    "stls_consultation", "caselist_opened", "visit", "hnf_applied", "hnf_decision",
    "sodlis_issued", "ehcna_requested", "ehcna_decision", "ehcp_draft", "ehcp_issued",
    "ehcp_declined", "annual_review", "ehcp_ceased", "case_closed",
};

constexpr std::array<std::string_view, 7> kAgencies = {"paediatrics", "chypmhs", "ep", "ot",
                                                       "salt", "physio", "early_help"};
constexpr std::array<std::string_view, 6> kAssessments = {"bpvs", "ravens", "boxall",
                                                          "lass", "cops", "language_link"};
constexpr std::array<std::string_view, 2> kImpact = {"impact", "no_impact"};
constexpr std::array<std::string_view, 6> kRecommendations = {
    "advice", "training", "school_support", "specialist_intervention", "early_help", "health"};
constexpr std::array<std::string_view, 2> kHnf = {"approved", "declined"};
constexpr std::array<std::string_view, 2> kEhcnaDecision = {"assess", "not_assess"};
constexpr std::array<std::string_view, 3> kClosed = {"outcome_met", "no_longer_required",
                                                     "other"};

constexpr std::array<std::string_view, 12> kDistricts = {
    "Ashford",  "Canterbury", "Dartford", "Dover",           "Folkestone & Hythe", "Gravesham",
    "Maidstone", "Sevenoaks", "Swale",    "Thanet", "Tonbridge & Malling", "Tunbridge Wells"};

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

template <typename E, size_t N>
std::optional<E> find(const std::array<std::string_view, N>& names, std::string_view s) {
    for (size_t i = 0; i < N; ++i)
        if (iequals(names[i], s)) return static_cast<E>(i);
    return std::nullopt;
}

}  // namespace

std::string_view to_string(TermName v) { return kTerms[static_cast<size_t>(v)]; }
std::string_view to_string(Role v) { return kRoles[static_cast<size_t>(v)]; }
std::string_view to_string(BookingKind v) { return kBookingKinds[static_cast<size_t>(v)]; }
std::string_view to_string(NeedArea v) { return kNeedAreas[static_cast<size_t>(v)]; }
std::string_view to_string(EventKind v) { return kEvents[static_cast<size_t>(v)]; }

std::optional<TermName> parse_term_name(std::string_view s) { return find<TermName>(kTerms, s); }
std::optional<Role> parse_role(std::string_view s) { return find<Role>(kRoles, s); }
std::optional<BookingKind> parse_booking_kind(std::string_view s) {
    return find<BookingKind>(kBookingKinds, s);
}
std::optional<NeedArea> parse_need_area(std::string_view s) {
    return find<NeedArea>(kNeedAreas, s);
}
std::optional<EventKind> parse_event_kind(std::string_view s) {
    // Exact spellings first: the store and most files use them, and loading a large
    // store parses a million of these.
    static const auto exact = [] {
        std::unordered_map<std::string_view, EventKind> map;
        for (size_t i = 0; i < kEvents.size(); ++i) map.emplace(kEvents[i], static_cast<EventKind>(i));
        return map;
    }();
    if (auto it = exact.find(s); it != exact.end()) return it->second;
    return find<EventKind>(kEvents, s);
}

std::span<const std::string_view> allowed_details(EventKind kind) {
    switch (kind) {
        case EventKind::agency_referral: return kAgencies;
        case EventKind::assessment: return kAssessments;
        case EventKind::impact_review: return kImpact;
        case EventKind::recommendation: return kRecommendations;
        case EventKind::hnf_decision: return kHnf;
        case EventKind::case_closed: return kClosed;
        case EventKind::ehcna_decision: return kEhcnaDecision;
        default: return {};
    }
}

std::span<const std::string_view> kent_districts() { return kDistricts; }

std::optional<std::string_view> canonical_district(std::string_view s) {
    for (auto d : kDistricts)
        if (iequals(d, s)) return d;
    return std::nullopt;
}

}  // namespace core

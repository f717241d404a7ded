// The rules over a pupil's LIFT bookings (RULES.md): consent-before-referral,
// surgery-before-lift, paperwork-deadline, lift-group and referral-cap. Bookings in the
// past and in the future are checked alike: a future booking without consent is already
// blocked. What depends on other pupils or the schedule was precomputed (BookingFacts).
#include <string>

#include "core/rule_context.hpp"

namespace core::rules_detail {
namespace {

std::string lift_on(Date meeting) {
    return "LIFT on " + to_display(meeting);
}

void check_paperwork(const PupilView& v, const BookingEntry& b, const BookingFacts& f,
                     FindingSink& sink) {
    Date deadline = f.deadline;
    if (auto received = paperwork_received(v, b)) {
        if (*received <= deadline) return;
        sink.add(RuleId::paperwork_deadline, Status::warning, std::nullopt, [&] {
            return "paperwork for " + lift_on(b.meeting_date) + " arrived on " +
                   to_display(*received) + ", after its deadline of " + to_display(deadline);
        });
        return;
    }
    Status status = due_status(deadline, v.today, v.shared.config.due_window_days);
    sink.add(RuleId::paperwork_deadline, status, deadline, [&] {
        return "paperwork for " + lift_on(b.meeting_date) +
               (status == Status::overdue ? " was due by " : " is due by ") + to_display(deadline) +
               " and has not arrived";
    });
}

void check_group(const BookingEntry& b, const BookingTexts& f, FindingSink& sink) {
    if (!f.school_district.empty() && !same_text(f.district, f.school_district)) {
        sink.add(RuleId::lift_group, Status::warning, std::nullopt, [&] {
            return lift_on(b.meeting_date) + " is a meeting in " + std::string(f.district) +
                   "; the school is in " + std::string(f.school_district);
        });
        return;
    }
    // A school with no group on record cannot be checked against one.
    if (f.school_group.empty() || same_text(f.group, f.school_group)) return;
    sink.add(RuleId::lift_group, Status::warning, std::nullopt, [&] {
        std::string when = f.term ? " for " + term_label(*f.term) : std::string();
        return lift_on(b.meeting_date) + " is for group " + std::string(f.group) +
               "; the school's group" + when + " is " + std::string(f.school_group);
    });
}

}  // namespace

// Paperwork counts as received on the booking's paperwork_received, else on the earliest
// lift_paperwork dated within the 56 days up to and including the meeting date
// (meeting - 55 .. meeting: 56 days counting the meeting day).
std::optional<Date> paperwork_received(const PupilView& v, const BookingEntry& b) {
    if (b.paperwork_received) return b.paperwork_received;
    Date first = b.meeting_date - 55;
    for (const EventEntry& e : v.events) {
        if (e.date > b.meeting_date) break;
        if (e.kind == EventKind::lift_paperwork && e.date >= first) return e.date;
    }
    return std::nullopt;
}

void check_booking_rules(const PupilView& v, const EventSummary& s, FindingSink& sink) {
    const int cap = v.shared.config.referral_cap;
    for (const BookingEntry& b : v.bookings) {
        if (b.kind != BookingKind::lift) continue;
        const BookingFacts& f = v.shared.facts_of(b);
        Date meeting = b.meeting_date;

        if (!(s.first_consent && *s.first_consent <= meeting))
            sink.add(RuleId::consent_before_referral, Status::blocked, std::nullopt, [&] {
                std::string later = s.first_consent ? " (consent is recorded on " +
                                                          to_display(*s.first_consent) + ")"
                                                    : std::string();
                return lift_on(meeting) +
                       " is booked without parental consent on or before that date" + later;
            });

        if (!surgery_before(s, meeting))
            sink.add(RuleId::surgery_before_lift, Status::blocked, std::nullopt, [&] {
                return lift_on(meeting) + " is booked without an earlier STLS Surgery discussion";
            });

        check_paperwork(v, b, f, sink);
        check_group(b, v.shared.texts_of(b), sink);

        if (cap >= 0 && f.school_bookings_at_meeting > static_cast<uint32_t>(cap))
            sink.add(RuleId::referral_cap, Status::warning, std::nullopt, [&] {
                return "the school has " + std::to_string(f.school_bookings_at_meeting) +
                       " pupils booked for " + lift_on(meeting) + "; the limit is " +
                       std::to_string(cap) + " per meeting";
            });
    }
}

}  // namespace core::rules_detail

// Builds the meeting board's model (see meetings.hpp): finds the home district's
// meetings in the two-week window, attaches each booking to its meeting, asks the rules
// engine for every LIFT booking's checks, and formats what the cards show.
#include "core/meetings.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

#include "core/rule_context.hpp"
#include "core/snapshot.hpp"

namespace core {
namespace {

using rules_detail::same_text;

// "17 Nov": to_display without the year.
std::string day_month(Date d) {
    std::string text = to_display(d);  // "17 Nov 2025"
    return text.substr(0, text.rfind(' '));
}

std::string days(int n) {
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

std::string relative_day(Date d, Date today) {
    const int diff = d - today;
    if (diff == 0) return "today";
    if (diff == 1) return "tomorrow";
    if (diff == -1) return "yesterday";
    return diff > 0 ? "in " + days(diff) : days(-diff) + " ago";
}

MeetingCard make_card(MeetingKind kind, Date date, Date monday, Date today) {
    MeetingCard card;
    card.kind = kind;
    card.date = date;
    card.this_week = date < monday + 7;
    card.kind_label = kind == MeetingKind::lift ? "LIFT" : "Surgery";
    card.date_text = to_short_display(date);
    card.when = relative_day(date, today);
    return card;
}

void set_deadline(MeetingCard& card, Date deadline, Date today) {
    card.deadline = deadline;
    card.deadline_passed = deadline < today;
    const int left = deadline - today;
    std::string state = left < 0 ? "closed" : left == 0 ? "closes today" : days(left) + " left";
    card.deadline_text = "Paperwork by " + to_short_display(deadline) + "  \xc2\xb7  " + state;
}

void add_scheduled_cards(const Dataset& data, const MeetingOptions& o, Date monday,
                         std::vector<MeetingCard>& cards) {
    const Date sunday = monday + 13;
    for (const LiftMeeting& m : data.meetings) {
        if (m.meeting_date < monday || m.meeting_date > sunday ||
            !same_text(m.district, o.home_district))
            continue;
        MeetingCard card = make_card(MeetingKind::lift, m.meeting_date, monday, o.today);
        card.group = m.group;
        card.group_label = "Group " + m.group;
        card.venue = m.venue;
        // A record built without a deadline gets the contract's default, as the rules do.
        set_deadline(card,
                     m.paperwork_deadline == Date{} ? m.meeting_date - 7 : m.paperwork_deadline,
                     o.today);
        cards.push_back(std::move(card));
    }
    for (const Surgery& s : data.surgeries) {
        if (s.surgery_date < monday || s.surgery_date > sunday ||
            !same_text(s.district, o.home_district))
            continue;
        MeetingCard card = make_card(MeetingKind::surgery, s.surgery_date, monday, o.today);
        card.venue = s.venue;
        if (const Staff* lead = data.staff_member(s.staff_id)) card.lead = "with " + lead->name;
        cards.push_back(std::move(card));
    }
}

// The card a booking belongs to: same kind and date, preferring the booking's group
// among several LIFT meetings that day; a date the schedule lacks gets its own card so
// the booking is still seen.
MeetingCard& card_for(std::vector<MeetingCard>& cards, MeetingKind kind, Date date,
                      std::string_view group, Date monday, Date today) {
    MeetingCard* first = nullptr;
    for (MeetingCard& card : cards) {
        if (card.kind != kind || card.date != date) continue;
        if (kind == MeetingKind::surgery || same_text(card.group, group)) return card;
        if (!first) first = &card;
    }
    if (first) return *first;
    MeetingCard card = make_card(kind, date, monday, today);
    card.scheduled = false;
    card.venue = kind == MeetingKind::lift ? "not on the LIFT schedule" : "not on the Surgery list";
    if (kind == MeetingKind::lift && !group.empty()) {
        card.group = std::string(group);
        card.group_label = "Group " + card.group;
    }
    cards.push_back(std::move(card));
    return cards.back();
}

const char* word_for(Status worst, bool paperwork_in) {
    switch (worst) {
        case Status::blocked:
            return "BLOCKED";
        case Status::overdue:
            return "OVERDUE";
        case Status::due:
            return "DUE SOON";
        case Status::warning:
            return "CHECK";
        case Status::ok:
            break;
    }
    return paperwork_in ? "READY" : "BOOKED";
}

void apply_checks(MeetingBooking& row, const BookingCheck& check, const Dataset& data,
                  const RulesEngine& engine, const BookingEntry& b, const MeetingOptions& o) {
    row.school_bookings = check.school_bookings;
    row.paperwork_received = check.paperwork_received;
    for (const Finding& f : check.findings) {
        switch (f.rule) {
            case RuleId::consent_before_referral:
                row.consent = f.status;
                break;
            case RuleId::surgery_before_lift:
                row.surgery = f.status;
                break;
            case RuleId::paperwork_deadline:
                row.paperwork_status = f.status;
                break;
            case RuleId::lift_group:
                row.group = f.status;
                break;
            case RuleId::referral_cap:
                row.cap = f.status;
                break;
            default:
                break;
        }
        row.worst = std::max(row.worst, f.status);
    }
    if (check.paperwork_received) {
        row.paperwork = (*check.paperwork_received <= check.deadline ? "Paperwork in "
                                                                     : "Paperwork LATE, in ") +
                        to_short_display(*check.paperwork_received);
    } else {
        const int left = check.deadline - o.today;
        row.days_left = left;
        row.paperwork = left < 0    ? "NO PAPERWORK, " + days(-left) + " overdue"
                        : left == 0 ? "No paperwork, due today"
                                    : "No paperwork, " + days(left) + " left";
    }
    if (row.consent != Status::ok) row.marks.push_back({"NO CONSENT", row.consent});
    if (row.surgery != Status::ok) row.marks.push_back({"NO SURGERY FIRST", row.surgery});
    if (row.group != Status::ok) {
        const PupilEntry& p = data.pupils[row.pupil];
        const School* school = data.school(p.school_urn);
        std::string text = "WRONG GROUP";
        if (school &&
            !same_text(school->district, b.district.empty() ? school->district : b.district))
            text = "OTHER DISTRICT";
        else if (school)
            text += " (school: " + std::string(engine.school_group(*school, b.meeting_date)) + ")";
        row.marks.push_back({std::move(text), row.group});
    }
    if (row.cap != Status::ok)
        row.marks.push_back({"OVER CAP " + std::to_string(check.school_bookings) + "/" +
                                 std::to_string(o.referral_cap),
                             row.cap});
    if (row.marks.empty()) row.marks.push_back({"consent and Surgery on record", Status::ok});
    row.word = word_for(row.worst, check.paperwork_received.has_value());
}

MeetingBooking plain_row(const Dataset& data, size_t i) {
    const PupilEntry p = data.pupils[i];
    const School* school = data.school(p.school_urn);
    MeetingBooking row;
    row.pupil = static_cast<uint32_t>(i);
    row.pupil_label = pupil_label(p);
    row.full_name = full_name(p);
    row.school = school ? school->name : std::string(p.school_urn);
    return row;
}

void add_bookings(const Dataset& data, const RulesEngine& engine,
                  const AssessmentTable& assessments, const MeetingOptions& o, Date monday,
                  std::vector<MeetingCard>& cards) {
    const Date sunday = monday + 13;
    for (size_t i = 0; i < data.pupils.size(); ++i) {
        for (const BookingEntry& b : data.bookings_of(i)) {
            if (b.meeting_date < monday || b.meeting_date > sunday) continue;
            const BookingPlace place = booking_place(data, engine, i, b);
            if (!same_text(place.district, o.home_district)) continue;
            const MeetingKind kind =
                b.kind == BookingKind::lift ? MeetingKind::lift : MeetingKind::surgery;
            MeetingCard& card = card_for(cards, kind, b.meeting_date, place.group, monday, o.today);

            if (kind == MeetingKind::lift) {
                MeetingBooking row = lift_booking_row(data, engine, i, b, o);
                if (!card.deadline) set_deadline(card, row.deadline, o.today);
                card.bookings.push_back(std::move(row));
                continue;
            }
            MeetingBooking row = plain_row(data, i);
            row.word = "BOOKED";
            if (i < assessments.size())
                row.marks.push_back(
                    {"stage: " + std::string(display_name(assessments.stage(i))), Status::ok});
            card.bookings.push_back(std::move(row));
        }
    }
}

// The group's schools for the meeting's term, with their bookings at the meeting.
void add_schools(const Dataset& data, const RulesEngine& engine, const MeetingOptions& o,
                 MeetingCard& card) {
    std::map<std::string, int> booked;
    std::map<std::string, bool> over;
    for (const MeetingBooking& b : card.bookings) {
        ++booked[b.school];
        if (b.cap != Status::ok) over[b.school] = true;
    }
    if (card.kind == MeetingKind::lift && !card.group.empty()) {
        for (const School* s : group_schools(data, engine, o.home_district, card.group, card.date))
            card.schools.push_back({s->name, booked[s->name], over[s->name]});
    }
    // One school over the cap is named; several are counted (each row still says it).
    int schools_over = 0;
    for (const auto& [name, count] : booked) {
        if (!over[name]) continue;
        if (++schools_over == 1)
            card.cap_text = "OVER CAP: " + name + " " + std::to_string(count) + " of " +
                            std::to_string(o.referral_cap);
    }
    if (schools_over > 1)
        card.cap_text = "OVER CAP: " + std::to_string(schools_over) + " schools have more than " +
                        std::to_string(o.referral_cap) + " pupils booked";
}

void finish_card(MeetingCard& card) {
    // Most severe first; among equals the nearest deadline (missing paperwork), then label.
    std::sort(card.bookings.begin(), card.bookings.end(),
              [](const MeetingBooking& a, const MeetingBooking& b) {
                  if (a.worst != b.worst) return a.worst > b.worst;
                  const int left_a = a.days_left.value_or(INT32_MAX);
                  const int left_b = b.days_left.value_or(INT32_MAX);
                  if (left_a != left_b) return left_a < left_b;
                  return a.pupil_label < b.pupil_label;
              });
    for (const MeetingBooking& b : card.bookings) {
        switch (b.worst) {
            case Status::blocked:
                ++card.blocked;
                break;
            case Status::overdue:
                ++card.overdue;
                break;
            case Status::due:
                ++card.due;
                break;
            case Status::warning:
                ++card.warnings;
                break;
            case Status::ok:
                ++card.ready;
                break;
        }
        if (b.days_left) ++card.paperwork_missing;
    }
    const size_t n = card.bookings.size();
    if (n == 0) {
        card.summary = "No pupils booked yet";
        return;
    }
    card.summary = std::to_string(n) + (n == 1 ? " pupil booked" : " pupils booked");
    if (card.kind == MeetingKind::lift)
        card.summary +=
            card.paperwork_missing == 0
                ? "  \xc2\xb7  all paperwork in"
                : "  \xc2\xb7  " + std::to_string(card.paperwork_missing) + " without paperwork";
}

}  // namespace

BookingPlace booking_place(const Dataset& data, const RulesEngine& engine, size_t pupil,
                           const BookingEntry& booking) {
    const School* school = data.school(data.pupils[pupil].school_urn);
    // A booking that names no district or group is for the school's own (as the rules
    // read it).
    BookingPlace place{booking.district, booking.group};
    if (place.district.empty() && school) place.district = school->district;
    if (place.group.empty() && school) place.group = engine.school_group(*school, booking.meeting_date);
    return place;
}

MeetingBooking lift_booking_row(const Dataset& data, const RulesEngine& engine, size_t pupil,
                                const BookingEntry& booking, const MeetingOptions& options) {
    MeetingBooking row = plain_row(data, pupil);
    const BookingCheck check = engine.check_booking(pupil, booking, options.today);
    row.deadline = check.deadline;
    apply_checks(row, check, data, engine, booking, options);
    return row;
}

std::vector<const School*> group_schools(const Dataset& data, const RulesEngine& engine,
                                         std::string_view district, std::string_view group,
                                         Date date) {
    std::vector<const School*> schools;
    for (const School& s : data.schools)
        if (same_text(s.district, district) && same_text(engine.school_group(s, date), group))
            schools.push_back(&s);
    std::sort(schools.begin(), schools.end(),
              [](const School* a, const School* b) { return a->name < b->name; });
    return schools;
}

MeetingBoardModel build_meetings(const Dataset& data, const RulesEngine& engine,
                                 const AssessmentTable& assessments, const MeetingOptions& o) {
    MeetingBoardModel model;
    model.district = std::string(o.home_district);
    if (auto canonical = canonical_district(o.home_district)) model.district = *canonical;
    const Date monday = o.today - static_cast<int>(o.today.weekday());
    for (int w = 0; w < 2; ++w) {
        const Date start = monday + 7 * w;
        model.weeks[w].monday = start;
        model.weeks[w].label = std::string(w == 0 ? "This week" : "Next week") + "  " +
                               day_month(start) + " \xe2\x80\x93 " + day_month(start + 6);
    }
    add_scheduled_cards(data, o, monday, model.cards);
    add_bookings(data, engine, assessments, o, monday, model.cards);
    for (MeetingCard& card : model.cards) {
        add_schools(data, engine, o, card);
        finish_card(card);
        model.blocked += card.blocked;
        model.overdue += card.overdue;
        model.due += card.due;
        model.warnings += card.warnings;
        model.booked += static_cast<int>(card.bookings.size());
    }
    std::stable_sort(
        model.cards.begin(), model.cards.end(), [](const MeetingCard& a, const MeetingCard& b) {
            return std::tuple(a.date, a.kind, a.group) < std::tuple(b.date, b.kind, b.group);
        });
    return model;
}

}  // namespace core

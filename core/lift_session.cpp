// Builds the LIFT session model (see lift_session.hpp): picks the meeting, gathers its
// bookings through the meeting board's booking rows (same readiness words and marks),
// lays the agenda out in slots and summarises each case from the pupil card model.
#include "core/lift_session.hpp"

#include <algorithm>
#include <tuple>

#include "core/calendar.hpp"
#include "core/rule_context.hpp"
#include "core/snapshot.hpp"

namespace core {
namespace {

using rules_detail::same_text;

constexpr const char* kDot = "  \xc2\xb7  ";
constexpr const char* kDash = " \xe2\x80\x93 ";

std::string long_date(Date d) {
    return to_short_display(d) + " " + std::to_string(d.year());  // "Thu 20 Nov 2025"
}

void join(std::string& out, std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += kDot;
    out += part;
}

std::string relative_day(Date d, Date today) {
    const int diff = d - today;
    if (diff == 0) return "today";
    if (diff == 1) return "tomorrow";
    if (diff == -1) return "yesterday";
    const int n = diff > 0 ? diff : -diff;
    const std::string days = std::to_string(n) + " days";
    return diff > 0 ? "in " + days : days + " ago";
}

std::string district_name(std::string_view district) {
    if (auto canonical = canonical_district(district)) return std::string(*canonical);
    return std::string(district);
}

bool meeting_before(const LiftMeeting* a, const LiftMeeting* b) {
    return std::tie(a->meeting_date, a->group) < std::tie(b->meeting_date, b->group);
}

// The district's meetings in date then group order.
std::vector<const LiftMeeting*> district_meetings(const Dataset& data, std::string_view district) {
    std::vector<const LiftMeeting*> out;
    for (const LiftMeeting& m : data.meetings)
        if (same_text(m.district, district)) out.push_back(&m);
    std::sort(out.begin(), out.end(), meeting_before);
    return out;
}

std::string staff_name(const Dataset& data, std::string_view staff_id) {
    const Staff* staff = data.staff_member(staff_id);
    return staff ? staff->name : std::string(staff_id);
}

PastRecommendation past_recommendation(const EventEntry& rec, EventRange events, Date today,
                                       int window) {
    PastRecommendation r;
    r.date = rec.date;
    r.date_text = to_display(rec.date);
    r.what = detail_words(rec.detail);
    r.owner = std::string(rec.owner);
    r.note = std::string(rec.note);
    // recommendation-review's reading: the first impact review on or after it answers it.
    for (const EventEntry& e : events) {
        if (e.kind != EventKind::impact_review || e.date < rec.date) continue;
        r.review = "reviewed " + to_display(e.date);
        if (!e.detail.empty()) r.review += ": " + detail_words(e.detail);
        return r;
    }
    if (rec.review_date) {
        r.status = due_status(*rec.review_date, today, window);
        r.review = (r.status == Status::overdue ? "review OVERDUE since " : "review due ") +
                   to_display(*rec.review_date);
    } else {
        r.review = "no review date";
    }
    return r;
}

bool is_meeting_outcome(EventKind kind) {
    switch (kind) {
        case EventKind::lift_discussed:
        case EventKind::recommendation:
        case EventKind::stls_consultation:
        case EventKind::caselist_opened:
        case EventKind::sodlis_issued:
            return true;
        default:
            return false;
    }
}

RecordedOutcome recorded_outcome(const EventEntry& e, const Dataset& data) {
    RecordedOutcome o;
    o.kind = e.kind;
    o.note = std::string(e.note);
    o.owner = std::string(e.owner);
    o.review_date = e.review_date;
    switch (e.kind) {
        case EventKind::recommendation:
            o.what = detail_words(e.detail);
            if (!e.owner.empty()) join(o.detail, "owner: " + staff_name(data, e.owner));
            if (e.review_date) join(o.detail, "review by " + to_display(*e.review_date));
            break;
        case EventKind::stls_consultation:
            o.what = "STLS consultation offered";
            break;
        case EventKind::caselist_opened:
            o.what = "Taken onto the STLS caselist";
            join(o.detail, "agreed outcome: " + std::string(e.detail));
            if (!e.staff_id.empty()) join(o.detail, "teacher: " + staff_name(data, e.staff_id));
            break;
        case EventKind::sodlis_issued:
            o.what = "SODLIS issued";
            break;
        default:
            o.what = "Discussed at LIFT";
            break;
    }
    return o;
}

CaseSummary case_summary(const Dataset& data, const RulesEngine& engine, uint32_t pupil,
                         Date meeting_date, Date today) {
    const int window = engine.config().due_window_days;
    CaseSummary s;
    const PupilAssessment assessment = engine.assess(pupil, today);
    s.card = build_pupil_card(data, assessment, pupil, today, window);
    const PupilEntry p = data.pupils[pupil];
    s.year = year_label(p.year_group);
    s.need_area = std::string(need_area_label(p.need_area));
    for (const CardEntry& e : s.card.timeline) {
        if (e.day >= meeting_date) break;  // oldest first
        const bool surgery_event = e.event == EventKind::surgery;
        const bool past_surgery_booking = e.booking == BookingKind::surgery && !e.upcoming;
        if (surgery_event || past_surgery_booking) s.surgery_advice.push_back(e);
    }
    const EventRange events = data.events_of(pupil);
    const EventEntry* caselist = nullptr;
    const EventEntry* consultation = nullptr;
    std::vector<EventEntry> on_the_day;
    for (const EventEntry& e : events) {
        if (e.kind == EventKind::recommendation && e.date < meeting_date)
            s.past_recommendations.push_back(past_recommendation(e, events, today, window));
        if (e.date == meeting_date && is_meeting_outcome(e.kind)) on_the_day.push_back(e);
    }
    for (const EventEntry& e : on_the_day) {
        s.outcomes.push_back(recorded_outcome(e, data));
        if (e.kind == EventKind::lift_discussed) s.discussed = true;
        if (e.kind == EventKind::caselist_opened) caselist = &e;
        if (e.kind == EventKind::stls_consultation) consultation = &e;
    }
    if (caselist) {
        s.decision = StlsDecision::caselist;
        s.decision_text = "Taken onto the caselist: " + std::string(caselist->detail);
        if (!caselist->staff_id.empty())
            s.decision_text += " (teacher " + staff_name(data, caselist->staff_id) + ")";
    } else if (consultation) {
        s.decision = StlsDecision::consultation;
        s.decision_text = "STLS consultation offered";
    } else {
        s.decision_text = "None recorded";
    }
    return s;
}

// The meeting's LIFT bookings, as (pupil, booking) pairs.
std::vector<std::pair<uint32_t, BookingEntry>> meeting_bookings(const Dataset& data,
                                                                const RulesEngine& engine,
                                                                const LiftMeeting& meeting) {
    int same_day = 0;
    for (const LiftMeeting& m : data.meetings)
        same_day +=
            m.meeting_date == meeting.meeting_date && same_text(m.district, meeting.district);
    std::vector<std::pair<uint32_t, BookingEntry>> out;
    for (const BookingEntry& b : data.bookings) {
        if (b.kind != BookingKind::lift || b.meeting_date != meeting.meeting_date) continue;
        const BookingPlace place = booking_place(data, engine, b.pupil, b);
        if (!same_text(place.district, meeting.district)) continue;
        // With one meeting that day every booking of the district is for it, as the
        // meeting board files them; with several, the group tells.
        if (same_day > 1 && !same_text(place.group, meeting.group)) continue;
        out.emplace_back(b.pupil, b);
    }
    return out;
}

}  // namespace

std::string clock_text(int minutes) {
    minutes = ((minutes % (24 * 60)) + 24 * 60) % (24 * 60);
    const int h = minutes / 60, m = minutes % 60;
    std::string out = (h < 10 ? "0" : "") + std::to_string(h) + ":";
    return out + (m < 10 ? "0" : "") + std::to_string(m);
}

MeetingPick pick_meeting(const Dataset& data, std::string_view district,
                         std::string_view meeting_text, std::string_view group, Date today) {
    MeetingPick pick;
    const std::string name = district_name(district);
    std::optional<Date> wanted;
    if (!meeting_text.empty()) {
        wanted = parse_date(meeting_text);
        if (!wanted) {
            pick.error = "'" + std::string(meeting_text) + "' is not a date: use YYYY-MM-DD";
            return pick;
        }
    }
    const std::string of = "no LIFT meeting of " + name +
                           (group.empty() ? std::string() : " group " + std::string(group));
    const auto meetings = district_meetings(data, district);
    const Date from = wanted.value_or(today);
    const LiftMeeting* before = nullptr;
    for (const LiftMeeting* m : meetings) {
        if (!group.empty() && !same_text(m->group, group)) continue;
        if (m->meeting_date < from) {
            before = m;
            continue;
        }
        if (!wanted || m->meeting_date == *wanted) {
            pick.meeting = *m;
            return pick;
        }
        // The wanted date has none: name the meetings either side of it.
        std::string nearest = before ? long_date(before->meeting_date) + ", " : "";
        pick.error = of + " on " + to_display(*wanted) + " (nearest: " + nearest +
                     long_date(m->meeting_date) + ")";
        return pick;
    }
    if (wanted)
        pick.error = of + " on " + to_display(*wanted) +
                     (before ? " (the last is " + long_date(before->meeting_date) + ")"
                             : std::string(" (the schedule has none)"));
    else
        pick.error = of + " from " + to_display(today) + " on in the LIFT schedule";
    return pick;
}

LiftSession build_lift_session(const Dataset& data, const RulesEngine& engine,
                               const LiftMeeting& meeting, const SessionSettings& settings,
                               Date today) {
    LiftSession session;
    session.meeting = meeting;
    session.settings = settings;
    session.today = today;
    const Date date = meeting.meeting_date;

    SessionCover& cover = session.cover;
    cover.district = district_name(meeting.district);
    cover.group = meeting.group;
    cover.group_label = "Group " + meeting.group;
    cover.date = date;
    cover.deadline = meeting.paperwork_deadline == Date{} ? date - 7 : meeting.paperwork_deadline;
    cover.date_text = long_date(date);
    cover.when = relative_day(date, today);
    cover.venue = meeting.venue;
    cover.deadline_text = "Paperwork by " + long_date(cover.deadline);
    const TermCalendar calendar(data.terms);
    if (const Term* term = calendar.term_at(date)) cover.term = term_label(*term);
    for (const School* s : group_schools(data, engine, meeting.district, meeting.group, date))
        cover.schools.push_back(s->name);

    const TermShift review = calendar.two_terms_after(date);
    session.default_review = review.date;
    if (!review.covered())
        session.review_note =
            "the term calendar does not cover two terms after " + to_display(date);

    const MeetingOptions options{today, meeting.district, engine.config().referral_cap};
    std::vector<AgendaItem> items;
    for (const auto& [pupil, booking] : meeting_bookings(data, engine, meeting)) {
        AgendaItem item;
        item.booking = lift_booking_row(data, engine, pupil, booking, options);
        item.ref = std::string(data.pupils[pupil].pupil_ref);
        items.push_back(std::move(item));
    }
    std::sort(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) {
        return std::tie(a.booking.school, a.ref) < std::tie(b.booking.school, b.ref);
    });
    const int minutes = std::max(1, settings.minutes_per_case);
    int paperwork_missing = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        AgendaItem& item = items[i];
        item.start_minutes = settings.start_minutes + static_cast<int>(i) * minutes;
        item.end_minutes = item.start_minutes + minutes;
        item.slot = clock_text(item.start_minutes) + kDash + clock_text(item.end_minutes);
        item.summary = case_summary(data, engine, item.booking.pupil, date, today);
        if (item.booking.worst == Status::ok)
            ++session.ready;
        else
            ++session.not_ready;
        session.discussed += item.summary.discussed;
        paperwork_missing += !item.booking.paperwork_received.has_value();
    }
    session.agenda = std::move(items);

    const size_t n = session.agenda.size();
    if (n == 0) {
        cover.summary = "No pupils booked";
    } else {
        cover.times = clock_text(settings.start_minutes) + kDash +
                      clock_text(session.agenda.back().end_minutes) + kDot +
                      std::to_string(minutes) + " min a case";
        cover.summary = std::to_string(n) + (n == 1 ? " pupil booked" : " pupils booked") +
                        (paperwork_missing == 0
                             ? std::string(kDot) + "all paperwork in"
                             : kDot + std::to_string(paperwork_missing) + " without paperwork");
    }
    return session;
}

LiftSession build_lift_session(const Snapshot& snapshot, const LiftMeeting& meeting,
                               const SessionSettings& settings) {
    // Every snapshot the writer publishes carries its engine: building another here cost
    // the session board ~190 ms of its UI thread at 100k pupils on every new snapshot.
    if (snapshot.engine)
        return build_lift_session(*snapshot.data, *snapshot.engine, meeting, settings,
                                  snapshot.today);
    const RulesEngine engine(*snapshot.data, snapshot.rules);
    return build_lift_session(*snapshot.data, engine, meeting, settings, snapshot.today);
}

std::optional<size_t> item_at(const LiftSession& session, int minutes) {
    if (session.agenda.empty() || minutes < session.agenda.front().start_minutes)
        return std::nullopt;
    for (size_t i = 0; i < session.agenda.size(); ++i)
        if (minutes < session.agenda[i].end_minutes) return i;
    return session.agenda.size() - 1;
}

}  // namespace core

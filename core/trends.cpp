// The trends figures (definitions in trends.hpp): one walk over each pupil's events and
// bookings, in date order, tallying into the six terms of the window.
#include "core/trends.hpp"

#include <algorithm>
#include <array>

#include "core/calendar.hpp"

namespace core {
namespace {

constexpr int kDecisionDays = 6 * 7;  // ehcna-decision
constexpr int kPlanDays = 20 * 7;     // ehcp-20-weeks

// Which of the window's terms a date counts in.
class TermWindow {
  public:
    TermWindow(const TermCalendar& calendar, Date today) : calendar_(calendar) {
        auto terms = calendar.terms();
        if (terms.empty()) return;
        size_t last = 0;
        if (auto now = calendar.term_counting(today)) {
            last = *now;
            current_ = static_cast<int>(*now);
        } else if (today > terms.back().end) {
            last = terms.size() - 1;
        } else {
            return;  // today is before the calendar: nothing has happened in it yet
        }
        first_ = last + 1 >= kTrendTerms ? last + 1 - kTrendTerms : 0;
        count_ = last + 1 - first_;
        // A holiday before the first term of the window counts in it: the first date
        // worth asking the calendar about is the day after the term before.
        lo_ = first_ > 0 ? terms[first_ - 1].end + 1 : terms[first_].start;
        hi_ = terms[last].end;
        if (current_ >= 0) current_ -= static_cast<int>(first_);
    }

    size_t first() const { return first_; }
    size_t count() const { return count_; }
    int current() const { return current_; }
    // Index in the window, or -1 outside it.
    int slot(Date d) const {
        if (count_ == 0 || d < lo_ || d > hi_) return -1;
        auto t = calendar_.term_counting(d);
        if (!t || *t < first_ || *t >= first_ + count_) return -1;
        return static_cast<int>(*t - first_);
    }

  private:
    const TermCalendar& calendar_;
    size_t first_ = 0, count_ = 0;
    int current_ = -1;
    Date lo_, hi_;
};

// What a term gathers beyond plain counts: schools and day spans, reduced at the end.
struct TermTally {
    std::vector<std::string_view> schools;
    std::vector<int> surgery_to_lift, lift_to_visit;
};

std::optional<double> median(std::vector<int>& values) {
    if (values.empty()) return std::nullopt;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<long>(mid), values.end());
    double upper = values[mid];
    if (values.size() % 2 == 1) return upper;
    double lower = *std::max_element(values.begin(), values.begin() + static_cast<long>(mid));
    return (lower + upper) / 2.0;
}

void tally(Ratio& ratio, bool met) {
    ++ratio.total;
    if (met) ++ratio.met;
}

class PupilWalk {
  public:
    PupilWalk(const TermWindow& window, std::vector<TermFigures>& figures,
              std::vector<TermTally>& tallies, int visit_days, Date today)
        : window_(window),
          figures_(figures),
          tallies_(tallies),
          visit_days_(visit_days),
          today_(today) {}

    void run(std::string_view school, EventRange events) {
        for (const EventEntry& e : events) event(school, e);
        if (open_case_) settle_visit_due(std::nullopt);  // still open: due by today?
    }

  private:
    TermFigures* term_of(Date d) {
        int s = window_.slot(d);
        return s < 0 ? nullptr : &figures_[static_cast<size_t>(s)];
    }
    TermTally* tally_of(Date d) {
        int s = window_.slot(d);
        return s < 0 ? nullptr : &tallies_[static_cast<size_t>(s)];
    }

    void discussed(std::string_view school, Date d, int TermFigures::*count) {
        int s = window_.slot(d);
        if (s < 0) return;
        ++(figures_[static_cast<size_t>(s)].*count);
        if (!school.empty()) tallies_[static_cast<size_t>(s)].schools.push_back(school);
    }

    // The visit due after anchor_, made on `visit` (on time or late); the visit is the
    // next anchor.
    void settle_visit(Date visit) {
        Date due = anchor_ + visit_days_;
        if (TermFigures* t = term_of(due)) tally(t->visits_on_time, visit <= due);
        anchor_ = visit;
    }
    // The visit due after anchor_ never came: the case closed on `closed`, or (nullopt)
    // is still open today. Late only once the due date has passed by then.
    void settle_visit_due(std::optional<Date> closed) {
        Date due = anchor_ + visit_days_;
        bool missed = closed ? due < *closed : due < today_;
        if (!missed) return;
        if (TermFigures* t = term_of(due)) tally(t->visits_on_time, false);
    }

    void event(std::string_view school, const EventEntry& e) {
        switch (e.kind) {
            case EventKind::surgery:
                discussed(school, e.date, &TermFigures::surgery_discussions);
                last_surgery_ = e.date;
                break;
            case EventKind::lift_discussed:
                discussed(school, e.date, &TermFigures::lift_discussions);
                if (last_surgery_)
                    if (TermTally* t = tally_of(e.date))
                        t->surgery_to_lift.push_back(e.date - *last_surgery_);
                last_lift_ = e.date;
                break;
            case EventKind::caselist_opened:
                if (TermFigures* t = term_of(e.date)) ++t->cases_opened;
                if (open_case_) settle_visit_due(e.date);  // reopened: a fresh clock
                open_case_ = true;
                anchor_ = e.date;
                break;
            case EventKind::visit:
                if (last_lift_) {
                    if (TermTally* t = tally_of(e.date))
                        t->lift_to_visit.push_back(e.date - *last_lift_);
                    last_lift_.reset();
                }
                if (open_case_) settle_visit(e.date);
                break;
            case EventKind::case_closed:
                if (TermFigures* t = term_of(e.date)) {
                    ++t->cases_closed;
                    if (e.detail == "outcome_met")
                        ++t->closed_outcome_met;
                    else if (e.detail == "no_longer_required")
                        ++t->closed_no_longer_required;
                    else
                        ++t->closed_other;
                }
                if (open_case_) settle_visit_due(e.date);
                open_case_ = false;
                break;
            case EventKind::ehcna_requested:
                request_ = e.date;
                decided_ = refused_ = false;
                break;
            case EventKind::ehcna_decision:
                if (request_ && !decided_) {
                    if (TermFigures* t = term_of(e.date))
                        tally(t->ehcna_decisions_in_6_weeks, e.date - *request_ <= kDecisionDays);
                    decided_ = true;
                    refused_ = e.detail == "not_assess";
                }
                break;
            case EventKind::ehcp_issued:
                if (request_ && !refused_)
                    if (TermFigures* t = term_of(e.date))
                        tally(t->ehcp_in_20_weeks, e.date - *request_ <= kPlanDays);
                request_.reset();
                break;
            case EventKind::ehcp_declined:
                request_.reset();
                break;
            default:
                break;
        }
    }

    const TermWindow& window_;
    std::vector<TermFigures>& figures_;
    std::vector<TermTally>& tallies_;
    const int visit_days_;
    const Date today_;
    std::optional<Date> last_surgery_, last_lift_, request_;
    bool decided_ = false, refused_ = false;
    bool open_case_ = false;
    Date anchor_;  // caselist-visit: the opening or the latest visit since
};

}  // namespace

TrendFigures build_trends(const Dataset& data, const RulesEngine& engine, const RulesConfig& config,
                          Date today) {
    TermCalendar calendar(data.terms);
    TermWindow window(calendar, today);
    TrendFigures out;
    out.current = window.current();
    out.terms.resize(window.count());
    for (size_t i = 0; i < window.count(); ++i)
        out.terms[i].term = calendar.terms()[window.first() + i];
    if (out.terms.empty()) return out;
    std::vector<TermTally> tallies(out.terms.size());

    for (size_t p = 0; p < data.pupils.size(); ++p) {
        PupilWalk walk(window, out.terms, tallies, config.visit_interval_weeks * 7, today);
        walk.run(data.pupils[p].school_urn, data.events_of(p));
        for (const BookingEntry& b : data.bookings_of(p)) {
            if (b.kind != BookingKind::lift) continue;
            int s = window.slot(b.meeting_date);
            if (s < 0) continue;
            TermFigures& t = out.terms[static_cast<size_t>(s)];
            ++t.lift_bookings;
            BookingCheck paperwork = engine.booking_paperwork(p, b);
            if (paperwork.paperwork_received)
                tally(t.paperwork_on_time, *paperwork.paperwork_received <= paperwork.deadline);
            else if (paperwork.deadline < today)
                tally(t.paperwork_on_time, false);
        }
    }
    for (size_t i = 0; i < out.terms.size(); ++i) {
        TermTally& tally_i = tallies[i];
        std::sort(tally_i.schools.begin(), tally_i.schools.end());
        out.terms[i].schools_reached = static_cast<int>(
            std::unique(tally_i.schools.begin(), tally_i.schools.end()) - tally_i.schools.begin());
        out.terms[i].median_days_surgery_to_lift = median(tally_i.surgery_to_lift);
        out.terms[i].median_days_lift_to_first_visit = median(tally_i.lift_to_visit);
    }
    return out;
}

std::span<const FigureSpec> term_figure_specs() {
    using K = FigureKind;
    using V = std::optional<double>;
    static const std::array<FigureSpec, 15> specs = {{
        {"lift_bookings", "LIFT bookings", K::count,
         [](const TermFigures& t) -> V { return t.lift_bookings; }},
        {"lift_discussions", "LIFT discussions", K::count,
         [](const TermFigures& t) -> V { return t.lift_discussions; }},
        {"surgery_discussions", "Surgery discussions", K::count,
         [](const TermFigures& t) -> V { return t.surgery_discussions; }},
        {"cases_opened", "Cases opened", K::count,
         [](const TermFigures& t) -> V { return t.cases_opened; }},
        {"cases_closed", "Cases closed", K::count,
         [](const TermFigures& t) -> V { return t.cases_closed; }},
        {"cases_closed_outcome_met", "Closed: outcome met", K::count,
         [](const TermFigures& t) -> V { return t.closed_outcome_met; }},
        {"cases_closed_no_longer_required", "Closed: no longer required", K::count,
         [](const TermFigures& t) -> V { return t.closed_no_longer_required; }},
        {"cases_closed_other", "Closed: other", K::count,
         [](const TermFigures& t) -> V { return t.closed_other; }},
        {"schools_reached", "Schools reached", K::count,
         [](const TermFigures& t) -> V { return t.schools_reached; }},
        {"paperwork_on_time_pct", "Paperwork on time", K::percent,
         [](const TermFigures& t) { return t.paperwork_on_time.pct(); }},
        {"visits_on_time_pct", "Visits on time", K::percent,
         [](const TermFigures& t) { return t.visits_on_time.pct(); }},
        {"median_days_surgery_to_lift", "Surgery to LIFT, median days", K::days,
         [](const TermFigures& t) { return t.median_days_surgery_to_lift; }},
        {"median_days_lift_to_first_visit", "LIFT to 1st visit, median days", K::days,
         [](const TermFigures& t) { return t.median_days_lift_to_first_visit; }},
        {"ehcna_decisions_in_6_weeks_pct", "EHCNA decisions in 6 weeks", K::percent,
         [](const TermFigures& t) { return t.ehcna_decisions_in_6_weeks.pct(); }},
        {"ehcp_in_20_weeks_pct", "EHC plans in 20 weeks", K::percent,
         [](const TermFigures& t) { return t.ehcp_in_20_weeks.pct(); }},
    }};
    return specs;
}

}  // namespace core

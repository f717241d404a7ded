// The trends figures (definitions in trends.hpp): one walk over each pupil's events and
// bookings, in date order, tallying into the six terms of the window; and the patch that
// takes a few pupils' shares out of those tallies and puts their new shares in.
#include "core/trends.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

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

// The median of the values a histogram (value -> how many, by value) counts: the middle
// one, or the mean of the two middle ones of an even count.
std::optional<double> median(const std::vector<std::pair<int, int>>& histogram) {
    long n = 0;
    for (const auto& [value, count] : histogram) n += count;
    if (n == 0) return std::nullopt;
    // The value at sorted position i.
    auto at = [&histogram](long i) {
        for (const auto& [value, count] : histogram) {
            if (i < count) return value;
            i -= count;
        }
        throw std::logic_error("trends: a median past the values");
    };
    const double upper = at(n / 2);
    if (n % 2 == 1) return upper;
    return (at(n / 2 - 1) + upper) / 2.0;
}

// `values` sorted into (value, how many) pairs.
template <typename T, typename Key = T>
std::vector<std::pair<Key, int>> histogram_of(std::vector<T>& values) {
    std::sort(values.begin(), values.end());
    std::vector<std::pair<Key, int>> out;
    for (size_t i = 0; i < values.size();) {
        size_t j = i + 1;
        while (j < values.size() && values[j] == values[i]) ++j;
        out.emplace_back(Key(values[i]), static_cast<int>(j - i));
        i = j;
    }
    return out;
}

// Adds `sign` (+1 or -1) to each of `values` in a histogram; a count that reaches 0
// leaves it. Taking out a value the histogram does not hold is a patch gone wrong.
template <typename T, typename Key>
void add_to(std::vector<std::pair<Key, int>>& histogram, const std::vector<T>& values, int sign) {
    for (const T& value : values) {
        auto it = std::lower_bound(
            histogram.begin(), histogram.end(), value,
            [](const std::pair<Key, int>& entry, const T& v) { return entry.first < v; });
        if (it == histogram.end() || !(it->first == value)) {
            if (sign < 0) throw std::logic_error("trends patch: took out a value never added");
            histogram.emplace(it, Key(value), sign);
        } else if ((it->second += sign) == 0) {
            histogram.erase(it);
        }
    }
}

// `sign` is +1 to add a pupil's share, -1 to take it out (patch_trends).
void tally(Ratio& ratio, bool met, int sign) {
    ratio.total += sign;
    if (met) ratio.met += sign;
}

class PupilWalk {
  public:
    PupilWalk(const TermWindow& window, std::vector<TermFigures*>& figures,
              std::vector<TermTally>& tallies, int visit_days, Date today, int sign)
        : window_(window),
          figures_(figures),
          tallies_(tallies),
          visit_days_(visit_days),
          today_(today),
          sign_(sign) {}

    void run(std::string_view school, EventRange events) {
        for (const EventEntry& e : events) event(school, e);
        if (open_case_) settle_visit_due(std::nullopt);  // still open: due by today?
    }

  private:
    TermFigures* term_of(Date d) {
        int s = window_.slot(d);
        return s < 0 ? nullptr : figures_[static_cast<size_t>(s)];
    }
    TermTally* tally_of(Date d) {
        int s = window_.slot(d);
        return s < 0 ? nullptr : &tallies_[static_cast<size_t>(s)];
    }

    void discussed(std::string_view school, Date d, int TermFigures::*count) {
        int s = window_.slot(d);
        if (s < 0) return;
        figures_[static_cast<size_t>(s)]->*count += sign_;
        if (!school.empty()) tallies_[static_cast<size_t>(s)].schools.push_back(school);
    }

    // The visit due after anchor_, made on `visit` (on time or late); the visit is the
    // next anchor.
    void settle_visit(Date visit) {
        Date due = anchor_ + visit_days_;
        if (TermFigures* t = term_of(due)) tally(t->visits_on_time, visit <= due, sign_);
        anchor_ = visit;
    }
    // The visit due after anchor_ never came: the case closed on `closed`, or (nullopt)
    // is still open today. Late only once the due date has passed by then.
    void settle_visit_due(std::optional<Date> closed) {
        Date due = anchor_ + visit_days_;
        bool missed = closed ? due < *closed : due < today_;
        if (!missed) return;
        if (TermFigures* t = term_of(due)) tally(t->visits_on_time, false, sign_);
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
                if (TermFigures* t = term_of(e.date)) t->cases_opened += sign_;
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
                    t->cases_closed += sign_;
                    if (e.detail == "outcome_met")
                        t->closed_outcome_met += sign_;
                    else if (e.detail == "no_longer_required")
                        t->closed_no_longer_required += sign_;
                    else
                        t->closed_other += sign_;
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
                        tally(t->ehcna_decisions_in_6_weeks, e.date - *request_ <= kDecisionDays,
                              sign_);
                    decided_ = true;
                    refused_ = e.detail == "not_assess";
                }
                break;
            case EventKind::ehcp_issued:
                if (request_ && !refused_)
                    if (TermFigures* t = term_of(e.date))
                        tally(t->ehcp_in_20_weeks, e.date - *request_ <= kPlanDays, sign_);
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
    std::vector<TermFigures*>& figures_;
    std::vector<TermTally>& tallies_;
    const int visit_days_;
    const Date today_;
    const int sign_;
    std::optional<Date> last_surgery_, last_lift_, request_;
    bool decided_ = false, refused_ = false;
    bool open_case_ = false;
    Date anchor_;  // caselist-visit: the opening or the latest visit since
};

// One pupil's share of every figure, `sign` +1 to add it, -1 to take it out: its events
// walked in date order, and its LIFT bookings' paperwork as the engine reads it.
void tally_pupil(const Dataset& data, const RulesEngine& engine, const TermWindow& window, size_t p,
                 std::vector<TermFigures*>& figures, std::vector<TermTally>& tallies,
                 const RulesConfig& config, Date today, int sign) {
    PupilWalk walk(window, figures, tallies, config.visit_interval_weeks * 7, today, sign);
    walk.run(data.pupils[p].school_urn, data.events_of(p));
    for (const BookingEntry& b : data.bookings_of(p)) {
        if (b.kind != BookingKind::lift) continue;
        int s = window.slot(b.meeting_date);
        if (s < 0) continue;
        TermFigures& t = *figures[static_cast<size_t>(s)];
        t.lift_bookings += sign;
        BookingCheck paperwork = engine.booking_paperwork(p, b);
        if (paperwork.paperwork_received)
            tally(t.paperwork_on_time, *paperwork.paperwork_received <= paperwork.deadline, sign);
        else if (paperwork.deadline < today)
            tally(t.paperwork_on_time, false, sign);
    }
}

std::vector<TermFigures*> sums_of(TrendTallies& tallies) {
    std::vector<TermFigures*> out;
    for (auto& term : tallies.terms) out.push_back(&term.sums);
    return out;
}

}  // namespace

TrendTallies tally_trends(const Dataset& data, const RulesEngine& engine, const RulesConfig& config,
                          Date today) {
    TermCalendar calendar(data.terms);
    TermWindow window(calendar, today);
    TrendTallies out;
    out.current = window.current();
    out.terms.resize(window.count());
    for (size_t i = 0; i < window.count(); ++i)
        out.terms[i].sums.term = calendar.terms()[window.first() + i];
    if (out.terms.empty()) return out;
    std::vector<TermTally> tallies(out.terms.size());
    std::vector<TermFigures*> sums = sums_of(out);
    for (size_t p = 0; p < data.pupils.size(); ++p)
        tally_pupil(data, engine, window, p, sums, tallies, config, today, +1);
    for (size_t i = 0; i < out.terms.size(); ++i) {
        out.terms[i].schools = histogram_of<std::string_view, std::string>(tallies[i].schools);
        out.terms[i].surgery_to_lift = histogram_of(tallies[i].surgery_to_lift);
        out.terms[i].lift_to_visit = histogram_of(tallies[i].lift_to_visit);
    }
    return out;
}

TrendFigures trend_figures(const TrendTallies& tallies) {
    TrendFigures out;
    out.current = tallies.current;
    out.terms.reserve(tallies.terms.size());
    for (const TrendTallies::TermTallies& t : tallies.terms) {
        TermFigures& figures = out.terms.emplace_back(t.sums);
        figures.schools_reached = static_cast<int>(t.schools.size());
        figures.median_days_surgery_to_lift = median(t.surgery_to_lift);
        figures.median_days_lift_to_first_visit = median(t.lift_to_visit);
    }
    return out;
}

TrendFigures build_trends(const Dataset& data, const RulesEngine& engine, const RulesConfig& config,
                          Date today) {
    return trend_figures(tally_trends(data, engine, config, today));
}

TrendTallies patch_trends(const TrendTallies& base, const Dataset& base_data,
                          const RulesEngine& base_engine, const Dataset& data,
                          const RulesEngine& engine, std::span<const uint32_t> changed,
                          const RulesConfig& config, Date today) {
    TrendTallies out = base;
    if (out.terms.empty() || changed.empty()) return out;
    TermCalendar calendar(data.terms);
    TermWindow window(calendar, today);
    if (window.count() != out.terms.size())
        throw std::logic_error("trends patch: the terms are not the base's");
    // The changed pupils' shares as they were (walked over the base, with its engine)
    // taken out of the sums, and as they are now put in; their schools and day spans
    // gathered apart, then moved in and out of the histograms.
    std::vector<TermTally> taken(out.terms.size()), added(out.terms.size());
    std::vector<TermFigures*> sums = sums_of(out);
    for (uint32_t p : changed) {
        tally_pupil(base_data, base_engine, window, p, sums, taken, config, today, -1);
        tally_pupil(data, engine, window, p, sums, added, config, today, +1);
    }
    for (size_t i = 0; i < out.terms.size(); ++i) {
        TrendTallies::TermTallies& t = out.terms[i];
        add_to(t.schools, taken[i].schools, -1);
        add_to(t.schools, added[i].schools, +1);
        add_to(t.surgery_to_lift, taken[i].surgery_to_lift, -1);
        add_to(t.surgery_to_lift, added[i].surgery_to_lift, +1);
        add_to(t.lift_to_visit, taken[i].lift_to_visit, -1);
        add_to(t.lift_to_visit, added[i].lift_to_visit, +1);
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

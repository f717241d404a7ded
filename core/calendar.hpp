// The term calendar: which school term a date falls in, and RULES.md's "two terms after
// a date". Terms are data (they vary by year and authority), so every answer can be
// "the calendar does not reach"; callers turn that into a finding, never a guess.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain.hpp"

namespace core {

// "two terms after" (or any term shift) of one date: either a date, or the statement that
// the calendar does not reach that far.
struct TermShift {
    std::optional<Date> date;  // nullopt: the term calendar does not cover it
    bool covered() const { return date.has_value(); }
};

class TermCalendar {
  public:
    TermCalendar() = default;
    // Copies and sorts the terms by start date.
    explicit TermCalendar(std::span<const Term> terms);

    std::span<const Term> terms() const { return terms_; }
    bool empty() const { return terms_.empty(); }

    // Index (into terms()) of the term whose first..last day holds `d`.
    std::optional<size_t> term_containing(Date d) const;
    const Term* term_at(Date d) const;

    // The term `d` counts in: the term holding it, or, for a date in a holiday between
    // two consecutive terms, the next term (whose first day the date then counts as).
    // nullopt before the first term, after the last, and in a gap where terms are
    // missing from the data (e.g. summer 2025 followed by spring 2026).
    std::optional<size_t> term_counting(Date d) const;

    // RULES.md: for d that is k days into term T, the date k days after the start of the
    // term two places later, clamped to that term's last day; a holiday date counts as
    // the first day of the next term. Not covered when d or the target term is outside
    // the calendar, or a term in between is missing.
    TermShift two_terms_after(Date d) const { return terms_after(d, 2); }
    TermShift terms_after(Date d, int count) const;

  private:
    // true when terms_[i + 1] is the term that follows terms_[i] in the school year
    bool followed_by_next(size_t i) const;

    std::vector<Term> terms_;
    std::vector<int> first_year_;  // parallel: 2024 for "2024/25"; -1 when unreadable
};

// "spring 2024/25", for reasons.
std::string term_label(const Term& term);

}  // namespace core

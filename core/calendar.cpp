// Term lookups by binary search over the sorted terms, and the term shift RULES.md
// defines. Continuity is checked from academic_year + term name so that missing term
// data reads as "not covered" rather than silently skipping a term.
#include "core/calendar.hpp"

#include <algorithm>
#include <cctype>

namespace core {
namespace {

// 2024 from "2024/25", "2024-25" or "2024/2025"; -1 when the text does not start so.
int academic_first_year(const std::string& text) {
    if (text.size() < 4) return -1;
    int year = 0;
    for (size_t i = 0; i < 4; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
        year = year * 10 + (text[i] - '0');
    }
    return year;
}

}  // namespace

TermCalendar::TermCalendar(std::span<const Term> terms) : terms_(terms.begin(), terms.end()) {
    std::sort(terms_.begin(), terms_.end(),
              [](const Term& a, const Term& b) { return a.start < b.start; });
    first_year_.reserve(terms_.size());
    for (const Term& t : terms_) first_year_.push_back(academic_first_year(t.academic_year));
}

bool TermCalendar::followed_by_next(size_t i) const {
    if (i + 1 >= terms_.size()) return false;
    int year = first_year_[i], next_year = first_year_[i + 1];
    // Unreadable year labels: trust the order of the data rather than refuse every shift.
    if (year < 0 || next_year < 0) return true;
    auto term = static_cast<int>(terms_[i].term), next = static_cast<int>(terms_[i + 1].term);
    if (terms_[i].term == TermName::summer)
        return next_year == year + 1 && terms_[i + 1].term == TermName::autumn;
    return next_year == year && next == term + 1;
}

std::optional<size_t> TermCalendar::term_containing(Date d) const {
    // The last term starting on or before d is the only candidate.
    auto it = std::upper_bound(terms_.begin(), terms_.end(), d,
                               [](Date value, const Term& t) { return value < t.start; });
    if (it == terms_.begin()) return std::nullopt;
    --it;
    if (d > it->end) return std::nullopt;
    return static_cast<size_t>(it - terms_.begin());
}

const Term* TermCalendar::term_at(Date d) const {
    auto i = term_containing(d);
    return i ? &terms_[*i] : nullptr;
}

std::optional<size_t> TermCalendar::term_counting(Date d) const {
    auto it = std::upper_bound(terms_.begin(), terms_.end(), d,
                               [](Date value, const Term& t) { return value < t.start; });
    // Before the first known term we cannot tell a holiday from a missing term.
    if (it == terms_.begin()) return std::nullopt;
    size_t before = static_cast<size_t>(it - terms_.begin()) - 1;
    if (d <= terms_[before].end) return before;
    if (!followed_by_next(before)) return std::nullopt;
    return before + 1;
}

TermShift TermCalendar::terms_after(Date d, int count) const {
    auto from = term_counting(d);
    if (!from) return {};
    // A holiday date counts as the first day of the next term: offset 0.
    int offset = std::max(0, d - terms_[*from].start);
    size_t target = *from;
    for (int step = 0; step < count; ++step) {
        if (!followed_by_next(target)) return {};
        ++target;
    }
    const Term& t = terms_[target];
    return {std::min(t.start + offset, t.end)};
}

std::string term_label(const Term& term) {
    return std::string(to_string(term.term)) + " " + term.academic_year;
}

}  // namespace core

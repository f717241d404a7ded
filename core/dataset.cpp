#include "core/dataset.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "core/release.hpp"

namespace core {
namespace {

constexpr uint32_t kNoPupil = UINT32_MAX;

template <typename T, typename Key>
std::unordered_map<std::string_view, size_t> by_key(const std::vector<T>& rows, Key key) {
    std::unordered_map<std::string_view, size_t> map;
    map.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) map.emplace(key(rows[i]), i);
    return map;
}

template <typename T>
const T* lookup(const std::unordered_map<std::string_view, size_t>& map, const std::vector<T>& rows,
                std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &rows[it->second];
}

// Places `rows` into per-pupil runs (a counting sort by pupil, keeping the given order
// within a pupil), fills `begin` (pupils + 1 offsets) and sorts each run by `less`.
// Rows whose pupil is kNoPupil are dropped.
template <typename Row, typename PupilOf, typename Less>
std::vector<Row> group_by_pupil(const std::vector<Row>& rows, PupilOf pupil_of, size_t pupils,
                                std::vector<uint32_t>& begin, Less less) {
    begin.assign(pupils + 1, 0);
    for (const Row& r : rows)
        if (uint32_t p = pupil_of(r); p != kNoPupil) ++begin[p + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    std::vector<Row> out(begin[pupils]);
    std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
    for (const Row& r : rows)
        if (uint32_t p = pupil_of(r); p != kNoPupil) out[next[p]++] = r;
    for (size_t p = 0; p < pupils; ++p) {
        auto first = out.begin() + begin[p], last = out.begin() + begin[p + 1];
        if (!std::is_sorted(first, last, less)) std::sort(first, last, less);
    }
    return out;
}

}  // namespace

void Dataset::index() {
    std::sort(terms.begin(), terms.end(),
              [](const Term& a, const Term& b) { return a.start < b.start; });

    index_lookups();

    const TextPool& text = *text_;
    pupils_by_ref_.resize(pupils.size());
    std::iota(pupils_by_ref_.begin(), pupils_by_ref_.end(), 0u);
    auto ref_less = [&](uint32_t a, uint32_t b) {
        return text[pupils.rows_[a].ref] < text[pupils.rows_[b].ref];
    };
    // The store reads pupils in key order: then the pupils are their own ref index
    // and the vector is not kept.
    if (std::is_sorted(pupils_by_ref_.begin(), pupils_by_ref_.end(), ref_less))
        release(pupils_by_ref_);
    else
        std::stable_sort(pupils_by_ref_.begin(), pupils_by_ref_.end(), ref_less);

    std::vector<uint32_t> pupil_of_text(text.size(), kNoPupil);
    for (uint32_t p = 0; p < pupils.size(); ++p)
        if (pupil_of_text[pupils.rows_[p].ref] == kNoPupil) pupil_of_text[pupils.rows_[p].ref] = p;
    index_events(pupil_of_text);
    index_bookings(pupil_of_text);
    text_->seal();
}

void Dataset::index_lookups() {
    school_by_urn_ = by_key(schools, [](const School& s) -> std::string_view { return s.urn; });
    staff_by_id_ = by_key(staff, [](const Staff& s) -> std::string_view { return s.staff_id; });
    case_by_ref_ =
        by_key(cases, [](const CaseState& c) -> std::string_view { return c.pupil_ref; });
}

void Dataset::index_events(const std::vector<uint32_t>& pupil_of_text) {
    using Staged = EventTable::Staged;
    std::vector<Staged> all;
    if (!events.rows_.empty()) {  // indexed before: back to staged rows, then re-grouped
        all.reserve(events.rows_.size() + events.staged_.size());
        for (size_t p = 0; p + 1 < event_begin_.size(); ++p)
            for (uint32_t i = event_begin_[p]; i < event_begin_[p + 1]; ++i)
                all.push_back(
                    {pupils.rows_[p].ref, events.staff_of(i), events.rows_[i], events.extra_of(i)});
        all.insert(all.end(), events.staged_.begin(), events.staged_.end());
    } else {
        all = std::move(events.staged_);
    }
    release(events.staged_);
    const TextPool& text = *text_;
    auto less = [&](const Staged& a, const Staged& b) {
        const uint32_t ka = a.row.detail_kind & EventTable::kKindMask,
                       kb = b.row.detail_kind & EventTable::kKindMask;
        if (a.row.date != b.row.date) return a.row.date < b.row.date;
        if (ka != kb) return ka < kb;
        if ((a.row.detail_kind >> 8) != (b.row.detail_kind >> 8))
            return text[a.row.detail_kind >> 8] < text[b.row.detail_kind >> 8];
        return text[a.staff] < text[b.staff];
    };
    auto pupil_of = [&](const Staged& s) { return pupil_of_text[s.ref]; };
    auto grouped = group_by_pupil(all, pupil_of, pupils.size(), event_begin_, less);
    release(all);
    events.rows_.resize(grouped.size());
    events.rows_.shrink_to_fit();
    events.staff_.clear();
    events.extras_.clear();
    for (size_t i = 0; i < grouped.size(); ++i) {
        events.rows_[i] = grouped[i].row;
        if (grouped[i].staff)
            events.staff_.emplace_back(static_cast<uint32_t>(i), grouped[i].staff);
        if (!grouped[i].extra.empty())
            events.extras_.emplace_back(static_cast<uint32_t>(i), grouped[i].extra);
    }
    events.staff_.shrink_to_fit();
    events.extras_.shrink_to_fit();
}

void Dataset::index_bookings(const std::vector<uint32_t>& pupil_of_text) {
    using Row = BookingTable::Row;
    std::vector<Row> all = std::move(bookings.rows_);  // indexed: `pupil` is an index
    release(bookings.rows_);
    for (Row& r : bookings.staged_) r.pupil = pupil_of_text[r.pupil];
    all.insert(all.end(), bookings.staged_.begin(), bookings.staged_.end());
    release(bookings.staged_);
    auto less = [](const Row& a, const Row& b) {
        return std::tie(a.meeting_date, a.kind) < std::tie(b.meeting_date, b.kind);
    };
    bookings.rows_ = group_by_pupil(
        all, [](const Row& r) { return r.pupil; }, pupils.size(), booking_begin_, less);
}

const School* Dataset::school(std::string_view urn) const {
    return lookup(school_by_urn_, schools, urn);
}
const Staff* Dataset::staff_member(std::string_view id) const {
    return lookup(staff_by_id_, staff, id);
}
const CaseState* Dataset::case_state(std::string_view ref) const {
    return lookup(case_by_ref_, cases, ref);
}

int Dataset::pupil_index(std::string_view ref) const {
    const TextPool& text = *text_;
    // Binary search over positions in ref order: pupils_by_ref_[i], or i itself.
    const bool own_order = pupils_by_ref_.empty();
    auto pupil_at = [&](size_t i) {
        return own_order ? static_cast<uint32_t>(i) : pupils_by_ref_[i];
    };
    size_t lo = 0, hi = own_order ? pupils.size() : pupils_by_ref_.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (text[pupils.rows_[pupil_at(mid)].ref] < ref)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == (own_order ? pupils.size() : pupils_by_ref_.size())) return -1;
    const uint32_t p = pupil_at(lo);
    return text[pupils.rows_[p].ref] == ref ? static_cast<int>(p) : -1;
}

std::optional<PupilEntry> Dataset::pupil(std::string_view ref) const {
    int i = pupil_index(ref);
    if (i < 0) return std::nullopt;
    return pupils[static_cast<size_t>(i)];
}

EventRange Dataset::events_of(size_t i) const {
    if (i + 1 >= event_begin_.size()) return {};
    return {&events, event_begin_[i], event_begin_[i + 1]};
}
BookingRange Dataset::bookings_of(size_t i) const {
    if (i + 1 >= booking_begin_.size()) return {};
    return {&bookings, booking_begin_[i], booking_begin_[i + 1]};
}
EventRange Dataset::events_of(std::string_view ref) const {
    int i = pupil_index(ref);
    return i < 0 ? EventRange{} : events_of(static_cast<size_t>(i));
}
BookingRange Dataset::bookings_of(std::string_view ref) const {
    int i = pupil_index(ref);
    return i < 0 ? BookingRange{} : bookings_of(static_cast<size_t>(i));
}

size_t Dataset::memory_bytes() const {
    return text_->memory_bytes() + pupils.rows_.capacity() * sizeof(PupilTable::Row) +
           events.rows_.capacity() * sizeof(EventTable::Row) +
           events.staff_.capacity() * sizeof(events.staff_[0]) +
           events.extras_.capacity() * sizeof(events.extras_[0]) +
           bookings.rows_.capacity() * sizeof(BookingTable::Row) +
           (pupils_by_ref_.capacity() + event_begin_.capacity() + booking_begin_.capacity()) *
               sizeof(uint32_t);
}

}  // namespace core

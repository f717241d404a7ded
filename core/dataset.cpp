#include "core/dataset.hpp"

#include <algorithm>
#include <tuple>

namespace core {
namespace {

template <typename T, typename Key>
std::unordered_map<std::string_view, size_t> by_key(const std::vector<T>& rows, Key key) {
    std::unordered_map<std::string_view, size_t> map;
    map.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) map.emplace(key(rows[i]), i);
    return map;
}

template <typename T>
const T* lookup(const std::unordered_map<std::string_view, size_t>& map,
                const std::vector<T>& rows, std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &rows[it->second];
}

// Sorts rows by pupil_ref, then each pupil's rows by `within`. The store returns rows
// already grouped by pupil (its primary key order), so usually only the small per-pupil
// sorts run, not a sort of every row by string.
template <typename Row, typename Less>
void sort_by_pupil(std::vector<Row>& rows, Less within) {
    auto by_ref = [](const Row& a, const Row& b) { return a.pupil_ref < b.pupil_ref; };
    if (!std::is_sorted(rows.begin(), rows.end(), by_ref)) std::stable_sort(rows.begin(), rows.end(), by_ref);
    auto begin = rows.begin();
    while (begin != rows.end()) {
        auto end = std::find_if(begin, rows.end(), [&](const Row& r) { return r.pupil_ref != begin->pupil_ref; });
        std::sort(begin, end, within);
        begin = end;
    }
}

}  // namespace

void Dataset::index() {
    sort_by_pupil(events, [](const Event& a, const Event& b) {
        return std::tie(a.date, a.kind, a.detail) < std::tie(b.date, b.kind, b.detail);
    });
    sort_by_pupil(bookings, [](const Booking& a, const Booking& b) {
        return std::tie(a.meeting_date, a.kind) < std::tie(b.meeting_date, b.kind);
    });
    std::sort(terms.begin(), terms.end(),
              [](const Term& a, const Term& b) { return a.start < b.start; });

    school_by_urn_ = by_key(schools, [](const School& s) -> std::string_view { return s.urn; });
    staff_by_id_ = by_key(staff, [](const Staff& s) -> std::string_view { return s.staff_id; });
    pupil_by_ref_ = by_key(pupils, [](const Pupil& p) -> std::string_view { return p.pupil_ref; });
    case_by_ref_ = by_key(cases, [](const CaseState& c) -> std::string_view { return c.pupil_ref; });

    event_range_.assign(pupils.size(), Range{});
    booking_range_.assign(pupils.size(), Range{});
    auto fill = [this](const auto& rows, std::vector<Range>& ranges) {
        size_t i = 0;
        while (i < rows.size()) {
            size_t j = i;
            while (j < rows.size() && rows[j].pupil_ref == rows[i].pupil_ref) ++j;
            auto it = pupil_by_ref_.find(rows[i].pupil_ref);
            if (it != pupil_by_ref_.end())
                ranges[it->second] = Range{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
            i = j;
        }
    };
    fill(events, event_range_);
    fill(bookings, booking_range_);
}

const School* Dataset::school(std::string_view urn) const {
    return lookup(school_by_urn_, schools, urn);
}
const Staff* Dataset::staff_member(std::string_view id) const {
    return lookup(staff_by_id_, staff, id);
}
const Pupil* Dataset::pupil(std::string_view ref) const {
    return lookup(pupil_by_ref_, pupils, ref);
}
const CaseState* Dataset::case_state(std::string_view ref) const {
    return lookup(case_by_ref_, cases, ref);
}

int Dataset::pupil_index(std::string_view ref) const {
    auto it = pupil_by_ref_.find(ref);
    return it == pupil_by_ref_.end() ? -1 : static_cast<int>(it->second);
}

std::span<const Event> Dataset::events_of(size_t i) const {
    if (i >= event_range_.size()) return {};
    auto r = event_range_[i];
    return std::span<const Event>(events).subspan(r.begin, r.end - r.begin);
}
std::span<const Booking> Dataset::bookings_of(size_t i) const {
    if (i >= booking_range_.size()) return {};
    auto r = booking_range_[i];
    return std::span<const Booking>(bookings).subspan(r.begin, r.end - r.begin);
}
std::span<const Event> Dataset::events_of(std::string_view ref) const {
    int i = pupil_index(ref);
    return i < 0 ? std::span<const Event>{} : events_of(static_cast<size_t>(i));
}
std::span<const Booking> Dataset::bookings_of(std::string_view ref) const {
    int i = pupil_index(ref);
    return i < 0 ? std::span<const Booking>{} : bookings_of(static_cast<size_t>(i));
}

}  // namespace core

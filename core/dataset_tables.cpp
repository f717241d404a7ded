#include "core/dataset_tables.hpp"

#include <algorithm>

static_assert(core::kEventKindCount <= 0x40, "EventTable packs the kind into 6 bits");

namespace core {

void PupilTable::push_back(const Pupil& p) {
    rows_.emplace_back();
    replace(rows_.size() - 1, p);
}

void PupilTable::replace(size_t i, const Pupil& p) {
    Row& r = rows_.at(i);
    r.ref = text_->intern(p.pupil_ref);
    r.school_urn = text_->intern(p.school_urn);
    r.initials = text_->intern(p.initials);
    r.first_name = text_->intern(p.first_name);
    r.last_name = text_->intern(p.last_name);
    r.year_group = static_cast<int8_t>(p.year_group < -1 || p.year_group > 127 ? -1 : p.year_group);
    r.need_area = p.need_area;
}

Pupil PupilTable::record(size_t i) const {
    const PupilEntry e = at(i);
    return {std::string(e.pupil_ref),
            std::string(e.school_urn),
            std::string(e.initials),
            std::string(e.first_name),
            std::string(e.last_name),
            e.year_group,
            e.need_area};
}

const PupilEntry PupilTable::operator[](size_t i) const {
    const Row& r = rows_[i];
    const TextPool& t = *text_;
    return {t[r.ref],       t[r.school_urn], t[r.initials], t[r.first_name],
            t[r.last_name], r.year_group,    r.need_area};
}

const PupilEntry PupilTable::at(size_t i) const {
    if (i >= rows_.size()) throw std::out_of_range("pupil index out of range");
    return (*this)[i];
}

void EventTable::add(std::string_view pupil_ref, EventKind kind, Date date, std::string_view detail,
                     std::string_view staff_id, std::string_view note, std::string_view owner,
                     std::optional<Date> review_date) {
    const uint32_t detail_id = text_->intern(detail);
    if (detail_id >= (1u << 24))
        throw std::length_error("more than 16 million distinct event details");
    const uint32_t staff = text_->intern(staff_id);
    Extra extra{text_->intern(note), text_->intern(owner), review_date.value_or(Date{}),
                review_date.has_value()};
    staged_.push_back({text_->intern(pupil_ref), staff,
                       Row{date, detail_id << 8 | (staff ? kHasStaff : 0) |
                                     (extra.empty() ? 0 : kHasExtra) | static_cast<uint32_t>(kind)},
                       extra});
}

uint32_t EventTable::staff_lookup(uint32_t row) const {
    auto it = std::lower_bound(staff_.begin(), staff_.end(), std::pair<uint32_t, uint32_t>{row, 0});
    return it != staff_.end() && it->first == row ? it->second : 0;
}

EventTable::Extra EventTable::extra_lookup(uint32_t row) const {
    auto it = std::lower_bound(extras_.begin(), extras_.end(), row,
                               [](const auto& entry, uint32_t r) { return entry.first < r; });
    return it != extras_.end() && it->first == row ? it->second : Extra{};
}

void EventTable::add_extra(uint32_t row, EventEntry& e) const {
    const Extra extra = extra_lookup(row);
    e.note = (*text_)[extra.note];
    e.owner = (*text_)[extra.owner];
    if (extra.has_review_date) e.review_date = extra.review_date;
}

void BookingTable::add(std::string_view pupil_ref, BookingKind kind, Date meeting_date,
                       std::string_view district, std::string_view group,
                       std::optional<Date> paperwork_received) {
    Row r;
    r.meeting_date = meeting_date;
    r.paperwork_received = paperwork_received.value_or(Date{});
    r.has_paperwork_received = paperwork_received.has_value();
    r.pupil = text_->intern(pupil_ref);
    r.district = text_->intern(district);
    r.group = text_->intern(group);
    r.kind = kind;
    staged_.push_back(r);
}

const BookingEntry BookingTable::operator[](size_t i) const {
    const Row& r = rows_[i];
    BookingEntry e;
    e.index = static_cast<uint32_t>(i);
    e.pupil = r.pupil;
    e.kind = r.kind;
    e.meeting_date = r.meeting_date;
    e.district = (*text_)[r.district];
    e.group = (*text_)[r.group];
    if (r.has_paperwork_received) e.paperwork_received = r.paperwork_received;
    return e;
}

}  // namespace core

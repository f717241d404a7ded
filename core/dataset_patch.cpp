// Dataset::patched: the next Dataset after an edit, made from the previous one instead
// of the store. Untouched pupils' rows are copied in runs (a memcpy per run between
// touched pupils, row indices of the side tables shifted), the touched pupils' rows are
// put in the order index() gives them, and the few new texts are appended to a copy of
// the text pool: the ids of every copied row stay valid, and the pool's dedupe table is
// not rebuilt over half a million texts for one edit. The big tables are reserved at
// their final sizes and hinted to huge pages (huge_pages.hpp): each is written once, into
// memory faulted in 2 MB at a time.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>

#include "core/dataset.hpp"
#include "core/huge_pages.hpp"

namespace core {
namespace {

// Interns the patch's texts in the copied pool: a text the touched pupils already had
// keeps its id, a new one is appended once.
class PatchTexts {
  public:
    explicit PatchTexts(TextPool& pool) : pool_(pool) {}
    void know(uint32_t id) {
        if (id) ids_.emplace(std::string(pool_[id]), id);
    }
    uint32_t id(std::string_view text) {
        if (text.empty()) return 0;
        auto it = ids_.find(std::string(text));
        if (it != ids_.end()) return it->second;
        const uint32_t added = pool_.append(text);
        ids_.emplace(std::string(text), added);
        return added;
    }

  private:
    TextPool& pool_;
    std::unordered_map<std::string, uint32_t> ids_;
};

size_t text_bytes(const DatasetPatch& patch) {
    size_t n = 0;
    for (const Pupil& p : patch.records)
        n += p.pupil_ref.size() + p.school_urn.size() + p.initials.size() + p.first_name.size() +
             p.last_name.size();
    for (const Event& e : patch.events)
        n += e.detail.size() + e.staff_id.size() + e.note.size() + e.owner.size();
    for (const Booking& b : patch.bookings) n += b.district.size() + b.group.size();
    return n;
}

// Entries of `side` (sorted by row) for rows [first, last), moved by `shift` into `out`.
template <typename Entry>
void copy_side(const std::vector<Entry>& side, uint32_t first, uint32_t last, int64_t shift,
               std::vector<Entry>& out) {
    auto from = std::lower_bound(side.begin(), side.end(), first,
                                 [](const Entry& e, uint32_t row) { return e.first < row; });
    for (; from != side.end() && from->first < last; ++from) {
        out.push_back(*from);
        out.back().first = static_cast<uint32_t>(static_cast<int64_t>(from->first) + shift);
    }
}

}  // namespace

Dataset Dataset::patched(const Dataset& base, DatasetPatch patch) {
    if (patch.records.size() != patch.pupils.size() ||
        !std::is_sorted(patch.pupils.begin(), patch.pupils.end()) ||
        std::adjacent_find(patch.pupils.begin(), patch.pupils.end()) != patch.pupils.end() ||
        (!patch.pupils.empty() && patch.pupils.back() >= base.pupils.size()))
        throw std::logic_error("dataset patch: pupils not ascending indices of the base");
    if (base.event_begin_.size() != base.pupils.size() + 1 ||
        base.booking_begin_.size() != base.pupils.size() + 1 || !base.events.staged_.empty() ||
        !base.bookings.staged_.empty())
        throw std::logic_error("dataset patch: the base is not indexed");

    Dataset d;
    *d.text_ = *base.text_;
    d.text_->reserve_more(text_bytes(patch), 5 * patch.records.size() + 4 * patch.events.size() +
                                                 2 * patch.bookings.size());
    d.schools = base.schools;
    d.terms = base.terms;
    d.lift_groups = base.lift_groups;
    d.staff = base.staff;
    d.meetings = base.meetings;
    d.surgeries = base.surgeries;
    d.cases = std::move(patch.cases);
    d.conflicts = std::move(patch.conflicts);
    d.newer_version_rows = base.newer_version_rows;
    d.pupils_by_ref_ = base.pupils_by_ref_;

    // Which patch slot each touched pupil has; the texts its rows had.
    const size_t pupil_count = base.pupils.size();
    std::unordered_map<uint32_t, size_t> slot_of;
    PatchTexts texts(*d.text_);
    for (size_t k = 0; k < patch.pupils.size(); ++k) {
        const uint32_t p = patch.pupils[k];
        slot_of.emplace(p, k);
        const PupilTable::Row& r = base.pupils.rows_[p];
        for (uint32_t id : {r.ref, r.school_urn, r.initials, r.first_name, r.last_name})
            texts.know(id);
        for (uint32_t i = base.event_begin_[p]; i < base.event_begin_[p + 1]; ++i) {
            texts.know(base.events.rows_[i].detail_kind >> 8);
            texts.know(base.events.staff_of(i));
            const EventTable::Extra x = base.events.extra_of(i);
            texts.know(x.note);
            texts.know(x.owner);
        }
        for (uint32_t i = base.booking_begin_[p]; i < base.booking_begin_[p + 1]; ++i) {
            texts.know(base.bookings.rows_[i].district);
            texts.know(base.bookings.rows_[i].group);
        }
    }
    auto slot = [&](std::string_view ref) {
        const int p = base.pupil_index(ref);
        auto it = p < 0 ? slot_of.end() : slot_of.find(static_cast<uint32_t>(p));
        if (it == slot_of.end())
            throw std::logic_error("dataset patch: a row of pupil " + std::string(ref) +
                                   ", not one of the patched pupils");
        return it->second;
    };

    // Pupils: the same rows, the touched ones rewritten (same ref, so the same order).
    d.pupils.rows_.reserve(base.pupils.rows_.size());
    prefer_huge_pages(d.pupils.rows_);
    d.pupils.rows_ = base.pupils.rows_;
    for (size_t k = 0; k < patch.pupils.size(); ++k) {
        const Pupil& p = patch.records[k];
        if (p.pupil_ref != base.pupils[patch.pupils[k]].pupil_ref)
            throw std::logic_error("dataset patch: pupil " + p.pupil_ref + " changed its ref");
        PupilTable::Row& r = d.pupils.rows_[patch.pupils[k]];
        r.ref = texts.id(p.pupil_ref);
        r.school_urn = texts.id(p.school_urn);
        r.initials = texts.id(p.initials);
        r.first_name = texts.id(p.first_name);
        r.last_name = texts.id(p.last_name);
        r.year_group =
            static_cast<int8_t>(p.year_group < -1 || p.year_group > 127 ? -1 : p.year_group);
        r.need_area = p.need_area;
    }

    // The touched pupils' events and bookings, by slot, in index()'s order.
    std::vector<std::vector<const Event*>> events_of(patch.pupils.size());
    for (const Event& e : patch.events) events_of[slot(e.pupil_ref)].push_back(&e);
    for (auto& list : events_of)
        std::sort(list.begin(), list.end(), [](const Event* a, const Event* b) {
            return std::tie(a->date, a->kind, a->detail, a->staff_id) <
                   std::tie(b->date, b->kind, b->detail, b->staff_id);
        });
    std::vector<std::vector<const Booking*>> bookings_of(patch.pupils.size());
    for (const Booking& b : patch.bookings) bookings_of[slot(b.pupil_ref)].push_back(&b);
    for (auto& list : bookings_of)
        std::sort(list.begin(), list.end(), [](const Booking* a, const Booking* b) {
            return std::tie(a->meeting_date, a->kind) < std::tie(b->meeting_date, b->kind);
        });

    // Events: runs of untouched pupils copied whole, touched pupils' rows in between. The
    // tables are reserved at their final sizes: a vector grown past them, or shrunk to
    // them afterwards, would copy (and fault in) every row a second time.
    EventTable& ev = d.events;
    BookingTable& bk = d.bookings;
    size_t event_rows = base.events.rows_.size() + patch.events.size(),
           staff_rows = base.events.staff_.size(), extra_rows = base.events.extras_.size(),
           booking_rows = base.bookings.rows_.size() + patch.bookings.size();
    auto side_count = [](const auto& side, uint32_t first, uint32_t last) {
        auto row_less = [](const auto& e, uint32_t row) { return e.first < row; };
        return static_cast<size_t>(std::lower_bound(side.begin(), side.end(), last, row_less) -
                                   std::lower_bound(side.begin(), side.end(), first, row_less));
    };
    for (uint32_t p : patch.pupils) {
        const uint32_t ef = base.event_begin_[p], el = base.event_begin_[p + 1];
        event_rows -= el - ef;
        staff_rows -= side_count(base.events.staff_, ef, el);
        extra_rows -= side_count(base.events.extras_, ef, el);
        booking_rows -= base.booking_begin_[p + 1] - base.booking_begin_[p];
    }
    for (const Event& e : patch.events) {
        if (!e.staff_id.empty()) ++staff_rows;
        if (!e.note.empty() || !e.owner.empty() || e.review_date) ++extra_rows;
    }
    ev.rows_.reserve(event_rows);
    prefer_huge_pages(ev.rows_);
    ev.staff_.reserve(staff_rows);
    ev.extras_.reserve(extra_rows);
    d.event_begin_.assign(pupil_count + 1, 0);
    bk.rows_.reserve(booking_rows);
    prefer_huge_pages(bk.rows_);
    d.booking_begin_.assign(pupil_count + 1, 0);

    uint32_t run_start = 0;                     // first pupil of the untouched run being copied
    auto copy_run = [&](uint32_t last_pupil) {  // pupils [run_start, last_pupil)
        if (run_start >= last_pupil) return;
        const uint32_t ef = base.event_begin_[run_start], el = base.event_begin_[last_pupil];
        const int64_t eshift = static_cast<int64_t>(ev.rows_.size()) - ef;
        ev.rows_.insert(ev.rows_.end(), base.events.rows_.begin() + ef,
                        base.events.rows_.begin() + el);
        copy_side(base.events.staff_, ef, el, eshift, ev.staff_);
        copy_side(base.events.extras_, ef, el, eshift, ev.extras_);
        const uint32_t bf = base.booking_begin_[run_start], bl = base.booking_begin_[last_pupil];
        const int64_t bshift = static_cast<int64_t>(bk.rows_.size()) - bf;
        bk.rows_.insert(bk.rows_.end(), base.bookings.rows_.begin() + bf,
                        base.bookings.rows_.begin() + bl);
        for (uint32_t p = run_start; p < last_pupil; ++p) {
            d.event_begin_[p] = static_cast<uint32_t>(base.event_begin_[p] + eshift);
            d.booking_begin_[p] = static_cast<uint32_t>(base.booking_begin_[p] + bshift);
        }
    };
    for (size_t k = 0; k < patch.pupils.size(); ++k) {
        const uint32_t p = patch.pupils[k];
        copy_run(p);
        d.event_begin_[p] = static_cast<uint32_t>(ev.rows_.size());
        for (const Event* e : events_of[k]) {
            const uint32_t detail = texts.id(e->detail);
            if (detail >= (1u << 24))
                throw std::length_error("more than 16 million distinct event details");
            const uint32_t staff = texts.id(e->staff_id);
            EventTable::Extra extra{texts.id(e->note), texts.id(e->owner),
                                    e->review_date.value_or(Date{}), e->review_date.has_value()};
            const auto row = static_cast<uint32_t>(ev.rows_.size());
            ev.rows_.push_back({e->date, detail << 8 | (staff ? EventTable::kHasStaff : 0) |
                                             (extra.empty() ? 0 : EventTable::kHasExtra) |
                                             static_cast<uint32_t>(e->kind)});
            if (staff) ev.staff_.emplace_back(row, staff);
            if (!extra.empty()) ev.extras_.emplace_back(row, extra);
        }
        d.booking_begin_[p] = static_cast<uint32_t>(bk.rows_.size());
        for (const Booking* b : bookings_of[k]) {
            BookingTable::Row r;
            r.meeting_date = b->meeting_date;
            r.paperwork_received = b->paperwork_received.value_or(Date{});
            r.has_paperwork_received = b->paperwork_received.has_value();
            r.pupil = p;
            r.district = texts.id(b->district);
            r.group = texts.id(b->group);
            r.kind = b->kind;
            bk.rows_.push_back(r);
        }
        run_start = p + 1;
    }
    copy_run(static_cast<uint32_t>(pupil_count));
    d.event_begin_[pupil_count] = static_cast<uint32_t>(ev.rows_.size());
    d.booking_begin_[pupil_count] = static_cast<uint32_t>(bk.rows_.size());
    if (ev.rows_.size() != event_rows || ev.staff_.size() != staff_rows ||
        ev.extras_.size() != extra_rows || bk.rows_.size() != booking_rows)
        throw std::logic_error("dataset patch: a table's size was reckoned wrong");

    d.index_lookups();
    return d;
}

}  // namespace core

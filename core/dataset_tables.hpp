// The three big tables of the Dataset (pupils, events, bookings) packed for a 100k-pupil
// store: fixed-size rows of integers and dates whose texts live in the Dataset's
// TextPool. Reading a row gives an *Entry: a small value with string_views into the
// pool, valid as long as the Dataset (and until more rows are added to it).
//
// Rows are added with push_back (the records importers produce, or views of them) and
// become readable in their final order when Dataset::index() runs: events and bookings
// grouped by pupil, each pupil's in date order. Rows of a pupil the Dataset does not hold
// are dropped then: nothing could reach them.
#pragma once

#include <cstdint>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "core/domain.hpp"
#include "core/text_pool.hpp"

namespace core {

struct PupilEntry {
    std::string_view pupil_ref, school_urn, initials, first_name, last_name;
    int year_group = -1;
    NeedArea need_area = NeedArea::none;
};

struct EventEntry {
    EventKind kind = EventKind::concern_raised;
    Date date;
    std::string_view detail, staff_id;
    std::string_view note{}, owner{};
    std::optional<Date> review_date{};
};

struct BookingEntry {
    uint32_t index = 0;  // position in Dataset::bookings: how the rules tell bookings apart
    uint32_t pupil = 0;  // index into Dataset::pupils
    BookingKind kind = BookingKind::lift;
    Date meeting_date;
    std::string_view district, group;
    std::optional<Date> paperwork_received;
};

// Random access over a table's rows, yielding entries by value.
template <typename Table>
class EntryIterator {
  public:
    using value_type = typename Table::Entry;
    using reference = const value_type;  // a copy: assigning to it would be lost
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::random_access_iterator_tag;
    using iterator_concept = std::random_access_iterator_tag;

    EntryIterator() = default;
    EntryIterator(const Table* table, size_t i) : table_(table), i_(i) {}
    reference operator*() const { return (*table_)[i_]; }
    reference operator[](difference_type n) const { return (*table_)[i_ + static_cast<size_t>(n)]; }
    EntryIterator& operator++() {
        ++i_;
        return *this;
    }
    EntryIterator operator++(int) {
        auto old = *this;
        ++i_;
        return old;
    }
    EntryIterator& operator--() {
        --i_;
        return *this;
    }
    EntryIterator operator--(int) {
        auto old = *this;
        --i_;
        return old;
    }
    EntryIterator& operator+=(difference_type n) {
        i_ += static_cast<size_t>(n);
        return *this;
    }
    EntryIterator& operator-=(difference_type n) {
        i_ -= static_cast<size_t>(n);
        return *this;
    }
    friend EntryIterator operator+(EntryIterator it, difference_type n) { return it += n; }
    friend EntryIterator operator+(difference_type n, EntryIterator it) { return it += n; }
    friend EntryIterator operator-(EntryIterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(EntryIterator a, EntryIterator b) {
        return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(EntryIterator a, EntryIterator b) { return a.i_ == b.i_; }
    friend auto operator<=>(EntryIterator a, EntryIterator b) { return a.i_ <=> b.i_; }

  private:
    const Table* table_ = nullptr;
    size_t i_ = 0;
};

// A run of consecutive rows: one pupil's events or bookings.
template <typename Table>
class EntryRange {
  public:
    using Entry = typename Table::Entry;
    EntryRange() = default;
    EntryRange(const Table* table, size_t first, size_t last)
        : table_(table), first_(first), last_(last) {}
    EntryIterator<Table> begin() const { return {table_, first_}; }
    EntryIterator<Table> end() const { return {table_, last_}; }
    size_t size() const { return last_ - first_; }
    bool empty() const { return first_ == last_; }
    const Entry operator[](size_t i) const { return (*table_)[first_ + i]; }
    const Entry front() const { return (*table_)[first_]; }
    const Entry back() const { return (*table_)[last_ - 1]; }

  private:
    const Table* table_ = nullptr;
    size_t first_ = 0, last_ = 0;
};

class PupilTable {
  public:
    using Entry = PupilEntry;
    explicit PupilTable(TextPool* text) : text_(text) {}

    void push_back(const Pupil& p);
    // Overwrites pupil i (call Dataset::index() again if the ref changed).
    void replace(size_t i, const Pupil& p);
    // The record pupil i was made from.
    Pupil record(size_t i) const;
    void reserve(size_t n) { rows_.reserve(n); }
    size_t size() const { return rows_.size(); }
    bool empty() const { return rows_.empty(); }
    const PupilEntry operator[](size_t i) const;  // const: a copy, not for assigning to
    const PupilEntry at(size_t i) const;
    EntryIterator<PupilTable> begin() const { return {this, 0}; }
    EntryIterator<PupilTable> end() const { return {this, rows_.size()}; }

  private:
    friend struct Dataset;
    friend class DatasetImage;
    struct Row {
        uint32_t ref = 0, school_urn = 0, initials = 0, first_name = 0, last_name = 0;
        int8_t year_group = -1;
        NeedArea need_area = NeedArea::none;
    };
    TextPool* text_;
    std::vector<Row> rows_;
};

class EventTable {
  public:
    using Entry = EventEntry;
    explicit EventTable(TextPool* text) : text_(text) {}

    void push_back(const Event& e) {
        add(e.pupil_ref, e.kind, e.date, e.detail, e.staff_id, e.note, e.owner, e.review_date);
    }
    void add(std::string_view pupil_ref, EventKind kind, Date date, std::string_view detail,
             std::string_view staff_id, std::string_view note = {}, std::string_view owner = {},
             std::optional<Date> review_date = std::nullopt);
    void reserve(size_t n) { staged_.reserve(n); }
    // Rows indexed so far plus rows waiting for Dataset::index().
    size_t size() const { return rows_.size() + staged_.size(); }
    bool empty() const { return size() == 0; }
    // Indexed rows, grouped by pupil, each pupil's by date.
    const EventEntry operator[](size_t i) const {
        const Row& r = rows_[i];
        EventEntry e{static_cast<EventKind>(r.detail_kind & kKindMask), r.date,
                     (*text_)[r.detail_kind >> 8], (*text_)[staff_of(i)]};
        if (r.detail_kind & kHasExtra) add_extra(static_cast<uint32_t>(i), e);
        return e;
    }
    EntryIterator<EventTable> begin() const { return {this, 0}; }
    EntryIterator<EventTable> end() const { return {this, rows_.size()}; }

  private:
    friend struct Dataset;
    friend class DatasetImage;
    // 8 bytes: a million events in 8 MB. Few events name a member of staff (visits,
    // cases opened) or carry a note, owner or review date, so those sit in side
    // tables, flagged in the row.
    struct Row {
        Date date;
        uint32_t detail_kind = 0;  // detail text id << 8 | kHasStaff | kHasExtra | EventKind
    };
    static constexpr uint32_t kKindMask = 0x3f, kHasExtra = 0x40, kHasStaff = 0x80;
    struct Extra {
        uint32_t note = 0, owner = 0;  // text ids
        Date review_date;
        bool has_review_date = false;
        bool empty() const { return !note && !owner && !has_review_date; }
    };
    struct Staged {
        uint32_t ref = 0;  // pupil_ref text id
        uint32_t staff = 0;
        Row row;
        Extra extra;
    };
    // Text id of row i's staff id (0, "", when it names none).
    uint32_t staff_of(size_t i) const {
        return rows_[i].detail_kind & kHasStaff ? staff_lookup(static_cast<uint32_t>(i)) : 0;
    }
    uint32_t staff_lookup(uint32_t row) const;
    // Row i's note, owner and review date (an empty Extra when it has none).
    Extra extra_of(size_t i) const {
        return rows_[i].detail_kind & kHasExtra ? extra_lookup(static_cast<uint32_t>(i)) : Extra{};
    }
    Extra extra_lookup(uint32_t row) const;
    void add_extra(uint32_t row, EventEntry& e) const;

    TextPool* text_;
    std::vector<Row> rows_;
    std::vector<std::pair<uint32_t, uint32_t>> staff_;  // (row, staff text id) by row
    std::vector<std::pair<uint32_t, Extra>> extras_;    // (row, extra) by row
    std::vector<Staged> staged_;
};

class BookingTable {
  public:
    using Entry = BookingEntry;
    explicit BookingTable(TextPool* text) : text_(text) {}

    void push_back(const Booking& b) {
        add(b.pupil_ref, b.kind, b.meeting_date, b.district, b.group, b.paperwork_received);
    }
    void add(std::string_view pupil_ref, BookingKind kind, Date meeting_date,
             std::string_view district, std::string_view group,
             std::optional<Date> paperwork_received);
    void reserve(size_t n) { staged_.reserve(n); }
    size_t size() const { return rows_.size() + staged_.size(); }
    bool empty() const { return size() == 0; }
    const BookingEntry operator[](size_t i) const;
    EntryIterator<BookingTable> begin() const { return {this, 0}; }
    EntryIterator<BookingTable> end() const { return {this, rows_.size()}; }

  private:
    friend struct Dataset;
    friend class DatasetImage;
    struct Row {
        Date meeting_date, paperwork_received;
        uint32_t pupil = 0;  // pupil_ref text id while staged, pupil index once indexed
        uint32_t district = 0, group = 0;
        BookingKind kind = BookingKind::lift;
        bool has_paperwork_received = false;
    };
    TextPool* text_;
    std::vector<Row> rows_;
    std::vector<Row> staged_;
};

using EventRange = EntryRange<EventTable>;
using BookingRange = EntryRange<BookingTable>;

}  // namespace core

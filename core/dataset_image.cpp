// Writes and reads the image dataset_image.hpp describes. The big arrays (event rows, the
// text pool's offsets, the per-pupil begin indices) go as bulk copies; rows with padding,
// bools or enums go field by field, so no padding byte is written and no bool or enum is
// ever loaded from an unchecked byte.
#include "core/dataset_image.hpp"

#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace core {
namespace {

constexpr char kMagic[8] = {'L', 'B', 'D', 'S', 'I', 'M', 'G', '\n'};
constexpr uint32_t kByteOrder = 0x01020304;

struct ImageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A checksum of the body: damage that leaves every id in range (a flipped bit in a
// date) must be refused too. Eight bytes a step, a multiply and a rotate: ~10 ms for
// the 20 MB of a 100k-pupil district.
uint64_t checksum(std::string_view bytes) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
        h = (h << 31) | (h >> 33);
    }
    for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
    h ^= h >> 29;
    return h * 0x94D049BB133111EBull;
}

class Out {
  public:
    template <typename T>
    void put(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void text(std::string_view s) {
        put(static_cast<uint32_t>(s.size()));
        bytes_.append(s);
    }
    template <typename T>
    void bulk(const std::vector<T>& rows) {
        static_assert(std::is_trivially_copyable_v<T>);
        put(static_cast<uint64_t>(rows.size()));
        bytes_.append(reinterpret_cast<const char*>(rows.data()), rows.size() * sizeof(T));
    }
    std::string& bytes() { return bytes_; }

  private:
    std::string bytes_;
};

class In {
  public:
    explicit In(std::string_view bytes) : rest_(bytes) {}
    template <typename T>
    T get() {
        static_assert(std::is_trivially_copyable_v<T> && !std::is_same_v<T, bool> &&
                      !std::is_enum_v<T>);
        need(sizeof(T));
        T value;
        std::memcpy(&value, rest_.data(), sizeof value);
        rest_.remove_prefix(sizeof value);
        return value;
    }
    // An enum stored as a byte, refused past `last`.
    template <typename E>
    E choice(E last) {
        const auto v = get<uint8_t>();
        if (v > static_cast<uint8_t>(last)) throw ImageError("an enum value out of range");
        return static_cast<E>(v);
    }
    bool flag() { return choice<uint8_t>(1) != 0; }
    std::string text() { return std::string(raw(get<uint32_t>())); }
    template <typename T>
    std::vector<T> bulk() {
        const auto n = get<uint64_t>();
        if (n > rest_.size() / sizeof(T)) throw ImageError("truncated");
        std::vector<T> rows(n);
        if (n) std::memcpy(rows.data(), rest_.data(), n * sizeof(T));
        rest_.remove_prefix(n * sizeof(T));
        return rows;
    }
    // A row count, refused when the bytes left cannot hold that many of `min_row_bytes`.
    size_t count(size_t min_row_bytes) {
        const auto n = get<uint64_t>();
        if (n > rest_.size() / min_row_bytes) throw ImageError("truncated");
        return n;
    }
    std::string_view raw(size_t n) {
        need(n);
        const std::string_view bytes = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return bytes;
    }
    bool done() const { return rest_.empty(); }

  private:
    void need(size_t n) const {
        if (n > rest_.size()) throw ImageError("truncated");
    }
    std::string_view rest_;
};

void check(bool ok, const char* what) {
    if (!ok) throw ImageError(what);
}

}  // namespace

class DatasetImage {
  public:
    static std::string write(const Dataset& d);
    static Dataset read(std::string_view body);
    static void put_header(Out& out, std::string_view body);
    // Sizes of the packed rows: a layout changed without a version bump is still caught.
    static constexpr uint32_t kRowSizes[] = {sizeof(PupilTable::Row), sizeof(EventTable::Row),
                                             sizeof(EventTable::Extra), sizeof(BookingTable::Row),
                                             kEventKindCount};
};

void DatasetImage::put_header(Out& out, std::string_view body) {
    out.bytes().append(kMagic, sizeof kMagic);
    out.put(kDatasetImageVersion);
    out.put(kByteOrder);
    for (uint32_t size : kRowSizes) out.put(size);
    out.put(static_cast<uint64_t>(body.size()));
    out.put(checksum(body));
}

std::string DatasetImage::write(const Dataset& d) {
    if (!d.events.staged_.empty() || !d.bookings.staged_.empty() ||
        d.event_begin_.size() != d.pupils.size() + 1 ||
        d.booking_begin_.size() != d.pupils.size() + 1)
        throw std::logic_error("dataset image: the dataset is not indexed");
    static_assert(std::is_trivially_copyable_v<EventTable::Row> && sizeof(EventTable::Row) == 8,
                  "event rows are copied in bulk: no padding");
    Out out;
    out.put(static_cast<uint64_t>(d.text_->chars_.size()));
    out.bytes().append(d.text_->chars_);
    out.bulk(d.text_->begin_);

    out.put(static_cast<uint64_t>(d.schools.size()));
    for (const School& s : d.schools)
        for (const std::string* f : {&s.urn, &s.name, &s.district, &s.lift_group, &s.phase})
            out.text(*f);
    out.put(static_cast<uint64_t>(d.terms.size()));
    for (const Term& t : d.terms) {
        out.text(t.academic_year);
        out.put(static_cast<uint8_t>(t.term));
        out.put(t.start.days);
        out.put(t.end.days);
    }
    out.put(static_cast<uint64_t>(d.lift_groups.size()));
    for (const LiftGroupAssignment& g : d.lift_groups) {
        out.text(g.urn);
        out.text(g.academic_year);
        out.put(static_cast<uint8_t>(g.term));
        out.text(g.group);
    }
    out.put(static_cast<uint64_t>(d.staff.size()));
    for (const Staff& s : d.staff) {
        out.text(s.staff_id);
        out.text(s.name);
        out.put(static_cast<uint8_t>(s.role));
        out.text(s.district);
    }
    out.put(static_cast<uint64_t>(d.meetings.size()));
    for (const LiftMeeting& m : d.meetings) {
        out.text(m.district);
        out.text(m.group);
        out.put(m.meeting_date.days);
        out.put(m.paperwork_deadline.days);
        out.text(m.venue);
    }
    out.put(static_cast<uint64_t>(d.surgeries.size()));
    for (const Surgery& s : d.surgeries) {
        out.text(s.district);
        out.put(s.surgery_date.days);
        out.text(s.venue);
        out.text(s.staff_id);
    }

    out.put(static_cast<uint64_t>(d.pupils.rows_.size()));
    for (const PupilTable::Row& r : d.pupils.rows_) {
        for (uint32_t id : {r.ref, r.school_urn, r.initials, r.first_name, r.last_name})
            out.put(id);
        out.put(r.year_group);
        out.put(static_cast<uint8_t>(r.need_area));
    }
    out.bulk(d.events.rows_);
    out.put(static_cast<uint64_t>(d.events.staff_.size()));
    for (const auto& [row, staff] : d.events.staff_) {
        out.put(row);
        out.put(staff);
    }
    out.put(static_cast<uint64_t>(d.events.extras_.size()));
    for (const auto& [row, x] : d.events.extras_) {
        out.put(row);
        out.put(x.note);
        out.put(x.owner);
        out.put(x.review_date.days);
        out.put(static_cast<uint8_t>(x.has_review_date));
    }
    out.put(static_cast<uint64_t>(d.bookings.rows_.size()));
    for (const BookingTable::Row& r : d.bookings.rows_) {
        out.put(r.meeting_date.days);
        out.put(r.paperwork_received.days);
        out.put(r.pupil);
        out.put(r.district);
        out.put(r.group);
        out.put(static_cast<uint8_t>(r.kind));
        out.put(static_cast<uint8_t>(r.has_paperwork_received));
    }

    out.put(static_cast<uint64_t>(d.cases.size()));
    for (const CaseState& c : d.cases) {
        out.text(c.pupil_ref);
        out.text(c.assigned_staff_id);
        out.put(static_cast<int32_t>(c.priority));
    }
    out.put(static_cast<uint64_t>(d.conflicts.size()));
    for (const SyncConflict& c : d.conflicts) {
        out.put(c.id);
        for (const std::string* f : {&c.pupil_ref, &c.what, &c.who, &c.edited_at, &c.detected_at,
                                     &c.mine, &c.theirs, &c.reason})
            out.text(*f);
    }
    out.put(static_cast<uint64_t>(d.newer_version_rows));
    out.bulk(d.pupils_by_ref_);
    out.bulk(d.event_begin_);
    out.bulk(d.booking_begin_);

    Out image;
    put_header(image, out.bytes());
    image.bytes().append(out.bytes());
    return std::move(image.bytes());
}

Dataset DatasetImage::read(std::string_view body) {
    In in(body);
    Dataset d;
    TextPool& pool = *d.text_;
    pool.chars_ = in.raw(in.get<uint64_t>());
    pool.begin_ = in.bulk<uint32_t>();
    check(pool.begin_.size() >= 2 && pool.begin_[0] == 0 && pool.begin_[1] == 0,
          "the text pool does not start with the empty text");
    for (size_t i = 1; i < pool.begin_.size(); ++i)
        check(pool.begin_[i - 1] <= pool.begin_[i], "text pool offsets out of order");
    check(pool.begin_.back() == pool.chars_.size(), "text pool offsets past its end");
    const size_t texts = pool.size();
    auto text_id = [&](uint32_t id) {
        check(id < texts, "a text id out of range");
        return id;
    };

    d.schools.resize(in.count(5 * 4));
    for (School& s : d.schools)
        for (std::string* f : {&s.urn, &s.name, &s.district, &s.lift_group, &s.phase})
            *f = in.text();
    d.terms.resize(in.count(13));
    for (Term& t : d.terms) {
        t.academic_year = in.text();
        t.term = in.choice(TermName::summer);
        t.start.days = in.get<int32_t>();
        t.end.days = in.get<int32_t>();
    }
    d.lift_groups.resize(in.count(13));
    for (LiftGroupAssignment& g : d.lift_groups) {
        g.urn = in.text();
        g.academic_year = in.text();
        g.term = in.choice(TermName::summer);
        g.group = in.text();
    }
    d.staff.resize(in.count(13));
    for (Staff& s : d.staff) {
        s.staff_id = in.text();
        s.name = in.text();
        s.role = in.choice(Role::outreach);
        s.district = in.text();
    }
    d.meetings.resize(in.count(20));
    for (LiftMeeting& m : d.meetings) {
        m.district = in.text();
        m.group = in.text();
        m.meeting_date.days = in.get<int32_t>();
        m.paperwork_deadline.days = in.get<int32_t>();
        m.venue = in.text();
    }
    d.surgeries.resize(in.count(16));
    for (Surgery& s : d.surgeries) {
        s.district = in.text();
        s.surgery_date.days = in.get<int32_t>();
        s.venue = in.text();
        s.staff_id = in.text();
    }

    d.pupils.rows_.resize(in.count(22));
    for (PupilTable::Row& r : d.pupils.rows_) {
        for (uint32_t* id : {&r.ref, &r.school_urn, &r.initials, &r.first_name, &r.last_name})
            *id = text_id(in.get<uint32_t>());
        r.year_group = in.get<int8_t>();
        r.need_area = in.choice(NeedArea::spd);
    }
    const size_t pupils = d.pupils.rows_.size();
    EventTable& ev = d.events;
    ev.rows_ = in.bulk<EventTable::Row>();
    for (const EventTable::Row& r : ev.rows_) {
        text_id(r.detail_kind >> 8);
        check((r.detail_kind & EventTable::kKindMask) < static_cast<uint32_t>(kEventKindCount),
              "an event kind out of range");
    }
    ev.staff_.resize(in.count(8));
    for (size_t i = 0; i < ev.staff_.size(); ++i) {
        auto& [row, staff] = ev.staff_[i];
        row = in.get<uint32_t>();
        staff = text_id(in.get<uint32_t>());
        check(row < ev.rows_.size() && (i == 0 || ev.staff_[i - 1].first < row),
              "event staff rows out of order");
    }
    ev.extras_.resize(in.count(17));
    for (size_t i = 0; i < ev.extras_.size(); ++i) {
        auto& [row, x] = ev.extras_[i];
        row = in.get<uint32_t>();
        x.note = text_id(in.get<uint32_t>());
        x.owner = text_id(in.get<uint32_t>());
        x.review_date.days = in.get<int32_t>();
        x.has_review_date = in.flag();
        check(row < ev.rows_.size() && (i == 0 || ev.extras_[i - 1].first < row),
              "event extra rows out of order");
    }
    d.bookings.rows_.resize(in.count(22));
    for (BookingTable::Row& r : d.bookings.rows_) {
        r.meeting_date.days = in.get<int32_t>();
        r.paperwork_received.days = in.get<int32_t>();
        r.pupil = in.get<uint32_t>();
        check(r.pupil < pupils, "a booking's pupil out of range");
        r.district = text_id(in.get<uint32_t>());
        r.group = text_id(in.get<uint32_t>());
        r.kind = in.choice(BookingKind::surgery);
        r.has_paperwork_received = in.flag();
    }

    d.cases.resize(in.count(12));
    for (CaseState& c : d.cases) {
        c.pupil_ref = in.text();
        c.assigned_staff_id = in.text();
        c.priority = in.get<int32_t>();
    }
    d.conflicts.resize(in.count(40));
    for (SyncConflict& c : d.conflicts) {
        c.id = in.get<int64_t>();
        for (std::string* f : {&c.pupil_ref, &c.what, &c.who, &c.edited_at, &c.detected_at, &c.mine,
                               &c.theirs, &c.reason})
            *f = in.text();
    }
    d.newer_version_rows = in.get<uint64_t>();
    d.pupils_by_ref_ = in.bulk<uint32_t>();
    d.event_begin_ = in.bulk<uint32_t>();
    d.booking_begin_ = in.bulk<uint32_t>();
    check(in.done(), "bytes after the last table");

    // Either empty (pupils in ref order) or a permutation of the pupils.
    check(d.pupils_by_ref_.empty() || d.pupils_by_ref_.size() == pupils,
          "the pupil ref index has the wrong size");
    std::vector<bool> seen(d.pupils_by_ref_.size());
    for (uint32_t p : d.pupils_by_ref_) {
        check(p < pupils && !seen[p], "the pupil ref index is not a permutation");
        seen[p] = true;
    }
    // Each pupil's run of rows inside its table; a booking names its own pupil.
    auto check_runs = [&](const std::vector<uint32_t>& begin, size_t rows, const char* what) {
        check(begin.size() == pupils + 1 && begin[0] == 0 && begin[pupils] == rows, what);
        for (size_t p = 0; p < pupils; ++p) check(begin[p] <= begin[p + 1], what);
    };
    check_runs(d.event_begin_, ev.rows_.size(), "event runs out of range");
    check_runs(d.booking_begin_, d.bookings.rows_.size(), "booking runs out of range");
    for (size_t p = 0; p < pupils; ++p)
        for (uint32_t i = d.booking_begin_[p]; i < d.booking_begin_[p + 1]; ++i)
            check(d.bookings.rows_[i].pupil == p, "a booking outside its pupil's run");

    d.index_lookups();
    return d;
}

std::string dataset_image(const Dataset& data) {
    return DatasetImage::write(data);
}

namespace {
// The header, field by field: magic, version, byte order, row sizes, length, checksum.
constexpr size_t kHeaderSize =
    sizeof kMagic + 2 * sizeof(uint32_t) + sizeof DatasetImage::kRowSizes + 2 * sizeof(uint64_t);
}  // namespace

bool reseal_dataset_image(std::string& image) {
    if (image.size() < kHeaderSize) return false;
    Out fields;
    DatasetImage::put_header(fields, std::string_view(image).substr(kHeaderSize));
    image.replace(0, kHeaderSize, fields.bytes());
    return true;
}

std::optional<Dataset> dataset_from_image(std::string_view image, std::string& why) {
    const size_t header_size = kHeaderSize;
    try {
        if (image.size() < header_size) throw ImageError("truncated header");
        if (std::memcmp(image.data(), kMagic, sizeof kMagic) != 0)
            throw ImageError("not a dataset image");
        In in(image.substr(sizeof kMagic));
        const auto version = in.get<uint32_t>();
        if (version != kDatasetImageVersion)
            throw ImageError("format version " + std::to_string(version) + ", expected " +
                             std::to_string(kDatasetImageVersion));
        if (in.get<uint32_t>() != kByteOrder) throw ImageError("another byte order");
        for (uint32_t size : DatasetImage::kRowSizes)
            if (in.get<uint32_t>() != size) throw ImageError("made by a build with other rows");
        const auto length = in.get<uint64_t>();
        const auto sum = in.get<uint64_t>();
        const std::string_view body = image.substr(header_size);
        if (length != body.size())
            throw ImageError("length " + std::to_string(length) + ", but " +
                             std::to_string(body.size()) + " bytes follow the header");
        if (checksum(body) != sum) throw ImageError("checksum mismatch");
        return DatasetImage::read(body);
    } catch (const ImageError& e) {
        why = e.what();
    } catch (const std::bad_alloc&) {
        why = "too large to read";
    } catch (const std::length_error&) {
        why = "too large to read";
    }
    return std::nullopt;
}

}  // namespace core

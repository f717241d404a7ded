// Everything the store holds, in memory, with lookups by key. Built by
// db::Store::load_dataset() (or by tests directly); read by the rules and the snapshot
// builder. Holds no database handle: core never touches SQLite.
//
// The small tables are vectors of the inbox records. Pupils, events and bookings (a
// 100k-pupil store has about a million events) are packed tables whose texts are
// interned in one TextPool (see dataset_tables.hpp): about 16 MB for 100k pupils where
// records of std::strings took 150 MB.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dataset_tables.hpp"
#include "core/domain.hpp"
#include "core/sync_conflict.hpp"
#include "core/text_pool.hpp"

namespace core {

// What changed for an incremental snapshot (dataset_patch.cpp): some existing pupils'
// rows as the store now holds them, and the small tables read whole again.
struct DatasetPatch {
    std::vector<uint32_t> pupils;   // indices into the base Dataset's pupils, ascending
    std::vector<Pupil> records;     // parallel to `pupils`; the same refs
    std::vector<Event> events;      // every event of those pupils, any order
    std::vector<Booking> bookings;  // every booking of those pupils, any order
    std::vector<CaseState> cases;   // the whole case_state table
    std::vector<SyncConflict> conflicts;
};

struct Dataset {
    Dataset() = default;
    // Not copyable: the lookups and tables refer to the text pool and the vectors.
    Dataset(const Dataset&) = delete;
    Dataset& operator=(const Dataset&) = delete;
    Dataset(Dataset&&) = default;
    Dataset& operator=(Dataset&&) = default;

  private:
    // Declared first: the tables below point at it.
    std::unique_ptr<TextPool> text_ = std::make_unique<TextPool>();

  public:
    std::vector<School> schools;
    std::vector<Term> terms;
    std::vector<LiftGroupAssignment> lift_groups;
    std::vector<Staff> staff;
    std::vector<LiftMeeting> meetings;
    std::vector<Surgery> surgeries;
    PupilTable pupils{text_.get()};
    // After index(), events and bookings are grouped by pupil; a pupil's events are in
    // date then kind order, its bookings in meeting-date order.
    EventTable events{text_.get()};
    BookingTable bookings{text_.get()};
    std::vector<CaseState> cases;
    std::vector<SyncConflict> conflicts;  // unresolved hub conflicts, oldest first
    // Rows the store holds that this version cannot read (an event kind a newer client
    // pushed to the hub): left out here, so the rules skip them, and counted so the
    // status bar can say so. They stay in the store for the version that knows them.
    size_t newer_version_rows = 0;

    // Sorts and builds the lookups below. Call after filling the tables; call again
    // after adding more rows.
    void index();

    // `base` with the patch's pupils' rows replaced and its small tables taken from the
    // patch: equal, row for row, to loading the store the patch was read from, when only
    // those pupils' rows (and the case and conflict tables) changed since `base` was.
    // Costs a copy of the packed tables (memcpy), not a re-sort or a re-read of them.
    // The reference tables are copied too: the new Dataset owns all it views.
    static Dataset patched(const Dataset& base, DatasetPatch patch);

    const School* school(std::string_view urn) const;
    const Staff* staff_member(std::string_view staff_id) const;
    std::optional<PupilEntry> pupil(std::string_view pupil_ref) const;
    const CaseState* case_state(std::string_view pupil_ref) const;
    // Index of a pupil in `pupils`, or -1.
    int pupil_index(std::string_view pupil_ref) const;
    EventRange events_of(std::string_view pupil_ref) const;
    BookingRange bookings_of(std::string_view pupil_ref) const;
    // Events and bookings of pupils[i]; faster than the by-ref forms in loops.
    EventRange events_of(size_t pupil_index) const;
    BookingRange bookings_of(size_t pupil_index) const;

    // `text`, a view into `base`'s texts, as the same text in this Dataset, which must
    // have been made by patched() from `base`: its pool starts as a copy of base's. A view
    // of anything else (a literal, "") is returned as it is. Lets an incremental snapshot
    // keep a previous board row and point it at the new Dataset.
    std::string_view rebased(const Dataset& base, std::string_view text) const {
        const size_t offset = base.text_->offset_of(text);
        return offset == std::string_view::npos ? text : text_->at_offset(offset, text.size());
    }

    // Heap bytes of the packed tables and the text pool (what 100k pupils cost).
    size_t memory_bytes() const;

  private:
    friend class DatasetImage;  // dataset_image.cpp: the tables as bytes and back
    void index_lookups();       // school, staff and case by key
    void index_events(const std::vector<uint32_t>& pupil_of_text);
    void index_bookings(const std::vector<uint32_t>& pupil_of_text);

    std::unordered_map<std::string_view, size_t> school_by_urn_, staff_by_id_, case_by_ref_;
    // Pupil indices in ref order; empty when the pupils are in ref order themselves.
    std::vector<uint32_t> pupils_by_ref_;
    std::vector<uint32_t> event_begin_, booking_begin_;  // pupil i: [begin[i], begin[i + 1])
};

}  // namespace core

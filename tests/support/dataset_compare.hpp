// Two Datasets compared row for row (every table, every pupil's events and bookings as
// the rules read them): the first difference as text, "" when equal. For tests that check
// one way of making a Dataset (a patch, a cache) against Store::load_dataset().
#pragma once

#include <sstream>
#include <string>
#include <tuple>

#include "core/dataset.hpp"

// The first difference, as text: returns it from the enclosing function when a != b.
#define DIFF(what, a, b)            \
    do {                            \
        if (!((a) == (b))) {        \
            std::ostringstream out; \
            out << what;            \
            return out.str();       \
        }                           \
    } while (0)

namespace test_support {

inline std::string compare_datasets(const core::Dataset& a, const core::Dataset& b) {
    DIFF("schools", a.schools, b.schools);
    DIFF("terms", a.terms, b.terms);
    DIFF("lift groups", a.lift_groups, b.lift_groups);
    DIFF("staff", a.staff, b.staff);
    DIFF("meetings", a.meetings, b.meetings);
    DIFF("surgeries", a.surgeries, b.surgeries);
    DIFF("cases", a.cases, b.cases);
    DIFF("conflicts", a.conflicts, b.conflicts);
    DIFF("newer version rows", a.newer_version_rows, b.newer_version_rows);
    DIFF("pupil count " << a.pupils.size() << " vs " << b.pupils.size(), a.pupils.size(),
         b.pupils.size());
    for (size_t i = 0; i < a.pupils.size(); ++i) {
        DIFF("pupil " << i, a.pupils.record(i), b.pupils.record(i));
        auto ea = a.events_of(i), eb = b.events_of(i);
        const std::string ref = a.pupils.record(i).pupil_ref;
        DIFF(ref << " event count " << ea.size() << " vs " << eb.size(), ea.size(), eb.size());
        for (size_t k = 0; k < ea.size(); ++k) {
            const core::EventEntry x = ea[k], y = eb[k];
            DIFF(ref << " event " << k << " " << core::to_string(x.kind) << " "
                     << core::to_iso(x.date) << " vs " << core::to_string(y.kind) << " "
                     << core::to_iso(y.date),
                 std::tie(x.kind, x.date, x.detail, x.staff_id, x.note, x.owner, x.review_date),
                 std::tie(y.kind, y.date, y.detail, y.staff_id, y.note, y.owner, y.review_date));
        }
        auto ba = a.bookings_of(i), bb = b.bookings_of(i);
        DIFF(ref << " booking count", ba.size(), bb.size());
        for (size_t k = 0; k < ba.size(); ++k) {
            const core::BookingEntry x = ba[k], y = bb[k];
            DIFF(ref << " booking " << k,
                 std::tie(x.index, x.pupil, x.kind, x.meeting_date, x.district, x.group,
                          x.paperwork_received),
                 std::tie(y.index, y.pupil, y.kind, y.meeting_date, y.district, y.group,
                          y.paperwork_received));
        }
    }
    return "";
}

}  // namespace test_support

// From a decoded table to typed core records, with every problem found. Pure: reads
// only the table and the References it is given, writes nothing, so the background
// sync and a hub importer can call it as they like.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/domain.hpp"
#include "db/import/kinds.hpp"
#include "db/import/problem.hpp"
#include "db/import/references.hpp"
#include "db/import/text_table.hpp"

namespace db::inbox {

// One vector per inbox kind, in InboxKind order.
using Records =
    std::variant<std::vector<core::School>, std::vector<core::Term>,
                 std::vector<core::LiftGroupAssignment>, std::vector<core::Staff>,
                 std::vector<core::LiftMeeting>, std::vector<core::Surgery>,
                 std::vector<core::Pupil>, std::vector<core::Event>, std::vector<core::Booking>>;

// Appends a problem for every wrong cell, missing column, unknown reference and
// duplicate key. The records come in primary-key order (the order that writes fastest)
// and are complete and valid only when nothing was appended.
Records validate(InboxKind kind, const TextTable& table, const References& refs,
                 const std::string& file, ProblemList& problems);

// Per-kind validators (validate_places.cpp, validate_pupils.cpp, validate_bookings.cpp).
class RowChecker;
std::vector<core::School> validate_schools(RowChecker& rows);
std::vector<core::Term> validate_terms(RowChecker& rows);
std::vector<core::LiftGroupAssignment> validate_lift_groups(RowChecker& rows,
                                                            const References& refs);
std::vector<core::Staff> validate_staff(RowChecker& rows);
std::vector<core::LiftMeeting> validate_lift_schedule(RowChecker& rows);
std::vector<core::Surgery> validate_surgeries(RowChecker& rows, const References& refs);
std::vector<core::Pupil> validate_pupils(RowChecker& rows, const References& refs);
std::vector<core::Event> validate_events(RowChecker& rows, const References& refs);
std::vector<core::Booking> validate_bookings(RowChecker& rows, const References& refs);

// "2024/25" from "2024/25", "2024-25", "2024/2025" or "2024-2025"; nullopt when the
// second year does not follow the first.
std::optional<std::string> normalise_academic_year(std::string_view text);
// 0 for R / Reception / YR, n for "n", "Yn", "Year n" (0..14); nullopt otherwise.
std::optional<int> parse_year_group(std::string_view text);

}  // namespace db::inbox

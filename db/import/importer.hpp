// The inbox importer's public face: import one file or a drop of files into the store
// and say what happened to each. Used by `liftboard import`, the background sync and
// (through checked_file.hpp and writer.hpp, its two halves) a later hub importer.
//
// Decisions the contract leaves open:
// - A refused file writes nothing at all, not even an import_log row: the store stays
//   byte-for-byte as it was. The report carries the problems; quarantining the file
//   and keeping a report beside it is the caller's job (the sync's).
// - A file whose SHA-256 is in import_log is not read further: "unchanged-duplicate".
// - Files of one drop are applied in dependency order, each in its own transaction,
//   so a file may refer to keys of an earlier file of the drop (and a file whose
//   references were in a refused file is refused too). Files of one kind keep the
//   order they were given in ("last file wins").
// - Forgiving: enumeration values and header names in any case, with spaces or '-'
//   for '_' ("Specialist Teacher"); academic years as 2024/25, 2024-25 or 2024/2025;
//   year groups as R, Reception, Y3, Year 3 or 3; unknown extra columns ignored;
//   all-empty rows and stray trailing commas ignored.
// - Strict beyond the contract's list: text that is not UTF-8 (or is UTF-16), a CSV
//   row with more values or fewer fields than the header, a term ending before it
//   starts, a paperwork deadline after its meeting, a JSON "kind" contradicting the
//   file name.
// - Bounded fields: free text (names, venues, notes, owners, a free `detail`) up to
//   4,000 characters, codes, references, dates and groups up to 100 (kinds.hpp's
//   max_length); a longer value refuses its line, naming field and limit.
// - An event's `detail` is one of its codes where the contract lists codes, free text
//   for caselist_opened, and otherwise must be empty: a detail given to an event that
//   takes none (a visit, a QFLA) refuses the line. It is not silently dropped (the
//   user typed it for a reason, most likely as a note) nor stored where nothing shows
//   it; the problem says free text goes in the note column.
// - Bounded cost: checking a file is O(n log n) in its size whatever its shape (a
//   header of 100,000 columns, one 10 MB field, JSON nested a million deep, millions
//   of empty lines or bad rows). JSON deeper than 32 levels is refused at once; JSON
//   keys the contract does not have are dropped; a file keeps its first 1,000
//   problems and counts the rest ("... and N more problems").
// - A booking's district defaults to the pupil's school's; a LIFT booking without a
//   group takes the only group meeting that day, else the school's group for that
//   term. It is stored with the meeting's district and group as the schedule spells
//   them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/import/kinds.hpp"
#include "db/import/problem.hpp"
#include "db/import/regular_file.hpp"
#include "db/store.hpp"

namespace db {

enum class ImportOutcome {
    imported,             // applied in one transaction and logged
    unchanged_duplicate,  // the same bytes were imported before; nothing done
    refused,              // the file is wrong (see problems); nothing done
    ignored,              // not an inbox file name; left alone
    failed,               // the file is fine but the store could not be written; retry
};
std::string_view to_string(ImportOutcome outcome);

struct ImportReport {
    std::filesystem::path file;
    std::optional<InboxKind> kind;
    ImportOutcome outcome = ImportOutcome::ignored;
    std::string sha256;  // empty when the file was not read
    size_t rows = 0, inserted = 0, updated = 0, unchanged = 0;
    ProblemList problems;
    // Refused because there was no such file: the inbox's writer skips it (it was
    // removed after the folder was listed), there is nothing to quarantine.
    bool missing = false;
    // Failed because the store's disk is full (db/disk_full.hpp): the file is fine and
    // stays in the inbox for a later pass; the problem says "the disk is full".
    bool disk_full = false;

    // "schools.csv: schools, 40 inserted, 0 updated, 0 unchanged",
    // "events-2025.csv: refused (3 problems)", ...
    std::string summary() const;
    // Every problem as "FILE:LINE: field 'X': reason", one per line, in line order;
    // "" when none. Past 1000 lines the rest are counted, not listed (problems keeps at
    // most ProblemList::kKept, and counts the rest).
    std::string error_text() const;
};

// The first steps every importer (local or hub) takes with a file: names it in a new
// report with its kind, then reads it (only a regular file, never through a link, at
// most `max_file_bytes`: regular_file.hpp). Returns the bytes to check, or nullopt when
// the report is already final (refused: missing, not a regular file, too large,
// unreadable; ignored: not an inbox file).
std::optional<std::string> start_import(const std::filesystem::path& file, ImportReport& report,
                                        uint64_t max_file_bytes = inbox::kDefaultMaxFileBytes);

// A command line's paths: a directory stands for its regular files, by name.
std::vector<std::filesystem::path> expand_paths(const std::vector<std::string>& paths);

// Imports one file. Never throws for a bad file or a store error: the report says.
ImportReport import_file(Store& store, const std::filesystem::path& file,
                         uint64_t max_file_bytes = inbox::kDefaultMaxFileBytes);

// Imports a drop: inbox files in dependency order (schools, terms, staff; groups,
// schedules, surgeries; pupils; events, bookings), whatever their order in `files`.
// Reports come back in the order applied; files that are not inbox kinds are reported
// as ignored, after the rest.
std::vector<ImportReport> import_files(Store& store, std::vector<std::filesystem::path> files);

}  // namespace db

// The inbox kinds of the import contract (shared/formats/INBOX.md): their names, the
// columns each one has, how a file name says which kind it holds, and the order in
// which the kinds of one drop are applied so references resolve.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>

namespace db {

// In the contract's table order.
enum class InboxKind : uint8_t {
    schools,
    terms,
    lift_groups,
    staff,
    lift_schedule,
    surgeries,
    pupils,
    events,
    bookings,
};

std::string_view to_string(InboxKind kind);
// Exact, lower-case contract name ("lift_schedule"); nullopt for anything else.
std::optional<InboxKind> parse_inbox_kind(std::string_view name);

// `<kind>.csv`, `<kind>-<anything>.csv`, or the same with `.json` (extension in any
// case); nullopt for every other file, which the importer leaves alone.
std::optional<InboxKind> inbox_kind_of(const std::filesystem::path& file);

enum class InboxFormat : uint8_t { csv, json };
// Only meaningful for a path inbox_kind_of() accepts.
InboxFormat inbox_format_of(const std::filesystem::path& file);

// Lower ranks are applied first: schools, terms, staff, lift_groups, lift_schedule,
// surgeries, pupils, events, bookings.
int dependency_rank(InboxKind kind);

struct ColumnSpec {
    std::string_view name;
    bool required;
};
// The contract's columns for a kind, in the contract's order.
std::span<const ColumnSpec> columns_of(InboxKind kind);

// The longest value a column takes, in characters: free text (names, notes, agreed
// outcomes, venues) kFreeTextLimit, everything else (codes, references, dates, groups)
// kCodeLimit. Keyed by name, so a column added to a kind gets the limit of its kind
// of value: only free-text names are listed (kinds.cpp).
inline constexpr size_t kFreeTextLimit = 4000;
inline constexpr size_t kCodeLimit = 100;
size_t max_length(std::string_view column);

}  // namespace db

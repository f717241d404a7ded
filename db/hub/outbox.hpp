// The local half of pushing triage edits to a hub: each command applied while a hub
// is configured leaves, in the same SQLite transaction, an outbox row holding the
// edit's effects as rows plus what the hub must still hold for them to apply (the row
// version of a case, the paperwork date a booking had). The hub source pushes the rows
// in order and removes each once the hub has it, or files it as a conflict.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/command.hpp"

namespace db {
class Store;
}

namespace db::hub {

// Read before a command is applied.
struct OutboxBase {
    int case_version = 0;                         // 0: the case had no triage row yet
    std::optional<std::string> paperwork_before;  // RecordPaperwork: the booking's date
};
OutboxBase outbox_base(Store& store, const core::Command& command);

// Read after it was applied, inside its transaction: appends the outbox row and, for
// a case edit, moves the local row version on to the one the hub will give it.
void append_outbox(Store& store, const core::Command& command, const OutboxBase& base,
                   const std::string& who, const std::string& what, const std::string& before,
                   const std::string& after);

// Appends an outbox row whose effects the caller made (a conflict's resolution).
void append_outbox_effects(Store& store, const std::string& who, const std::string& what,
                           const std::string& before, const std::string& after,
                           const nlohmann::json& effects);

struct OutboxEntry {
    int64_t id = 0;
    std::string op_id, at, who, what, before, after;
    // [{"table", "mode": insert|versioned|compare|refresh, "row", ...}]; refresh: the
    // local row is set to the hub's (a conflict resolved by taking theirs).
    nlohmann::json effects;
};

// Oldest first.
std::vector<OutboxEntry> pending_outbox(Store& store, size_t limit);
bool outbox_empty(Store& store);
void remove_from_outbox(Store& store, int64_t id);

// Files an edit the hub did not take (it is removed from the outbox, never lost; its
// effects keep every value). The texts kept for the board hold no names, and of the
// reason only the first line: PostgreSQL's DETAIL line quotes the failing row.
void record_conflict(Store& store, const OutboxEntry& entry, const std::string& reason,
                     const nlohmann::json& mine, const nlohmann::json& theirs);

// "assigned_staff_id ST02, priority 1": a row as a person reads it, less its pupil_ref
// and any column that names a person (first_name, last_name).
std::string describe_row(const nlohmann::json& row);

}  // namespace db::hub

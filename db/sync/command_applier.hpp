// Applies one triage command to the store: checks it against what is stored, writes
// it in one transaction together with its audit row (who, when, what, before, after),
// or refuses it with a reason and writes nothing.
#pragma once

#include <string>

#include "core/command.hpp"

namespace db {

class Store;

core::CommandResult apply_command(Store& store, const core::Command& command, const std::string& who);

}  // namespace db

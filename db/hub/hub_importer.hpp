// `liftboard hub import`: inbox files into the hub with the local importer's contract
// (db/import/importer.hpp): the same parsing and validation (against the hub's keys),
// one PostgreSQL transaction per file, a refused file writes nothing, a file already
// imported (same SHA-256) is a no-op, and files of a drop go in dependency order.
#pragma once

#include <filesystem>
#include <pqxx/connection>
#include <vector>

#include "db/import/importer.hpp"

namespace db::hub {

// Never throws for a bad file or a hub error: the report says (messages redacted).
ImportReport import_file_to_hub(pqxx::connection& connection, const std::filesystem::path& file);

// Dependency order, like db::import_files; reports in the order applied.
std::vector<ImportReport> import_files_to_hub(pqxx::connection& connection,
                                              std::vector<std::filesystem::path> files);

}  // namespace db::hub

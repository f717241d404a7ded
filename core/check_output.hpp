// What `liftboard check` prints (RULES.md "The `check` command's output"): every finding
// that is not ok, one row per pupil and rule, as CSV with the header
// `pupil_ref,rule,status,due_date,reason` or as a JSON array of objects with those keys.
// Std-only so the formatting is tested without the command line.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/rules.hpp"

namespace core {

struct CheckRow {
    std::string_view pupil_ref;
    const Finding* finding = nullptr;
};

// Rows of `assessments` (parallel to data.pupils) ordered by pupil_ref, each pupil's
// findings most severe first; only pupil `only` when given.
std::vector<CheckRow> check_rows(const Dataset& data,
                                 const std::vector<PupilAssessment>& assessments,
                                 std::optional<size_t> only = std::nullopt);

enum class CheckFormat { csv, json };
std::optional<CheckFormat> parse_check_format(std::string_view text);

void write_check_output(std::ostream& out, std::span<const CheckRow> rows, CheckFormat format);

// RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);
// JSON string literal with its quotes; UTF-8 passes through, control characters escaped.
std::string json_string(std::string_view text);

}  // namespace core

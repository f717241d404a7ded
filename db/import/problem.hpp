// One reason a file is refused, located as precisely as the input allows, and the
// text a person reads: "FILE:LINE: field 'X': reason".
#pragma once

#include <string>
#include <vector>

namespace db {

struct Problem {
    std::string file;   // as the caller named it
    int line = 0;       // 1-based physical line; 0 when the whole file is meant
    std::string field;  // contract column name; empty when no one field is meant
    std::string reason;
    bool operator==(const Problem&) const = default;
};

// "events.csv:12: field 'date': '31/02/2025' is not a date"; parts that are unknown
// (line 0, no field) are left out.
std::string format(const Problem& problem);

// Every problem, one per line. Past `limit` lines the rest are counted, not listed,
// so a systematically wrong 100k-row file does not produce 100k lines.
std::string format_all(const std::vector<Problem>& problems, size_t limit = 1000);

}  // namespace db

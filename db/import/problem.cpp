#include "db/import/problem.hpp"

namespace db {

std::string format(const Problem& problem) {
    std::string out = problem.file;
    if (problem.line > 0) out += ":" + std::to_string(problem.line);
    out += ": ";
    if (!problem.field.empty()) out += "field '" + problem.field + "': ";
    out += problem.reason;
    return out;
}

std::string format_all(const std::vector<Problem>& problems, size_t limit) {
    std::string out;
    for (size_t i = 0; i < problems.size() && i < limit; ++i) out += format(problems[i]) + "\n";
    if (problems.size() > limit)
        out += "... and " + std::to_string(problems.size() - limit) + " more problems\n";
    return out;
}

}  // namespace db

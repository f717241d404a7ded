#include "db/import/problem.hpp"

namespace db {
namespace {

bool continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string format_listed(const std::vector<Problem>& problems, size_t limit, size_t unlisted) {
    std::string out;
    for (size_t i = 0; i < problems.size() && i < limit; ++i) out += format(problems[i]) + "\n";
    if (problems.size() > limit) unlisted += problems.size() - limit;
    if (unlisted > 0) out += "... and " + std::to_string(unlisted) + " more problems\n";
    return out;
}

}  // namespace

std::string format(const Problem& problem) {
    std::string out = problem.file;
    if (problem.line > 0) out += ":" + std::to_string(problem.line);
    out += ": ";
    if (!problem.field.empty()) out += "field '" + problem.field + "': ";
    out += problem.reason;
    return out;
}

std::string format_all(const std::vector<Problem>& problems, size_t limit) {
    return format_listed(problems, limit, 0);
}

std::string format_all(const ProblemList& problems, size_t limit) {
    return format_listed(problems, limit, problems.not_kept());
}

std::string quoted(std::string_view value, size_t max_chars) {
    size_t end = 0, chars = 0;
    while (end < value.size() && chars < max_chars) {
        ++end;
        while (end < value.size() && continuation_byte(value[end])) ++end;
        ++chars;
    }
    if (end == value.size()) return "'" + std::string(value) + "'";
    return "'" + std::string(value.substr(0, end)) + "...' (" + std::to_string(utf8_length(value)) +
           " characters)";
}

size_t utf8_length(std::string_view text) {
    size_t count = 0;
    for (char c : text) count += !continuation_byte(c);
    return count;
}

}  // namespace db

// One reason a file is refused, located as precisely as the input allows, and the
// text a person reads: "FILE:LINE: field 'X': reason". ProblemList keeps a file's
// problems with a bound on how many it holds.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace db {

struct Problem {
    std::string file;   // as the caller named it
    int line = 0;       // 1-based physical line; 0 when the whole file is meant
    std::string field;  // contract column name; empty when no one field is meant
    std::string reason;
    bool operator==(const Problem&) const = default;
};

// A file's problems in the order found. Past kKept, push_back() counts a problem
// instead of keeping it: a hostile or systematically wrong file (a million bad rows)
// must not cost memory, or a report line, per problem. A vector, so readers iterate
// and index it as one; code that adds problems must use push_back().
class ProblemList : public std::vector<Problem> {
  public:
    static constexpr size_t kKept = 1000;

    using std::vector<Problem>::vector;
    // The list becomes `problems`, with nothing counted beyond them.
    ProblemList& operator=(std::initializer_list<Problem> problems) {
        std::vector<Problem>::operator=(problems);
        not_kept_ = 0;
        return *this;
    }

    void push_back(Problem problem) {
        if (size() < kKept)
            std::vector<Problem>::push_back(std::move(problem));
        else
            ++not_kept_;
    }
    // Problems found but not kept.
    size_t not_kept() const { return not_kept_; }
    // Every problem found, kept or not.
    size_t total() const { return size() + not_kept_; }

  private:
    size_t not_kept_ = 0;
};

// "events.csv:12: field 'date': '31/02/2025' is not a date"; parts that are unknown
// (line 0, no field) are left out.
std::string format(const Problem& problem);

// Every problem, one per line. Past `limit` lines the rest are counted, not listed,
// so a systematically wrong 100k-row file does not produce 100k lines.
std::string format_all(const std::vector<Problem>& problems, size_t limit = 1000);
// As above, the problems a ProblemList found but did not keep counted in the last line.
std::string format_all(const ProblemList& problems, size_t limit = 1000);

// `value` in single quotes for a problem text; past `max_chars` characters it is cut
// at a character boundary and the cut marked, so a 10 MB cell does not become a 10 MB
// message.
std::string quoted(std::string_view value, size_t max_chars = 60);

// Characters (UTF-8 code points) in `text`, which is valid UTF-8.
size_t utf8_length(std::string_view text);

}  // namespace db

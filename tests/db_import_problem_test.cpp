// Problems as people read them: the cap on how many one file keeps, the count of the
// rest in the text, and values quoted short enough to read.
#include <catch2/catch.hpp>

#include "db/import/problem.hpp"

using db::Problem;
using db::ProblemList;

TEST_CASE("a problem list keeps the first problems and counts the rest", "[import][problem]") {
    ProblemList problems;
    for (int i = 0; i < 5000; ++i) problems.push_back({"f.csv", i + 2, "date", "not a date"});
    CHECK(problems.size() == ProblemList::kKept);
    CHECK(problems.not_kept() == 4000);
    CHECK(problems.total() == 5000);
    CHECK(problems.back().line == 1001);
    std::string text = db::format_all(problems);
    CHECK_THAT(text, Catch::EndsWith("f.csv:1001: field 'date': not a date\n"
                                     "... and 4000 more problems\n"));
    // A shorter listing counts the kept problems it leaves out too.
    CHECK_THAT(db::format_all(problems, 10), Catch::EndsWith("... and 4990 more problems\n"));
    // A report replacing its problems (a store error after all) counts only the new.
    problems = {{"f.csv", 0, "", "the store could not be written"}};
    CHECK(problems.total() == 1);
}

TEST_CASE("a short problem list is listed whole", "[import][problem]") {
    ProblemList problems;
    problems.push_back({"f.csv", 0, "", "no such file"});
    CHECK(problems.total() == 1);
    CHECK(db::format_all(problems) == "f.csv: no such file\n");
}

TEST_CASE("quoted values are cut at a character boundary", "[import][problem]") {
    CHECK(db::quoted("salt") == "'salt'");
    CHECK(db::quoted(std::string(60, 'x')) == "'" + std::string(60, 'x') + "'");
    std::string accents;
    for (int i = 0; i < 100; ++i) accents += "\xC3\xA9";
    CHECK(db::quoted(accents, 3) == "'\xC3\xA9\xC3\xA9\xC3\xA9...' (100 characters)");
    CHECK(db::utf8_length(accents) == 100);
}

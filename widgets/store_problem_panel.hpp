// What a board shows instead of data when the database cannot be used at start
// (damaged, another program's, from a newer version): what is wrong and what to do, in
// type legible across the room, so a wall never shows a silent empty board.
#pragma once

#include <string>

#include "widgets/board.hpp"

namespace widgets {

struct StoreProblemText {
    std::string file;    // the database path
    std::string what;    // "the database is damaged: integrity check: ..."
    std::string advice;  // one sentence: what the office can do
};

void draw_store_problem_panel(const StoreProblemText& problem, const BoardContext& context);

}  // namespace widgets

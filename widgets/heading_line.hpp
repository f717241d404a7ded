// A board's heading line: the title in the title font, then runs of body text set on the
// title's baseline (a smaller font's top sits lower than the title's), and the date at
// the right edge. Every board opens with one; they share this so they line up alike.
#pragma once

#include <imgui.h>

#include <string_view>

#include "widgets/board.hpp"

namespace widgets {

class HeadingLine {
  public:
    // Draws the title.
    HeadingLine(std::string_view title, const BoardContext& context);

    // The next run of body text: the first a wide gap after the title, the rest flush.
    void add(std::string_view text, const ImVec4& colour, ImFont* font = nullptr);
    // A dim " · " between runs.
    void dot();
    // The date, ending at the right edge of the line.
    void date(std::string_view text);

  private:
    void next_run(float gap);

    float baseline_ = 0.0f;
    float scale_ = 1.0f;
    bool first_ = true;
};

}  // namespace widgets

// A board's heading line: the title in the title font, then runs of body text set on the
// title's baseline (a smaller font's top sits lower than the title's), and the date at
// the right edge. Every board opens with one; they share this so they line up alike.
// On the wall the title is left to the tabs and the status bar, the runs are headline
// figures (counts, status words) in the title font, and a run that does not fit wraps
// onto another line rather than run off.
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
    // A dim " · " between runs (on the wall, dropped where a line wraps).
    void dot();
    // The date, ending at the right edge of the line.
    void date(std::string_view text);

  private:
    // Places the cursor for a run `width` wide in `font`, `gap` after the last; on the
    // wall starts a new line when the run does not fit.
    void next_run(float gap, ImFont* font, float width);

    const Fonts* fonts_ = nullptr;
    float top_ = 0.0f;   // of the current line
    float left_ = 0.0f;  // where lines start
    float scale_ = 1.0f;
    bool kiosk_ = false;
    bool first_ = true;
    float first_gap_ = 40.0f;  // design pixels between the title and the first run
    bool dot_ = false;         // a dot waits to go before the next run
};

}  // namespace widgets

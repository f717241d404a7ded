// The wall's table: a list shown a page at a time with nothing cut off. Cells are runs
// of coloured text that wrap (at run boundaries first, then between words) inside their
// column, so a row is as tall as its longest cell; short columns are as wide as their
// widest value and never wrap. Rows are split into pages that fit the height; a group
// row (a teacher) is repeated at the top of a page that continues its group, and may
// start a new page of its own. Laid out once per snapshot and size, drawn per frame.
//
// Also the flow of runs on its own (flow_runs), for card headers that wrap likewise.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "widgets/board.hpp"

namespace widgets {

struct KioskRun {
    std::string text;
    ImVec4 colour;
    ImFont* font = nullptr;  // null: the body font
    bool separator = false;  // " · " between runs: never starts or ends a line
};

// Lays `runs` out from `origin` within `width`, drawing them when `draw` is set; returns
// the height used (a whole number of lines of the body's line height).
float flow_runs(const std::vector<KioskRun>& runs, ImVec2 origin, float width, bool draw,
                const BoardContext& context);
// The runs joined by dim " · " separators.
std::vector<KioskRun> with_separators(std::vector<KioskRun> runs);

struct KioskColumn {
    std::string label;
    float weight = 0.0f;  // share of the free width; 0: as wide as its widest cell
};

struct KioskRow {
    std::vector<std::vector<KioskRun>> cells;  // one per column; a group row has one
    bool group = false;                        // spans the table: a teacher's line
    ImVec4 tint{0, 0, 0, 0};                   // drawn over the row's background
};

class KioskTable {
  public:
    // Lays out `rows` under `columns` for a table `size` big; `group_pages`: each group
    // starts a page. Then pages() is known.
    void layout(std::vector<KioskColumn> columns, std::vector<KioskRow> rows, ImVec2 size,
                bool group_pages, const BoardContext& context);
    size_t pages() const { return pages_.empty() ? 1 : pages_.size(); }
    // Draws page `page` (clamped) at the cursor, with `footer` at its foot (default:
    // "Page 2 of 5" when there is more than one; "" for none).
    void draw(size_t page, const BoardContext& context,
              std::optional<std::string_view> footer = std::nullopt) const;
    // The height of the footer line that says which page this is.
    static float footer_height(const BoardContext& context);

  private:
    float row_height(const KioskRow& row, const BoardContext& context) const;
    void draw_row(const KioskRow& row, ImVec2 origin, float height, bool alternate,
                  const BoardContext& context) const;

    struct Page {
        int group = -1;  // a group row repeated at its top, or -1
        size_t first = 0, end = 0;
    };
    std::vector<KioskColumn> columns_;
    std::vector<KioskRow> rows_;
    std::vector<float> heights_;
    std::vector<float> widths_;
    std::vector<Page> pages_;
    float width_ = 0.0f;
};

}  // namespace widgets

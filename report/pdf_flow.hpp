// Inside the PDF renderer: a document's blocks turned into measured flow items (Pango
// layouts made once, drawn line by line), and the pagination that places them on A4
// pages. Internal to report/: only pdf_document.cpp and pdf_flow.cpp include it.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <vector>

#include "report/pdf_document.hpp"

namespace report::pdf {

inline constexpr double kMm = 72.0 / 25.4;  // PDF units (points) per millimetre
inline constexpr double kPageWidth = 210 * kMm, kPageHeight = 297 * kMm;  // A4 portrait
inline constexpr double kMarginX = 18 * kMm, kTop = 16 * kMm;
inline constexpr double kBottom = kPageHeight - 20 * kMm;  // where the body ends
inline constexpr double kFooterRule = kPageHeight - 15 * kMm;
inline constexpr double kTextWidth = kPageWidth - 2 * kMarginX;

struct LayoutUnref {
    void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutUnref>;

// The Pango font of a text style: DejaVu Sans by family name, found through fontconfig.
const char* font_of(TextStyle style);
// A layout of `text` (made valid UTF-8 first) wrapping at `width` points.
LayoutPtr make_layout(PangoContext* context, const std::string& text, const char* font,
                      double width);

// One unit of the flow: measured once, then placed on one page or split over several,
// each part drawn separately.
class Item {
  public:
    virtual ~Item() = default;
    double height() const { return height_; }
    // The largest offset b with from < b <= limit at which the item may continue on the
    // next page (between two lines); 0 when there is none.
    virtual double break_before(double from, double limit) const;
    // Draws the part [from, to) of the item with that part's top at (x, y).
    virtual void draw(cairo_t* cr, double x, double y, double from, double to) const = 0;

    double space_before = 0;      // dropped at the top of a page
    bool keep_with_next = false;  // headings and table headers: never last on a page
    bool split_anywhere = false;  // paragraphs; a table row splits only when taller than a page
    bool page_break = false;
    const Item* header = nullptr;  // a table's header row, repeated above this row on a new page

  protected:
    double height_ = 0;
};

using Items = std::vector<std::unique_ptr<Item>>;
Items make_items(const PdfDocument& document, PangoContext* context);

struct Piece {
    const Item* item = nullptr;
    double from = 0, to = 0;  // the part of the item
    double y = 0;             // where that part's top goes on the page
};
using Page = std::vector<Piece>;

// Places the items between kTop and kBottom; at least one (possibly empty) page.
std::vector<Page> paginate(const Items& items);

}  // namespace report::pdf

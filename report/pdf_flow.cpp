// The flow items of a PDF document: paragraphs and table rows (both rows of text cells,
// measured line by line so a page can end between two lines), ruled write-in boxes and
// page breaks. Every line is drawn on its own (pango_cairo_show_layout_line): a clipped
// whole layout would still put the hidden lines' text into the page, and pdftotext (or
// a reader's search) would find them twice.
#include "report/pdf_flow.hpp"

#include <glib.h>

#include <algorithm>

namespace report::pdf {
namespace {

constexpr double kCellPadX = 4, kCellPadY = 3;
constexpr double kBorderGrey = 0.55, kHeaderFill = 0.88, kKeyFill = 0.95;
constexpr double kSmallGrey = 0.3;
const char* const kTableFont = "DejaVu Sans 9";
const char* const kTableBoldFont = "DejaVu Sans Bold 9";

double points(int pango_units) {
    return static_cast<double>(pango_units) / PANGO_SCALE;
}

// A laid-out text with the vertical extent of each of its lines.
struct TextCell {
    struct Line {
        double top = 0, bottom = 0, baseline = 0, x = 0;
    };
    LayoutPtr layout;
    std::vector<Line> lines;
    double x = 0, width = 0;  // within the row
    double fill = -1;         // grey level of the background; < 0 for none
    double ink = 0;           // grey level of the text

    TextCell(LayoutPtr made, double cell_x, double cell_width)
        : layout(std::move(made)), x(cell_x), width(cell_width) {
        PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
        do {
            int y0 = 0, y1 = 0;
            pango_layout_iter_get_line_yrange(iter, &y0, &y1);
            PangoRectangle logical{};
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            lines.push_back({points(y0), points(y1), points(pango_layout_iter_get_baseline(iter)),
                             points(logical.x)});
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
    }
    double height() const { return lines.empty() ? 0 : lines.back().bottom; }
    // True when no line crosses `offset` (a page may end there).
    bool clean_break_at(double offset) const {
        return std::none_of(lines.begin(), lines.end(), [&](const Line& line) {
            return line.top < offset && offset < line.bottom;
        });
    }
};

// Cells side by side: a paragraph (one cell, no border) or a table row.
class TextRow : public Item {
  public:
    TextRow(double pad_x, double pad_y, bool border)
        : pad_x_(pad_x), pad_y_(pad_y), border_(border) {}
    void add(TextCell cell) {
        cells_.push_back(std::move(cell));
        height_ = std::max(height_, cells_.back().height() + 2 * pad_y_);
    }
    TextCell& last() { return cells_.back(); }

    double break_before(double from, double limit) const override {
        double best = 0;
        for (const auto& cell : cells_)
            for (const auto& line : cell.lines) {
                const double at = pad_y_ + line.top;
                if (at <= from || at > limit || at <= best) continue;
                if (std::all_of(cells_.begin(), cells_.end(),
                                [&](const TextCell& c) { return c.clean_break_at(at - pad_y_); }))
                    best = at;
            }
        return best;
    }

    void draw(cairo_t* cr, double x, double y, double from, double to) const override {
        const double part = to - from;
        for (const auto& cell : cells_) {
            if (cell.fill >= 0) {
                cairo_set_source_rgb(cr, cell.fill, cell.fill, cell.fill);
                cairo_rectangle(cr, x + cell.x, y, cell.width, part);
                cairo_fill(cr);
            }
            if (border_) {
                cairo_set_source_rgb(cr, kBorderGrey, kBorderGrey, kBorderGrey);
                cairo_set_line_width(cr, 0.5);
                cairo_rectangle(cr, x + cell.x, y, cell.width, part);
                cairo_stroke(cr);
            }
            cairo_set_source_rgb(cr, cell.ink, cell.ink, cell.ink);
            for (size_t i = 0; i < cell.lines.size(); ++i) {
                const auto& line = cell.lines[i];
                const double top = pad_y_ + line.top;
                if (top < from || top >= to) continue;  // the part holding its top draws a line
                cairo_move_to(cr, x + cell.x + pad_x_ + line.x,
                              y + top - from + line.baseline - line.top);
                pango_cairo_show_layout_line(
                    cr, pango_layout_get_line_readonly(cell.layout.get(), static_cast<int>(i)));
            }
        }
    }

  private:
    double pad_x_, pad_y_;
    bool border_;
    std::vector<TextCell> cells_;
};

// A label and a ruled box to write in by hand.
class WriteInBox : public Item {
  public:
    WriteInBox(LayoutPtr label, double box_height) : label_(std::move(label)), box_(box_height) {
        int w = 0, h = 0;
        pango_layout_get_size(label_.get(), &w, &h);
        label_height_ = points(h) + 2;
        height_ = label_height_ + box_;
    }
    void draw(cairo_t* cr, double x, double y, double, double) const override {
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, label_.get());
        const double top = y + label_height_;
        cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
        cairo_set_line_width(cr, 0.4);
        for (double rule = top + 8 * kMm; rule < top + box_ - 2 * kMm; rule += 8 * kMm) {
            cairo_move_to(cr, x + 2 * kMm, rule);
            cairo_line_to(cr, x + kTextWidth - 2 * kMm, rule);
        }
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, kBorderGrey, kBorderGrey, kBorderGrey);
        cairo_set_line_width(cr, 0.6);
        cairo_rectangle(cr, x, top, kTextWidth, box_);
        cairo_stroke(cr);
    }

  private:
    LayoutPtr label_;
    double box_ = 0, label_height_ = 0;
};

class PageBreakItem : public Item {
  public:
    PageBreakItem() { page_break = true; }
    void draw(cairo_t*, double, double, double, double) const override {}
};

// Space above a style (dropped at the top of a page), and whether it stays with what follows.
double space_above(TextStyle style) {
    switch (style) {
        case TextStyle::title:
            return 0;
        case TextStyle::heading:
            return 10;
        case TextStyle::subheading:
            return 8;
        default:
            return 3;
    }
}

std::unique_ptr<Item> paragraph(PangoContext* context, const PdfDocument::Text& text) {
    auto row = std::make_unique<TextRow>(0, 0, false);
    row->add(
        TextCell(make_layout(context, text.text, font_of(text.style), kTextWidth), 0, kTextWidth));
    if (text.style == TextStyle::small) row->last().ink = kSmallGrey;
    row->space_before = space_above(text.style);
    row->keep_with_next = text.style == TextStyle::title || text.style == TextStyle::heading ||
                          text.style == TextStyle::subheading;
    row->split_anywhere = true;
    return row;
}

std::unique_ptr<TextRow> table_row(PangoContext* context, const PdfTable& table,
                                   const std::vector<std::string>& cells, bool header) {
    double total = 0;
    for (double w : table.widths) total += w;
    auto row = std::make_unique<TextRow>(kCellPadX, kCellPadY, true);
    double x = 0;
    for (size_t i = 0; i < table.widths.size(); ++i) {
        const double width = total > 0 ? kTextWidth * table.widths[i] / total : 0;
        const bool key = table.key_column && i == 0;
        const std::string& text = i < cells.size() ? cells[i] : std::string();
        row->add(TextCell(make_layout(context, text, header || key ? kTableBoldFont : kTableFont,
                                      width - 2 * kCellPadX),
                          x, width));
        if (header) row->last().fill = kHeaderFill;
        if (key) row->last().fill = kKeyFill;
        x += width;
    }
    return row;
}

}  // namespace

double Item::break_before(double, double) const {
    return 0;
}

const char* font_of(TextStyle style) {
    switch (style) {
        case TextStyle::title:
            return "DejaVu Sans Bold 19";
        case TextStyle::heading:
            return "DejaVu Sans Bold 14";
        case TextStyle::subheading:
            return "DejaVu Sans Bold 11";
        case TextStyle::bold:
            return "DejaVu Sans Bold 10";
        case TextStyle::small:
            return "DejaVu Sans 8.5";
        case TextStyle::body:
            break;
    }
    return "DejaVu Sans 10";
}

LayoutPtr make_layout(PangoContext* context, const std::string& text, const char* font,
                      double width) {
    LayoutPtr layout(pango_layout_new(context));
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout.get(), description);
    pango_font_description_free(description);
    pango_layout_set_width(layout.get(), static_cast<int>(std::max(width, 1.0) * PANGO_SCALE));
    // A ref or a URL longer than a column still wraps.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    // Notes come from files and the hub: bytes that are not UTF-8 become U+FFFD rather
    // than a Pango warning and a dropped paragraph.
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    pango_layout_set_text(layout.get(), valid, -1);
    g_free(valid);
    return layout;
}

Items make_items(const PdfDocument& document, PangoContext* context) {
    Items items;
    double pending_space = 0;
    for (const auto& block : document.blocks()) {
        std::unique_ptr<Item> item;
        if (const auto* text = std::get_if<PdfDocument::Text>(&block)) {
            item = paragraph(context, *text);
        } else if (const auto* table = std::get_if<PdfTable>(&block)) {
            const Item* header = nullptr;
            if (!table->header.empty()) {
                auto row = table_row(context, *table, table->header, true);
                row->keep_with_next = !table->rows.empty();
                row->space_before = 4 + pending_space;
                header = row.get();
                items.push_back(std::move(row));
            }
            for (size_t r = 0; r < table->rows.size(); ++r) {
                auto row = table_row(context, *table, table->rows[r], false);
                row->header = header;
                // No table starts with a row or two alone at the foot of a page.
                row->keep_with_next = r < 2 && table->rows.size() > 3;
                if (r == 0 && !header) row->space_before = 4 + pending_space;
                items.push_back(std::move(row));
            }
            pending_space = 4;  // the table's last border keeps clear of what follows
            continue;
        } else if (const auto* write_in = std::get_if<PdfDocument::WriteIn>(&block)) {
            const double box =
                std::clamp(write_in->height_mm * kMm, 10 * kMm, (kBottom - kTop) * 0.85);
            item = std::make_unique<WriteInBox>(
                make_layout(context, write_in->label, font_of(TextStyle::bold), kTextWidth), box);
            item->space_before = 6;
        } else if (const auto* space = std::get_if<PdfDocument::Space>(&block)) {
            pending_space += space->mm * kMm;
            continue;
        } else {
            item = std::make_unique<PageBreakItem>();
        }
        item->space_before += pending_space;
        pending_space = 0;
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace report::pdf

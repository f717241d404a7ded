// PdfDocument's blocks, and their rendering: a Cairo PDF surface writing into memory,
// a Pango context at 72 dpi (one Pango point is one PDF point) without hinting (hinted
// metrics are for screens; on paper they only shift the layout), the items measured and
// paginated first so every footer can say "Page N of M", then drawn page by page.
#include "report/pdf_document.hpp"

#include <cairo-pdf.h>

#include <memory>
#include <stdexcept>

#include "report/kpi_report.hpp"
#include "report/pdf_flow.hpp"

namespace report {

PdfDocument::PdfDocument(std::string title, std::string footer)
    : title_(std::move(title)), footer_(std::move(footer)) {}

void PdfDocument::text(std::string text, TextStyle style) {
    blocks_.emplace_back(Text{std::move(text), style});
}
void PdfDocument::table(PdfTable table) {
    blocks_.emplace_back(std::move(table));
}
void PdfDocument::write_in_space(std::string label, double height_mm) {
    blocks_.emplace_back(WriteIn{std::move(label), height_mm});
}
void PdfDocument::space(double mm) {
    blocks_.emplace_back(Space{mm});
}
void PdfDocument::page_break() {
    blocks_.emplace_back(PageBreak{});
}

namespace {

using namespace report::pdf;

struct SurfaceDestroy {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDestroy {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct PangoContextUnref {
    void operator()(PangoContext* context) const { g_object_unref(context); }
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(status));
}

std::unique_ptr<PangoContext, PangoContextUnref> print_context(cairo_t* cr) {
    std::unique_ptr<PangoContext, PangoContextUnref> context(pango_cairo_create_context(cr));
    pango_cairo_context_set_resolution(context.get(), 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context.get(), options);
    cairo_font_options_destroy(options);
    return context;
}

// The document's footer on the left, "Page N of M" on the right, under a thin rule.
void draw_footer(cairo_t* cr, PangoContext* context, const std::string& footer, int page,
                 int pages) {
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kMarginX, kFooterRule);
    cairo_line_to(cr, kPageWidth - kMarginX, kFooterRule);
    cairo_stroke(cr);
    const char* font = font_of(TextStyle::small);
    auto numbers = make_layout(
        context, "Page " + std::to_string(page) + " of " + std::to_string(pages), font, kTextWidth);
    pango_layout_set_alignment(numbers.get(), PANGO_ALIGN_RIGHT);
    auto left = make_layout(context, footer, font, kTextWidth - 25 * kMm);  // clear of the numbers
    pango_layout_set_ellipsize(left.get(), PANGO_ELLIPSIZE_END);
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    cairo_move_to(cr, kMarginX, kFooterRule + 2);
    pango_cairo_show_layout(cr, left.get());
    cairo_move_to(cr, kMarginX, kFooterRule + 2);
    pango_cairo_show_layout(cr, numbers.get());
}

}  // namespace

RenderedPdf render_pdf(const PdfDocument& document) {
    RenderedPdf out;
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &out.bytes, kPageWidth, kPageHeight));
    check(cairo_surface_status(surface.get()));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   document.title().c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "LIFT Board");
    {
        std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
        auto context = print_context(cr.get());
        const Items items = make_items(document, context.get());
        const std::vector<Page> pages = paginate(items);
        out.pages = static_cast<int>(pages.size());
        for (size_t p = 0; p < pages.size(); ++p) {
            for (const Piece& piece : pages[p])
                piece.item->draw(cr.get(), kMarginX, piece.y, piece.from, piece.to);
            draw_footer(cr.get(), context.get(), document.footer(), static_cast<int>(p + 1),
                        out.pages);
            cairo_show_page(cr.get());
        }
        check(cairo_status(cr.get()));
    }
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()));
    return out;
}

int write_pdf(const std::filesystem::path& file, const PdfDocument& document) {
    RenderedPdf pdf;
    try {
        pdf = render_pdf(document);
    } catch (const std::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
    // Rendered whole before the file is touched: a failure leaves no half-written PDF.
    write_private_file(file, pdf.bytes);
    return pdf.pages;
}

}  // namespace report

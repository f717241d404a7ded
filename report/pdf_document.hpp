// A printable document as a flow of blocks (text, tables, write-in boxes, page breaks)
// rendered to a real PDF with Cairo and Pango: A4 portrait, DejaVu Sans (the boards'
// font) embedded, selectable text, "Page N of M" in every footer, table rows kept whole
// across pages with the header row repeated, any Unicode. The meeting pack and the
// outcome sheets fill one from core view-models; this file knows nothing of LIFT.
#pragma once

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace report {

enum class TextStyle { title, heading, subheading, body, bold, small };

struct PdfTable {
    std::vector<double> widths;       // relative column widths, one per column
    std::vector<std::string> header;  // empty: no header row
    std::vector<std::vector<std::string>> rows;
    bool key_column = false;  // the first column is a label: bold, shaded
};

class PdfDocument {
  public:
    // `title` is the PDF's metadata title; `footer` is printed at the foot of every page,
    // left of "Page N of M".
    PdfDocument(std::string title, std::string footer);

    // A paragraph that wraps at the text width (and breaks between lines at a page end).
    // A title, heading or subheading stays on the page of what follows it.
    void text(std::string text, TextStyle style = TextStyle::body);
    void table(PdfTable table);
    // A ruled box `height_mm` tall (at most a page) under `label`, for handwriting.
    void write_in_space(std::string label, double height_mm);
    void space(double mm);
    void page_break();

    const std::string& title() const { return title_; }
    const std::string& footer() const { return footer_; }

    struct Text {
        std::string text;
        TextStyle style;
    };
    struct WriteIn {
        std::string label;
        double height_mm;
    };
    struct Space {
        double mm;
    };
    struct PageBreak {};
    using Block = std::variant<Text, PdfTable, WriteIn, Space, PageBreak>;
    const std::vector<Block>& blocks() const { return blocks_; }

  private:
    std::string title_, footer_;
    std::vector<Block> blocks_;
};

struct RenderedPdf {
    std::string bytes;
    int pages = 0;
};

// Lays the document out and renders it. Throws std::runtime_error when Cairo fails.
RenderedPdf render_pdf(const PdfDocument& document);
// Renders and writes `file`, created 0600 (pupil data); returns the page count. Throws
// std::runtime_error naming the file.
int write_pdf(const std::filesystem::path& file, const PdfDocument& document);

}  // namespace report

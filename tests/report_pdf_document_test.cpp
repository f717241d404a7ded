// The PDF layer on its own: documents made here, rendered, and read back with poppler's
// tools. Tables break between rows with the header repeated, long paragraphs continue
// on the next page without losing or doubling a line, every page says "Page N of M",
// DejaVu Sans is the embedded font, any Unicode survives, and files are 0600.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "report/pdf_document.hpp"
#include "support/pdf_text.hpp"
#include "support/temp_dir.hpp"

using namespace test_support;

namespace {

report::PdfTable numbered_table(int rows) {
    report::PdfTable table;
    table.widths = {1, 3};
    table.header = {"Row", "Column heading"};
    for (int i = 1; i <= rows; ++i)
        table.rows.push_back(
            {"row-" + std::to_string(i),
             "cell text for row " + std::to_string(i) +
                 ", long enough to wrap "
                 "onto a second line inside its column on an A4 page in nine point"});
    return table;
}

}  // namespace

TEST_CASE("A long table continues on the next pages with its header row repeated and no row split",
          "[report][pdf]") {
    TempDir dir;
    report::PdfDocument doc("Table test", "footer text");
    doc.text("A table", report::TextStyle::heading);
    doc.table(numbered_table(90));
    const auto file = dir / "table.pdf";
    const int pages = report::write_pdf(file, doc);

    CHECK(pages >= 3);
    CHECK(pdf_page_count(file) == pages);
    const auto texts = pdf_pages(file);
    REQUIRE(static_cast<int>(texts.size()) == pages);
    const std::string all = pdf_text(file);
    for (int i = 1; i <= 90; ++i) {
        INFO("row " << i);
        // Each row once, and whole: its first and its wrapped second line on one page.
        CHECK(count_of(all, "row-" + std::to_string(i) + "\n") +
                  count_of(all, "row-" + std::to_string(i) + " ") ==
              1);
    }
    for (int p = 0; p < pages; ++p) {
        INFO("page " << p + 1);
        CHECK(count_of(texts[p], "Column heading") == 1);
        CHECK(texts[p].find("Page " + std::to_string(p + 1) + " of " + std::to_string(pages)) !=
              std::string::npos);
        CHECK(texts[p].find("footer text") != std::string::npos);
        // A row that starts on a page ends on it: "row for row N" and its last words.
        std::smatch m;
        std::string rest = texts[p];
        int rows_here = 0;
        while (std::regex_search(rest, m, std::regex(R"(cell text for row (\d+))"))) {
            ++rows_here;
            rest = m.suffix();
        }
        CHECK(rows_here > 0);
        CHECK(count_of(texts[p], "nine point") == static_cast<size_t>(rows_here));
    }
}

TEST_CASE("A paragraph longer than a page continues on the next without losing or doubling a line",
          "[report][pdf]") {
    TempDir dir;
    report::PdfDocument doc("Paragraph test", "");
    std::string text;
    for (int i = 1; i <= 1500; ++i) text += "w" + std::to_string(i) + "x ";
    doc.text("Intro", report::TextStyle::title);
    doc.text(text);
    const auto file = dir / "paragraph.pdf";
    CHECK(report::write_pdf(file, doc) >= 2);
    const std::string all = pdf_text(file);
    for (int i = 1; i <= 1500; ++i) {
        INFO("word " << i);
        CHECK(count_of(all, "w" + std::to_string(i) + "x") == 1);
    }
}

TEST_CASE("DejaVu Sans is embedded and text in any script survives as selectable text",
          "[report][pdf]") {
    TempDir dir;
    report::PdfDocument doc("Unicode test", "Zoë's footer");
    const std::string note = "Note: \"agreed\", with Zoë — Łódź, Ωμέγα, Жанна, €5 · ✓";
    doc.text(note);
    report::PdfTable table;
    table.widths = {1, 1};
    table.key_column = true;
    table.rows = {{"Pupil", "Zoë"}, {"Bytes", std::string("bad \xff\xfe utf-8")}};
    doc.table(table);
    doc.write_in_space("Notes", 40);
    const auto file = dir / "unicode.pdf";
    CHECK(report::write_pdf(file, doc) == 1);

    const std::string all = pdf_text(file);
    CHECK(all.find(note) != std::string::npos);
    CHECK(all.find("Zoë's footer") != std::string::npos);
    CHECK(all.find("bad \uFFFD\uFFFD utf-8") != std::string::npos);
    const std::string fonts = pdf_fonts(file);
    INFO(fonts);
    CHECK(fonts.find("DejaVuSans") != std::string::npos);
    CHECK(fonts.find("DejaVuSans-Bold") != std::string::npos);
}

TEST_CASE("A PDF file is created 0600 and one already there with wider permissions is narrowed",
          "[report][pdf]") {
    TempDir dir;
    report::PdfDocument doc("Mode test", "");
    doc.text("private");
    const auto file = dir / "mode.pdf";
    write_file(file, "old");
    std::filesystem::permissions(file, std::filesystem::perms::all);
    report::write_pdf(file, doc);
    CHECK(file_mode(file) == 0600);
    CHECK(pdf_text(file).find("private") != std::string::npos);

    // A link planted where the file goes is not followed.
    const auto target = dir / "elsewhere.pdf";
    write_file(target, "untouched");
    std::filesystem::create_symlink(target, dir / "link.pdf");
    CHECK_THROWS(report::write_pdf(dir / "link.pdf", doc));
    CHECK(read_file(target) == "untouched");
}

TEST_CASE("An empty document is one page with its footer", "[report][pdf]") {
    TempDir dir;
    report::PdfDocument doc("Empty", "nothing here");
    doc.page_break();
    const auto file = dir / "empty.pdf";
    CHECK(report::write_pdf(file, doc) == 1);
    CHECK(pdf_text(file).find("Page 1 of 1") != std::string::npos);
}

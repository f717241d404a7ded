// Reading a PDF back the way a person's tools would (poppler-utils): its text per page
// (pdftotext -layout), its page count (pdfinfo) and its embedded fonts (pdffonts), for
// the tests of report/'s PDF documents. Header-only.
#pragma once

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace test_support {

inline std::string quoted(const std::filesystem::path& file) {
    return "'" + file.string() + "'";
}

// The text of every page (pdftotext separates pages with a form feed).
inline std::vector<std::string> pdf_pages(const std::filesystem::path& file) {
    auto result = run_command("pdftotext -layout -enc UTF-8 " + quoted(file) + " -");
    INFO(result.output);
    REQUIRE(result.status == 0);
    std::vector<std::string> pages;
    size_t start = 0;
    for (size_t ff; (ff = result.output.find('\f', start)) != std::string::npos; start = ff + 1)
        pages.push_back(result.output.substr(start, ff - start));
    return pages;
}

// The whole text without the layout: lines as pdftotext reads them in order.
inline std::string pdf_text(const std::filesystem::path& file) {
    auto result = run_command("pdftotext -enc UTF-8 " + quoted(file) + " -");
    INFO(result.output);
    REQUIRE(result.status == 0);
    return result.output;
}

// `text` with every run of white space as one space: a table cell's wrapped lines read
// as the sentence they hold.
inline std::string flat(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

inline int pdf_page_count(const std::filesystem::path& file) {
    auto result = run_command("pdfinfo " + quoted(file));
    INFO(result.output);
    REQUIRE(result.status == 0);
    std::smatch match;
    REQUIRE(std::regex_search(result.output, match, std::regex(R"(Pages:\s+(\d+))")));
    return std::stoi(match[1]);
}

inline std::string pdf_fonts(const std::filesystem::path& file) {
    auto result = run_command("pdffonts " + quoted(file));
    INFO(result.output);
    REQUIRE(result.status == 0);
    return result.output;
}

inline size_t count_of(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
    return n;
}

inline unsigned file_mode(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace test_support

// A file name as it may be shown: in the log, on the status bar, in a report. Names in
// the inbox come from anyone who can drop a file there, so a newline or an escape
// sequence in one must not forge a log line or garble a screen.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace db {

// `text` with control characters (C0, DEL, C1), Unicode line and paragraph
// separators, bidirectional overrides and bytes that are not UTF-8 written as C-style
// escapes (\n, \t, \x1b, \u202e), and a backslash as \\ so an escape cannot be faked.
// Printable UTF-8, spaces included, is kept as it is.
std::string printable_name(std::string_view text);
inline std::string printable_name(const std::filesystem::path& file) {
    return printable_name(std::string_view(file.native()));
}

}  // namespace db

// Inbox files shaped to make a checker slow or greedy (issues 17 and 19): many columns,
// one huge field, deep JSON nesting, millions of empty lines, unclosed quotes, a
// million bad rows. Each is about `bytes` long. Header-only so the importer's tests
// and bench/import_worst_case_bench.cpp check the very same shapes.
#pragma once

#include <string>
#include <vector>

namespace test_support {

struct HostileFile {
    std::string name;  // an inbox file name: its kind and format
    std::string bytes;
};

// `unit` repeated until the text is about `bytes` long.
inline std::string repeated(const std::string& unit, size_t bytes) {
    std::string out;
    out.reserve(bytes + unit.size());
    while (out.size() < bytes) out += unit;
    return out;
}

// An events header naming `detail` over and over (the 29 s / 414 MB case).
inline HostileFile same_name_columns(size_t bytes) {
    return {"events-same-columns.csv",
            "pupil_ref,event,date" + repeated(",detail", bytes) + "\nP00001,visit,2025-01-06\n"};
}

// An events header of distinct made-up columns, then one row.
inline HostileFile many_columns(size_t bytes) {
    std::string header = "pupil_ref,event,date";
    for (size_t i = 0; header.size() < bytes; ++i) header += ",c" + std::to_string(i);
    return {"events-many-columns.csv", header + "\nP00001,visit,2025-01-06\n"};
}

// One free-text detail as long as the file.
inline HostileFile huge_field_csv(size_t bytes) {
    return {"events-huge-field.csv",
            "pupil_ref,event,date,detail\nP00001,caselist_opened,"
            "2025-01-06,\"" +
                repeated("Reads, \"\"well\"\"\n", bytes) + "\"\n"};
}

inline HostileFile huge_field_json(size_t bytes) {
    return {"events-huge-field.json",
            "[{\"pupil_ref\": \"P00001\", \"event\": \"visit\", \"date\": \"2025-01-06\", "
            "\"detail\": \"" +
                repeated("a visit \\u00e9 ", bytes) + "\"}]\n"};
}

// One data row of millions of cells.
inline HostileFile long_row(size_t bytes) {
    return {"events-long-row.csv", "pupil_ref,event,date\n" + repeated("x,", bytes) + "\n"};
}

inline HostileFile deep_json(size_t bytes) {
    return {"events-deep.json", repeated("[", bytes) + repeated("]", 8)};
}

// A row of 100,000s of keys the contract does not have.
inline HostileFile many_keys_json(size_t bytes) {
    std::string row = "[{\"pupil_ref\": \"P00001\", \"event\": \"visit\", \"date\": \"2025-01-06\"";
    for (size_t i = 0; row.size() < bytes; ++i) row += ", \"k" + std::to_string(i) + "\": 1";
    return {"events-many-keys.json", row + "}]\n"};
}

// Millions of empty lines between the header and the one row.
inline HostileFile empty_lines(size_t bytes) {
    return {"events-empty-lines.csv",
            "pupil_ref,event,date\n" + std::string(bytes, '\n') + "P77777,visit,2025-01-06\n"};
}

// A quote opened on line 2 and never closed.
inline HostileFile unclosed_quote(size_t bytes) {
    return {"events-unclosed.csv", "pupil_ref,event,date,detail\nP00001,visit,2025-01-06,\"" +
                                       repeated("P00001,visit,2025-01-06,x\n", bytes)};
}

// Every row wrong: a problem per line.
inline HostileFile bad_rows(size_t bytes) {
    return {"events-bad-rows.csv",
            "pupil_ref,event,date\n" + repeated("P00001,visit,someday\n", bytes)};
}

// Bytes that are not UTF-8 on every line.
inline HostileFile not_utf8(size_t bytes) {
    return {"events-latin1.csv", "pupil_ref,event,date\n" + repeated("caf\xE9\n", bytes)};
}

inline std::vector<HostileFile> hostile_files(size_t bytes) {
    return {same_name_columns(bytes), many_columns(bytes), huge_field_csv(bytes),
            huge_field_json(bytes),   long_row(bytes),     deep_json(bytes),
            many_keys_json(bytes),    empty_lines(bytes),  unclosed_quote(bytes),
            bad_rows(bytes),          not_utf8(bytes)};
}

}  // namespace test_support

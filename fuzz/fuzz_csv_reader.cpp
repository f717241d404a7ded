// libFuzzer target: any bytes through the CSV reader (libcsv underneath). It must
// return, never crash, and keep its promise about problems.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "db/import/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    db::inbox::TextTable table;
    db::ProblemList problems;
    bool readable = db::inbox::read_csv(text, "fuzz.csv", table, problems);
    // An unreadable file must say why.
    if (!readable && problems.empty()) std::abort();
    return 0;
}

// libFuzzer target: any bytes through the JSON reader (nlohmann SAX with a line-counting
// iterator). The first byte picks the kind the file name would have promised.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "db/import/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const auto kind = static_cast<db::InboxKind>(data[0] % 9);
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    db::inbox::TextTable table;
    db::ProblemList problems;
    bool readable = db::inbox::read_json(text, kind, "fuzz.json", table, problems);
    if (!readable && problems.empty()) std::abort();
    return 0;
}

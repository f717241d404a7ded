#include "support/inbox_files.hpp"

#include <cstdio>

namespace test_support {

std::string many_pupils_csv(int pupils) {
    std::string out = "pupil_ref,school_urn,initials\n";
    char line[64];
    for (int i = 1; i <= pupils; ++i) {
        std::snprintf(line, sizeof line, "P%06d,900001,XY\n", i);
        out += line;
    }
    return out;
}

std::string many_events_csv(int rows, int pupils) {
    std::string out = "pupil_ref,event,date,detail,staff_id\n";
    out.reserve(static_cast<size_t>(rows) * 40);
    char line[96];
    for (int i = 0; i < rows; ++i) {
        // Distinct keys: a different day per row of a pupil.
        int pupil = i % pupils + 1;
        int n = i / pupils;
        std::snprintf(line, sizeof line, "P%06d,visit,%04d-%02d-%02d,,\n", pupil, 2000 + n / 336,
                      n / 28 % 12 + 1, n % 28 + 1);
        out += line;
    }
    return out;
}

}  // namespace test_support

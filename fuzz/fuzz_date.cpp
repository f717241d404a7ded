// libFuzzer target: the small text parsers of dates and values (inbox cells, --today,
// config times, --size). Besides not crashing, a parsed date must survive a round trip.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/config.hpp"
#include "app/size_parse.hpp"
#include "core/date.hpp"
#include "db/import/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto date = core::parse_date(text)) {
        auto again = core::parse_date(core::to_iso(*date));
        if (!again || *again != *date) std::abort();
        if (date->month() < 1 || date->month() > 12 || date->day() < 1 || date->day() > 31)
            std::abort();
        (void)core::to_display(*date);
        (void)core::to_short_display(*date);
    }
    (void)db::inbox::normalise_academic_year(text);
    if (auto year = db::inbox::parse_year_group(text); year && (*year < 0 || *year > 14))
        std::abort();
    (void)app::parse_clock_time(std::string(text));
    if (auto window = app::parse_window_size(text);
        window && (window->width <= 0 || window->height <= 0))
        std::abort();
    return 0;
}

// The meeting board's window-free layout decisions (see meetings_layout.hpp).
#include "widgets/meetings_layout.hpp"

#include <algorithm>
#include <cmath>

namespace widgets {

std::vector<MeetingColumn> meeting_columns(const core::MeetingBoardModel& model) {
    std::vector<MeetingColumn> columns;
    for (int week = 0; week < 2; ++week) {
        const size_t before = columns.size();
        for (size_t i = 0; i < model.cards.size(); ++i)
            if (model.cards[i].this_week == (week == 0))
                columns.push_back({week, static_cast<int>(i)});
        if (columns.size() == before) columns.push_back({week, -1});
    }
    return columns;
}

std::string empty_week_text(const core::MeetingBoardModel& model, int week) {
    return std::string(week == 0 ? "This week" : "Next week") + ": no LIFT meeting or Surgery" +
           (model.district.empty() ? std::string() : " in " + model.district);
}

std::vector<std::string> school_lines(const std::vector<core::MeetingSchool>& schools, float width,
                                      size_t max_lines, const MeasureText& measure) {
    static constexpr std::string_view kSeparator = "  \xc2\xb7  ";
    std::vector<std::string> lines;
    if (schools.empty() || max_lines == 0) return lines;
    std::vector<std::string> items;
    items.reserve(schools.size());
    for (const core::MeetingSchool& s : schools)
        items.push_back(s.booked > 0 ? s.name + " " + std::to_string(s.booked) : s.name);

    auto more = [](size_t n) { return "+" + std::to_string(n) + " more"; };
    std::string line;
    for (size_t i = 0; i < items.size(); ++i) {
        std::string candidate = line.empty() ? items[i] : line + std::string(kSeparator) + items[i];
        if (line.empty() || measure(candidate) <= width) {
            line = std::move(candidate);
            continue;
        }
        if (lines.size() + 1 == max_lines) {
            // The last line: keep what fits with room for "+N more".
            size_t remaining = items.size() - i;
            while (!line.empty() &&
                   measure(line + std::string(kSeparator) + more(remaining)) > width) {
                const size_t cut = line.rfind(kSeparator);
                if (cut == std::string::npos) break;
                line.erase(cut);
                ++remaining;
            }
            lines.push_back(line + std::string(kSeparator) + more(remaining));
            return lines;
        }
        lines.push_back(std::move(line));
        line = items[i];
    }
    lines.push_back(std::move(line));
    return lines;
}

std::vector<DetailRun> booking_detail(const core::MeetingBooking& booking) {
    std::vector<DetailRun> runs;
    if (!booking.paperwork.empty()) {
        const bool fine = booking.paperwork_status == core::Status::ok;
        runs.push_back({booking.paperwork, booking.paperwork_status, fine});
    }
    for (const core::BookingMark& mark : booking.marks)
        runs.push_back({mark.text, mark.status, mark.status == core::Status::ok});
    // What failed comes first, most severe first: a narrow card cuts the end of the line.
    std::stable_sort(runs.begin(), runs.end(),
                     [](const DetailRun& a, const DetailRun& b) { return a.status > b.status; });
    return runs;
}

int rows_below(int rows, float first, float visible) {
    const int last_seen = static_cast<int>(std::floor(first + visible + 0.01f));
    return std::max(0, rows - last_seen);
}

}  // namespace widgets

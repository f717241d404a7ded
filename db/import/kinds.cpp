#include "db/import/kinds.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace db {
namespace {

constexpr std::array<std::string_view, 9> kNames = {"schools", "terms",         "lift_groups",
                                                    "staff",   "lift_schedule", "surgeries",
                                                    "pupils",  "events",        "bookings"};

constexpr std::array<ColumnSpec, 5> kSchools = {
    {{"urn", true}, {"name", true}, {"district", true}, {"lift_group", false}, {"phase", false}}};
constexpr std::array<ColumnSpec, 4> kTerms = {
    {{"academic_year", true}, {"term", true}, {"start_date", true}, {"end_date", true}}};
constexpr std::array<ColumnSpec, 4> kLiftGroups = {
    {{"urn", true}, {"academic_year", true}, {"term", true}, {"group", true}}};
constexpr std::array<ColumnSpec, 4> kStaff = {
    {{"staff_id", true}, {"name", true}, {"role", true}, {"district", false}}};
constexpr std::array<ColumnSpec, 5> kLiftSchedule = {{{"district", true},
                                                      {"group", true},
                                                      {"meeting_date", true},
                                                      {"paperwork_deadline", false},
                                                      {"venue", false}}};
constexpr std::array<ColumnSpec, 4> kSurgeries = {
    {{"district", true}, {"surgery_date", true}, {"venue", false}, {"staff_id", false}}};
constexpr std::array<ColumnSpec, 7> kPupils = {{{"pupil_ref", true},
                                                {"school_urn", true},
                                                {"initials", true},
                                                {"first_name", false},
                                                {"last_name", false},
                                                {"year_group", false},
                                                {"need_area", false}}};
constexpr std::array<ColumnSpec, 8> kEvents = {{{"pupil_ref", true},
                                                {"event", true},
                                                {"date", true},
                                                {"detail", false},
                                                {"staff_id", false},
                                                {"note", false},
                                                {"owner", false},
                                                {"review_date", false}}};
constexpr std::array<ColumnSpec, 6> kBookings = {{{"pupil_ref", true},
                                                  {"kind", true},
                                                  {"meeting_date", true},
                                                  {"district", false},
                                                  {"group", false},
                                                  {"paperwork_received", false}}};

// Columns holding what people type in their own words. `detail` is free text for some
// events (an agreed outcome) and a code for others: the code is checked per event.
constexpr std::array<std::string_view, 7> kFreeTextColumns = {
    "name", "first_name", "last_name", "venue", "detail", "note", "owner"};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

std::string_view to_string(InboxKind kind) {
    return kNames[static_cast<size_t>(kind)];
}

std::optional<InboxKind> parse_inbox_kind(std::string_view name) {
    for (size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return static_cast<InboxKind>(i);
    return std::nullopt;
}

std::optional<InboxKind> inbox_kind_of(const std::filesystem::path& file) {
    std::string extension = lower(file.extension().string());
    if (extension != ".csv" && extension != ".json") return std::nullopt;
    // File names are matched in any case: spreadsheet users save "Schools.CSV".
    std::string stem = lower(file.stem().string());
    // The kind is everything before the first '-' (kind names use '_', never '-').
    std::string_view kind = stem;
    if (auto dash = kind.find('-'); dash != std::string_view::npos) kind = kind.substr(0, dash);
    return parse_inbox_kind(kind);
}

InboxFormat inbox_format_of(const std::filesystem::path& file) {
    return lower(file.extension().string()) == ".json" ? InboxFormat::json : InboxFormat::csv;
}

int dependency_rank(InboxKind kind) {
    // A total order, so a drop is applied the same way whatever its listing order:
    // groups name schools, surgeries name staff, pupils name schools, events and
    // bookings name pupils (and bookings name meetings).
    switch (kind) {
        case InboxKind::schools:
            return 0;
        case InboxKind::terms:
            return 1;
        case InboxKind::staff:
            return 2;
        case InboxKind::lift_groups:
            return 3;
        case InboxKind::lift_schedule:
            return 4;
        case InboxKind::surgeries:
            return 5;
        case InboxKind::pupils:
            return 6;
        case InboxKind::events:
            return 7;
        case InboxKind::bookings:
            return 8;
    }
    return 9;
}

std::span<const ColumnSpec> columns_of(InboxKind kind) {
    switch (kind) {
        case InboxKind::schools:
            return kSchools;
        case InboxKind::terms:
            return kTerms;
        case InboxKind::lift_groups:
            return kLiftGroups;
        case InboxKind::staff:
            return kStaff;
        case InboxKind::lift_schedule:
            return kLiftSchedule;
        case InboxKind::surgeries:
            return kSurgeries;
        case InboxKind::pupils:
            return kPupils;
        case InboxKind::events:
            return kEvents;
        case InboxKind::bookings:
            return kBookings;
    }
    return {};
}

size_t max_length(std::string_view column) {
    bool free_text = std::find(kFreeTextColumns.begin(), kFreeTextColumns.end(), column) !=
                     kFreeTextColumns.end();
    return free_text ? kFreeTextLimit : kCodeLimit;
}

}  // namespace db

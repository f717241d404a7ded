// Validators for pupils and their pathway events. The events path is the hot one
// (100k-row files): it allocates little per row and looks references up by view.
#include <algorithm>
#include <array>
#include <optional>
#include <tuple>

#include "core/domain.hpp"
#include "db/import/row_checker.hpp"
#include "db/import/validate.hpp"

namespace db::inbox {

std::vector<core::Pupil> validate_pupils(RowChecker& rows, const References& refs) {
    enum { pupil_ref, school_urn, initials, first_name, last_name, year_group, need_area };
    static const std::string areas = names_of<core::NeedArea>(5);
    std::vector<core::Pupil> out;
    std::vector<int> lines;
    out.reserve(rows.row_count());
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        core::Pupil pupil;
        pupil.pupil_ref = rows.required(pupil_ref);
        pupil.school_urn = rows.required(school_urn);
        if (!pupil.school_urn.empty() && !refs.school(pupil.school_urn))
            rows.problem(school_urn, "unknown school " + RowChecker::quoted(pupil.school_urn) +
                                         " (not in the store nor in a schools file of this drop)");
        pupil.initials = rows.required(initials);
        pupil.first_name = rows.text(first_name);
        pupil.last_name = rows.text(last_name);
        if (std::string_view year = rows.text(year_group); !year.empty()) {
            if (auto parsed = parse_year_group(year))
                pupil.year_group = *parsed;
            else
                rows.problem(year_group, RowChecker::quoted(year) +
                                             " is not a year group (R, Reception or 0 to 14)");
        }
        pupil.need_area = rows.choice<core::NeedArea>(need_area, core::parse_need_area,
                                                      "a need area", areas, false)
                              .value_or(core::NeedArea::none);
        if (pupil.pupil_ref.empty()) continue;
        out.push_back(std::move(pupil));
        lines.push_back(rows.line());
    }
    return rows.in_key_order(
        std::move(out), lines,
        [](const core::Pupil& p) { return std::tuple(KeyText{p.pupil_ref}); }, "pupil_ref");
}

namespace {

// What an event's `detail` holds (INBOX.md's events table): one of the event's codes
// (core::allowed_details lists them), free text, or nothing. An event with codes needs
// no entry here; a new event takes no detail unless it is listed as free text.
enum class DetailRule { none, code, free_text };
constexpr std::array kFreeTextDetail = {core::EventKind::caselist_opened};

DetailRule detail_rule(core::EventKind kind) {
    if (!core::allowed_details(kind).empty()) return DetailRule::code;
    bool free =
        std::find(kFreeTextDetail.begin(), kFreeTextDetail.end(), kind) != kFreeTextDetail.end();
    return free ? DetailRule::free_text : DetailRule::none;
}

// The contract's spelling of an enumerated detail, or nullopt when `text` is not one.
std::optional<std::string_view> allowed_detail(core::EventKind kind, std::string_view text) {
    for (std::string_view allowed : core::allowed_details(kind))
        if (equal_text(allowed, text)) return allowed;  // the common case: no allocation
    std::string name = normalise_name(text);
    for (std::string_view allowed : core::allowed_details(kind))
        if (allowed == name) return allowed;
    return std::nullopt;
}

std::string unknown_pupil(std::string_view ref) {
    return "unknown pupil " + RowChecker::quoted(ref) +
           " (not in the store nor in a pupils file of this drop)";
}

std::string list(std::span<const std::string_view> names) {
    std::string out;
    for (std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// Checks `note`, the current row's detail (in `column`), against its event's rule.
// An enumerated detail (a recommendation type, an agency...) becomes its contract
// spelling; free text is kept as typed. A detail on an event that takes none is
// refused rather than stored unseen or dropped: the user meant something by it, most
// likely a note.
void check_detail(RowChecker& rows, size_t column, core::EventKind kind, std::string_view& note) {
    auto event = [&] { return "'" + std::string(core::to_string(kind)) + "'"; };
    switch (detail_rule(kind)) {
        case DetailRule::free_text:
            return;
        case DetailRule::code:
            if (auto canonical = allowed_detail(kind, note))
                note = *canonical;
            else
                rows.problem(column, RowChecker::quoted(note) + " is not a detail of " + event() +
                                         " (" + list(core::allowed_details(kind)) + ")");
            return;
        case DetailRule::none:
            rows.problem(column, RowChecker::quoted(note) + " given, but " + event() +
                                     " takes no detail (free text goes in the note column)");
            return;
    }
}

}  // namespace

namespace {

// An event row read but not yet copied: views into the decoded table, so reading,
// ordering and checking 100k rows moves small values only.
struct EventDraft {
    std::string_view pupil_ref;
    core::EventKind kind;
    core::Date date;
    std::string_view detail, staff_id;
    std::string_view note, owner;
    std::optional<core::Date> review_date;
};

}  // namespace

std::vector<core::Event> validate_events(RowChecker& rows, const References& refs) {
    enum { pupil_ref, event, date, detail, staff_id, note_column, owner, review_date };
    static const std::string kinds = names_of<core::EventKind>(core::kEventKindCount);
    // Keys order events by their spelling; ranks make that an integer comparison.
    static const auto kind_rank = [] {
        std::array<int, core::kEventKindCount> ranks{};
        for (int i = 0; i < core::kEventKindCount; ++i)
            ranks[static_cast<size_t>(i)] =
                text_rank(static_cast<core::EventKind>(i), core::kEventKindCount);
        return ranks;
    }();
    std::vector<EventDraft> drafts;
    std::vector<int> lines;
    drafts.reserve(rows.row_count());
    lines.reserve(rows.row_count());
    for (size_t r = 0; r < rows.row_count(); ++r) {
        rows.begin_row(r);
        std::string_view pupil = rows.required(pupil_ref);
        auto kind =
            rows.choice<core::EventKind>(event, core::parse_event_kind, "a pathway event", kinds);
        auto when = rows.date(date);
        std::string_view note = rows.text(detail);
        if (kind && !note.empty()) check_detail(rows, detail, *kind, note);
        std::string_view staff = rows.text(staff_id);
        if (!staff.empty() && !refs.has_staff(staff))
            rows.problem(staff_id, "unknown staff member " + RowChecker::quoted(staff) +
                                       " (not in the store nor in a staff file of this drop)");
        // Optional (INBOX.md): a review date is allowed on any event, but never before it.
        auto review = rows.date(review_date, false);
        if (review && when && *review < *when)
            rows.problem(review_date, RowChecker::quoted(rows.text(review_date)) +
                                          " is before the event's date (" +
                                          core::to_display(*when) + ")");
        // A row without a readable key is not ordered, so its pupil is checked here;
        // the others' pupils are checked once per pupil after ordering, below.
        if (pupil.empty() || !kind || !when) {
            if (!pupil.empty() && !refs.has_pupil(pupil))
                rows.problem(pupil_ref, unknown_pupil(pupil));
            continue;
        }
        drafts.push_back(
            {pupil, *kind, *when, note, staff, rows.text(note_column), rows.text(owner), review});
        lines.push_back(rows.line());
    }

    auto order = rows.key_order(
        drafts, lines,
        [](const EventDraft& e) {
            return std::tuple(KeyText{e.pupil_ref}, kind_rank[static_cast<size_t>(e.kind)],
                              e.date.days, KeyText{e.detail});
        },
        [](const EventDraft& e) {
            // Event, then date: orders as the key's second and third parts do.
            uint64_t rank = static_cast<uint64_t>(kind_rank[static_cast<size_t>(e.kind)]);
            uint64_t day = static_cast<uint32_t>(e.date.days) ^ 0x80000000u;  // signed order
            return (rank << 32) | day;
        },
        "pupil_ref+event+date+detail");

    // In key order a pupil's rows are together: one lookup per pupil, not per row.
    std::vector<core::Event> out;
    out.reserve(order.size());
    std::optional<std::string_view> checked_pupil;
    bool pupil_known = false;
    for (size_t k = 0; k < order.size(); ++k) {
        // Key order visits drafts, and the text they view, at random: fetching a few
        // rows ahead hides most of the memory latency that would otherwise dominate.
        if (k + 16 < order.size()) __builtin_prefetch(&drafts[order[k + 16]]);
        if (k + 8 < order.size()) __builtin_prefetch(drafts[order[k + 8]].pupil_ref.data());
        uint32_t i = order[k];
        const EventDraft& e = drafts[i];
        if (!checked_pupil || !equal_text(*checked_pupil, e.pupil_ref)) {
            checked_pupil = e.pupil_ref;
            pupil_known = refs.has_pupil(e.pupil_ref);
        }
        if (!pupil_known) rows.problem_at(lines[i], pupil_ref, unknown_pupil(e.pupil_ref));
        out.push_back({std::string(e.pupil_ref), e.kind, e.date, std::string(e.detail),
                       std::string(e.staff_id), std::string(e.note), std::string(e.owner),
                       e.review_date});
    }
    return out;
}

}  // namespace db::inbox

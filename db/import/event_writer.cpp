#include "db/import/event_writer.hpp"

#include <sqlite3.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace db::inbox {
namespace {

// Rows per INSERT: enough to spread the statement overhead, few enough that a batch
// with an existing key (which then runs row by row) costs little.
constexpr size_t kBatch = 50;
constexpr int kColumns = 8;

// "YYYY-MM-DD" as core::to_iso spells it, without printf.
struct IsoDate {
    char text[10];
    explicit IsoDate(core::Date date) {
        // One calendar conversion, where Date::year(), month() and day() make three.
        std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
        int year = static_cast<int>(ymd.year());
        unsigned month = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
        text[0] = static_cast<char>('0' + year / 1000 % 10);
        text[1] = static_cast<char>('0' + year / 100 % 10);
        text[2] = static_cast<char>('0' + year / 10 % 10);
        text[3] = static_cast<char>('0' + year % 10);
        text[4] = '-';
        text[5] = static_cast<char>('0' + month / 10);
        text[6] = static_cast<char>('0' + month % 10);
        text[7] = '-';
        text[8] = static_cast<char>('0' + day / 10);
        text[9] = static_cast<char>('0' + day % 10);
    }
    std::string_view view() const { return {text, sizeof text}; }
};

// Binds without a copy: the text must outlive the step (it does: the caller's rows and
// `dates`, which live until the statement is reset).
void bind(sqlite3_stmt* statement, int index, std::string_view text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

// An event's two dates in ISO text: they must outlive the step, like the row's texts.
struct IsoDates {
    IsoDate date;
    std::optional<IsoDate> review_date;
};

void bind_event(sqlite3_stmt* statement, int first, const core::Event& event,
                const IsoDates& dates) {
    bind(statement, first, event.pupil_ref);
    bind(statement, first + 1, core::to_string(event.kind));
    bind(statement, first + 2, dates.date.view());
    bind(statement, first + 3, event.detail);
    bind(statement, first + 4, event.staff_id);
    bind(statement, first + 5, event.note);
    bind(statement, first + 6, event.owner);
    if (dates.review_date)
        bind(statement, first + 7, dates.review_date->view());
    else
        sqlite3_bind_null(statement, first + 7);
}

std::string insert_sql(size_t rows) {
    std::string sql =
        "INSERT INTO event(pupil_ref, event, date, detail, staff_id, note, owner, review_date) "
        "VALUES ";
    for (size_t i = 0; i < rows; ++i)
        sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?)";
    return sql + " ON CONFLICT(pupil_ref, event, date, detail) DO NOTHING";
}

// parse_date reads four-digit years only; anything else would be spelled differently
// by to_iso, and the two write paths must store the same text.
IsoDate iso_date(core::Date date) {
    if (date.year() < 0 || date.year() > 9999)
        throw SQLite::Exception("event date out of range: " + core::to_iso(date));
    return IsoDate(date);
}

}  // namespace

void EventWriter::Finalize::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

EventWriter::Statement EventWriter::prepare(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    int result = sqlite3_prepare_v3(database_.getHandle(), sql.c_str(), -1,
                                    SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    Statement owned(statement);
    if (result != SQLITE_OK) throw SQLite::Exception(database_.getHandle(), result);
    return owned;
}

// Runs a bound statement once; returns the rows it changed. Resets it and drops the
// bindings (they point into the caller's rows) in any case.
int EventWriter::run(sqlite3_stmt* statement) {
    int result = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (result != SQLITE_DONE) throw SQLite::Exception(database_.getHandle(), result);
    return sqlite3_changes(database_.getHandle());
}

EventWriter::EventWriter(SQLite::Database& database)
    : database_(database),
      insert_batch_(prepare(insert_sql(kBatch))),
      insert_one_(prepare(insert_sql(1))),
      update_one_(prepare(
          "UPDATE event SET staff_id = ?5, note = ?6, owner = ?7, review_date = ?8 "
          "WHERE pupil_ref = ?1 AND event = ?2 AND date = ?3 AND detail = ?4 AND "
          "(staff_id IS NOT ?5 OR note IS NOT ?6 OR owner IS NOT ?7 OR review_date IS NOT ?8)")) {}

WriteCounts EventWriter::write(std::span<const core::Event> events) {
    WriteCounts counts;
    std::vector<IsoDates> dates;
    dates.reserve(kBatch);
    for (size_t start = 0; start < events.size(); start += kBatch) {
        auto batch = events.subspan(start, std::min(kBatch, events.size() - start));
        dates.clear();
        for (const core::Event& event : batch)
            dates.push_back({iso_date(event.date), event.review_date
                                                       ? std::optional(iso_date(*event.review_date))
                                                       : std::nullopt});

        size_t inserted = 0;
        if (batch.size() == kBatch) {
            for (size_t i = 0; i < batch.size(); ++i)
                bind_event(insert_batch_.get(), static_cast<int>(i) * kColumns + 1, batch[i],
                           dates[i]);
            inserted = static_cast<size_t>(run(insert_batch_.get()));
        } else {
            for (size_t i = 0; i < batch.size(); ++i) {
                bind_event(insert_one_.get(), 1, batch[i], dates[i]);
                inserted += static_cast<size_t>(run(insert_one_.get()));
            }
        }
        counts.inserted += inserted;
        if (inserted == batch.size()) continue;
        // Some keys existed. Rows this batch inserted already hold their values, so
        // updating every row of the batch changes exactly the existing, differing ones.
        size_t updated = 0;
        for (size_t i = 0; i < batch.size(); ++i) {
            bind_event(update_one_.get(), 1, batch[i], dates[i]);
            updated += static_cast<size_t>(run(update_one_.get()));
        }
        counts.updated += updated;
        counts.unchanged += batch.size() - inserted - updated;
    }
    return counts;
}

}  // namespace db::inbox

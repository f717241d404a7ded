#include "db/store.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "db/migrations.hpp"
#include "db/table_writer.hpp"

namespace db {
namespace {

// NOMUTEX: a Store is used by one thread only (STYLE.md), so SQLite's per-call
// connection mutex is pure cost; it was a fifth of the time of loading a large store.
int open_flags(Store::Access access) {
    return SQLite::OPEN_NOMUTEX |
           (access == Store::Access::read_only ? SQLite::OPEN_READONLY
                                               : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
}

// Folders the store creates are the owner's only (0700), like the file itself.
void create_private_directories(const std::filesystem::path& dir) {
    std::error_code error;
    if (dir.empty() || std::filesystem::is_directory(dir, error)) return;
    create_private_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw std::runtime_error(dir.string() + ": cannot create the folder");
}

// SQLite would create the file with the umask's mode; children's data must not be
// world-readable, so the file is created 0600 first. WAL/SHM files inherit its mode.
const std::filesystem::path& create_private(const std::filesystem::path& file,
                                            Store::Access access) {
    if (access == Store::Access::read_only) {
        if (!std::filesystem::exists(file))
            throw std::runtime_error(file.string() + ": no such database");
        return file;
    }
    if (!std::filesystem::exists(file)) {
        if (file.has_parent_path()) create_private_directories(file.parent_path());
        int fd = ::open(file.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0) throw std::runtime_error(file.string() + ": cannot create database");
        ::close(fd);
    }
    return file;
}

std::optional<core::Date> date_or_null(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return core::parse_date(c.getText());
}

core::Date date_of(const SQLite::Column& c) {
    return date_or_null(c).value_or(core::Date{});
}

// The column's text, viewed in place (valid until the statement steps on); "" for NULL.
std::string_view text_of(const SQLite::Column& c) {
    return {c.getText(""), static_cast<size_t>(c.getBytes())};
}

std::vector<core::CaseState> read_cases(SQLite::Database& db) {
    std::vector<core::CaseState> out;
    SQLite::Statement cases(db, "SELECT pupil_ref, assigned_staff_id, priority FROM case_state");
    while (cases.executeStep())
        out.push_back({cases.getColumn(0).getString(), cases.getColumn(1).getString(),
                       cases.getColumn(2).getInt()});
    return out;
}

std::vector<core::SyncConflict> read_conflicts(SQLite::Database& db) {
    std::vector<core::SyncConflict> out;
    SQLite::Statement conflicts(
        db,
        "SELECT id, pupil_ref, what, who, edited_at, detected_at, mine, theirs, "
        "reason FROM hub_conflict WHERE resolved_at IS NULL ORDER BY id");
    while (conflicts.executeStep())
        out.push_back({conflicts.getColumn(0).getInt64(), conflicts.getColumn(1).getString(),
                       conflicts.getColumn(2).getString(), conflicts.getColumn(3).getString(),
                       conflicts.getColumn(4).getString(), conflicts.getColumn(5).getString(),
                       conflicts.getColumn(6).getString(), conflicts.getColumn(7).getString(),
                       conflicts.getColumn(8).getString()});
    return out;
}

}  // namespace

struct Store::Statements {
    explicit Statements(SQLite::Database& d)
        : school(d, "school", {"urn"}, {"name", "district", "lift_group", "phase"}),
          term(d, "term", {"academic_year", "term"}, {"start_date", "end_date"}),
          lift_group(d, "lift_group", {"urn", "academic_year", "term"}, {"grp"}),
          staff(d, "staff", {"staff_id"}, {"name", "role", "district"}),
          meeting(d, "lift_meeting", {"district", "meeting_date", "grp"},
                  {"paperwork_deadline", "venue"}),
          surgery(d, "surgery", {"district", "surgery_date", "staff_id"}, {"venue"}),
          pupil(d, "pupil", {"pupil_ref"},
                {"school_urn", "initials", "first_name", "last_name", "year_group", "need_area"}),
          event(d, "event", {"pupil_ref", "event", "date", "detail"},
                {"staff_id", "note", "owner", "review_date"}),
          booking(d, "booking", {"pupil_ref", "kind", "meeting_date"},
                  {"district", "grp", "paperwork_received"}),
          case_state(d, "case_state", {"pupil_ref"}, {"assigned_staff_id", "priority"}) {}
    TableWriter school, term, lift_group, staff, meeting, surgery, pupil, event, booking,
        case_state;
};

Store::Store(const std::filesystem::path& file, Access access) try
    : path_(file), db_(create_private(file, access), open_flags(access), 5000) {
    db_.exec("PRAGMA foreign_keys = ON");
    // Deleted rows (a pupil's data removed) are overwritten, not left readable in free pages.
    db_.exec("PRAGMA secure_delete = ON");
    if (access == Access::read_write) {
        db_.exec("PRAGMA journal_mode = WAL");
        db_.exec("PRAGMA synchronous = FULL");
        // A checkpoint restarts the WAL from its start but leaves the file its size: a
        // one-off large import would hold that disk space for good (on a small disk, the
        // space a full-disk recovery needs). Past 16 MB it is cut back at the restart.
        db_.exec("PRAGMA journal_size_limit = 16777216");
        migrate(db_);
    } else {
        int version = db_.execAndGet("PRAGMA user_version").getInt();
        if (version != latest_schema_version())
            throw std::runtime_error("schema version " + std::to_string(version) + ", expected " +
                                     std::to_string(latest_schema_version()));
    }
    statements_ = std::make_unique<Statements>(db_);
} catch (const SQLite::Exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
} catch (const std::runtime_error& e) {
    std::string what = e.what();
    if (what.rfind(file.string(), 0) == 0) throw;
    throw std::runtime_error(file.string() + ": " + what);
}

Store::~Store() = default;

Upsert Store::upsert(const core::School& r) {
    return statements_->school.write(r.urn, r.name, r.district, r.lift_group, r.phase);
}
Upsert Store::upsert(const core::Term& r) {
    return statements_->term.write(r.academic_year, core::to_string(r.term), r.start, r.end);
}
Upsert Store::upsert(const core::LiftGroupAssignment& r) {
    return statements_->lift_group.write(r.urn, r.academic_year, core::to_string(r.term), r.group);
}
Upsert Store::upsert(const core::Staff& r) {
    return statements_->staff.write(r.staff_id, r.name, core::to_string(r.role), r.district);
}
Upsert Store::upsert(const core::LiftMeeting& r) {
    return statements_->meeting.write(r.district, r.meeting_date, r.group, r.paperwork_deadline,
                                      r.venue);
}
Upsert Store::upsert(const core::Surgery& r) {
    return statements_->surgery.write(r.district, r.surgery_date, r.staff_id, r.venue);
}
Upsert Store::upsert(const core::Pupil& r) {
    std::optional<int> year = r.year_group < 0 ? std::nullopt : std::optional<int>(r.year_group);
    return statements_->pupil.write(r.pupil_ref, r.school_urn, r.initials, r.first_name,
                                    r.last_name, year, core::to_string(r.need_area));
}
Upsert Store::upsert(const core::Event& r) {
    return statements_->event.write(r.pupil_ref, core::to_string(r.kind), r.date, r.detail,
                                    r.staff_id, r.note, r.owner, r.review_date);
}
Upsert Store::upsert(const core::Booking& r) {
    return statements_->booking.write(r.pupil_ref, core::to_string(r.kind), r.meeting_date,
                                      r.district, r.group, r.paperwork_received);
}
Upsert Store::upsert(const core::CaseState& r) {
    return statements_->case_state.write(r.pupil_ref, r.assigned_staff_id, r.priority);
}

void Store::append_audit(const std::string& who, const std::string& what, const std::string& before,
                         const std::string& after) {
    SQLite::Statement insert(db_,
                             "INSERT INTO audit(at, who, what, before, after) "
                             "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?)");
    insert.bind(1, who);
    insert.bind(2, what);
    insert.bind(3, before);
    insert.bind(4, after);
    insert.exec();
}

std::optional<std::string> Store::meta(const std::string& key) {
    SQLite::Statement query(db_, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, key);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getString();
}

void Store::set_meta(const std::string& key, const std::string& value) {
    SQLite::Statement upsert(db_,
                             "INSERT INTO meta(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.exec();
}

void Store::release_cache() {
    sqlite3_db_release_memory(db_.getHandle());
}

// Every table read here needs triggers in db/sync/change_log.cpp (or to be read whole by
// load_patch): an incremental snapshot sees only the changes those triggers record.
core::Dataset Store::load_dataset() {
    core::Dataset d;
    // A read transaction: every table is read from the same committed state.
    db_.exec("BEGIN");
    try {
        SQLite::Statement schools(db_, "SELECT urn, name, district, lift_group, phase FROM school");
        while (schools.executeStep())
            d.schools.push_back({schools.getColumn(0).getString(), schools.getColumn(1).getString(),
                                 schools.getColumn(2).getString(), schools.getColumn(3).getString(),
                                 schools.getColumn(4).getString()});

        SQLite::Statement terms(db_, "SELECT academic_year, term, start_date, end_date FROM term");
        while (terms.executeStep())
            d.terms.push_back({terms.getColumn(0).getString(),
                               core::parse_term_name(terms.getColumn(1).getText()).value(),
                               date_of(terms.getColumn(2)), date_of(terms.getColumn(3))});

        SQLite::Statement groups(db_, "SELECT urn, academic_year, term, grp FROM lift_group");
        while (groups.executeStep())
            d.lift_groups.push_back({groups.getColumn(0).getString(),
                                     groups.getColumn(1).getString(),
                                     core::parse_term_name(groups.getColumn(2).getText()).value(),
                                     groups.getColumn(3).getString()});

        SQLite::Statement staff(db_, "SELECT staff_id, name, role, district FROM staff");
        while (staff.executeStep())
            d.staff.push_back({staff.getColumn(0).getString(), staff.getColumn(1).getString(),
                               core::parse_role(staff.getColumn(2).getText()).value(),
                               staff.getColumn(3).getString()});

        SQLite::Statement meetings(
            db_, "SELECT district, grp, meeting_date, paperwork_deadline, venue FROM lift_meeting");
        while (meetings.executeStep())
            d.meetings.push_back({meetings.getColumn(0).getString(),
                                  meetings.getColumn(1).getString(), date_of(meetings.getColumn(2)),
                                  date_of(meetings.getColumn(3)),
                                  meetings.getColumn(4).getString()});

        SQLite::Statement surgeries(db_,
                                    "SELECT district, surgery_date, venue, staff_id FROM surgery");
        while (surgeries.executeStep())
            d.surgeries.push_back(
                {surgeries.getColumn(0).getString(), date_of(surgeries.getColumn(1)),
                 surgeries.getColumn(2).getString(), surgeries.getColumn(3).getString()});

        SQLite::Statement pupils(db_,
                                 "SELECT pupil_ref, school_urn, initials, first_name, last_name, "
                                 "year_group, need_area FROM pupil");
        while (pupils.executeStep()) {
            core::Pupil p{pupils.getColumn(0).getString(), pupils.getColumn(1).getString(),
                          pupils.getColumn(2).getString(), pupils.getColumn(3).getString(),
                          pupils.getColumn(4).getString()};
            p.year_group = pupils.getColumn(5).isNull() ? -1 : pupils.getColumn(5).getInt();
            p.need_area = core::parse_need_area(pupils.getColumn(6).getText()).value();
            d.pupils.push_back(p);
        }

        // Rows go straight into the packed table as views of SQLite's buffers: a million
        // events, so no std::string per field on the way.
        // A kind this version does not know came from the hub (a newer client pushed it;
        // local imports refuse unknown kinds): counted and skipped, never fatal, or one
        // such row would stop every snapshot.
        SQLite::Statement events(
            db_,
            "SELECT pupil_ref, event, date, detail, staff_id, note, owner, review_date FROM event");
        while (events.executeStep()) {
            const auto kind = core::parse_event_kind(text_of(events.getColumn(1)));
            if (!kind) {
                ++d.newer_version_rows;
                continue;
            }
            d.events.add(text_of(events.getColumn(0)), *kind, date_of(events.getColumn(2)),
                         text_of(events.getColumn(3)), text_of(events.getColumn(4)),
                         text_of(events.getColumn(5)), text_of(events.getColumn(6)),
                         date_or_null(events.getColumn(7)));
        }

        SQLite::Statement bookings(db_,
                                   "SELECT pupil_ref, kind, meeting_date, district, grp, "
                                   "paperwork_received FROM booking");
        while (bookings.executeStep())
            d.bookings.add(text_of(bookings.getColumn(0)),
                           core::parse_booking_kind(text_of(bookings.getColumn(1))).value(),
                           date_of(bookings.getColumn(2)), text_of(bookings.getColumn(3)),
                           text_of(bookings.getColumn(4)), date_or_null(bookings.getColumn(5)));

        d.cases = read_cases(db_);
        d.conflicts = read_conflicts(db_);
        db_.exec("COMMIT");
    } catch (...) {
        db_.exec("ROLLBACK");
        throw;
    }
    d.index();
    return d;
}

core::DatasetPatch Store::load_patch(const std::vector<std::string>& refs) {
    core::DatasetPatch patch;
    db_.exec("BEGIN");
    try {
        SQLite::Statement pupil(db_,
                                "SELECT pupil_ref, school_urn, initials, first_name, last_name, "
                                "year_group, need_area FROM pupil WHERE pupil_ref = ?");
        SQLite::Statement events(db_,
                                 "SELECT pupil_ref, event, date, detail, staff_id, note, owner, "
                                 "review_date FROM event WHERE pupil_ref = ?");
        SQLite::Statement bookings(db_,
                                   "SELECT pupil_ref, kind, meeting_date, district, grp, "
                                   "paperwork_received FROM booking WHERE pupil_ref = ?");
        for (const std::string& ref : refs) {
            pupil.reset();
            pupil.bind(1, ref);
            if (!pupil.executeStep()) continue;
            core::Pupil p{pupil.getColumn(0).getString(), pupil.getColumn(1).getString(),
                          pupil.getColumn(2).getString(), pupil.getColumn(3).getString(),
                          pupil.getColumn(4).getString()};
            p.year_group = pupil.getColumn(5).isNull() ? -1 : pupil.getColumn(5).getInt();
            p.need_area = core::parse_need_area(pupil.getColumn(6).getText()).value();
            patch.records.push_back(std::move(p));

            events.reset();
            events.bind(1, ref);
            while (events.executeStep()) {
                // Skipped as load_dataset skips them (and counted there, not here: the
                // change log asks for a full build whenever such a row is written).
                const auto kind = core::parse_event_kind(text_of(events.getColumn(1)));
                if (!kind) continue;
                core::Event e{events.getColumn(0).getString(), *kind, date_of(events.getColumn(2)),
                              events.getColumn(3).getString(), events.getColumn(4).getString()};
                e.note = events.getColumn(5).getString();
                e.owner = events.getColumn(6).getString();
                e.review_date = date_or_null(events.getColumn(7));
                patch.events.push_back(std::move(e));
            }

            bookings.reset();
            bookings.bind(1, ref);
            while (bookings.executeStep())
                patch.bookings.push_back(
                    {bookings.getColumn(0).getString(),
                     core::parse_booking_kind(text_of(bookings.getColumn(1))).value(),
                     date_of(bookings.getColumn(2)), bookings.getColumn(3).getString(),
                     bookings.getColumn(4).getString(), date_or_null(bookings.getColumn(5))});
        }
        patch.cases = read_cases(db_);
        patch.conflicts = read_conflicts(db_);
        db_.exec("COMMIT");
    } catch (...) {
        db_.exec("ROLLBACK");
        throw;
    }
    return patch;
}

}  // namespace db

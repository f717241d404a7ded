#include "db/sync/command_applier.hpp"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "db/disk_full.hpp"
#include "db/hub/conflict_resolution.hpp"
#include "db/hub/outbox.hpp"
#include "db/store.hpp"

namespace db {
namespace {

using nlohmann::json;

// Thrown for a command that must not be written; the message goes back to the form.
struct Refused {
    std::string reason;
};

bool exists(Store& store, const char* sql, const std::string& a, const std::string& b = {},
            const std::string& c = {}) {
    SQLite::Statement query(store.database(), sql);
    int n = query.getBindParameterCount();
    if (n >= 1) query.bind(1, a);
    if (n >= 2) query.bind(2, b);
    if (n >= 3) query.bind(3, c);
    return query.executeStep();
}

void require_pupil(Store& store, const std::string& ref) {
    if (!exists(store, "SELECT 1 FROM pupil WHERE pupil_ref = ?", ref))
        throw Refused{"unknown pupil " + ref};
}

json case_state_json(Store& store, const std::string& ref) {
    SQLite::Statement query(store.database(),
                            "SELECT assigned_staff_id, priority FROM case_state WHERE pupil_ref = ?");
    query.bind(1, ref);
    if (!query.executeStep()) return json::object();
    return {{"assigned_staff_id", query.getColumn(0).getString()}, {"priority", query.getColumn(1).getInt()}};
}

core::CaseState current_case(Store& store, const std::string& ref) {
    json j = case_state_json(store, ref);
    core::CaseState c;
    c.pupil_ref = ref;
    if (!j.empty()) {
        c.assigned_staff_id = j["assigned_staff_id"];
        c.priority = j["priority"];
    }
    return c;
}

json event_json(const core::Event& e) {
    json j = {{"pupil_ref", e.pupil_ref},
              {"event", core::to_string(e.kind)},
              {"date", core::to_iso(e.date)},
              {"detail", e.detail},
              {"staff_id", e.staff_id}};
    if (!e.note.empty()) j["note"] = e.note;
    if (!e.owner.empty()) j["owner"] = e.owner;
    if (e.review_date) j["review_date"] = core::to_iso(*e.review_date);
    return j;
}

json booking_json(const core::Booking& b) {
    json j = {{"pupil_ref", b.pupil_ref}, {"kind", core::to_string(b.kind)},
              {"meeting_date", core::to_iso(b.meeting_date)}, {"district", b.district}, {"group", b.group}};
    j["paperwork_received"] = b.paperwork_received ? json(core::to_iso(*b.paperwork_received)) : json();
    return j;
}

struct Before {
    json value = json::object();
};

class Applier {
public:
    explicit Applier(Store& store) : store_(store) {}

    json operator()(const core::AssignTeacher& c, Before& before) {
        require_pupil(store_, c.pupil_ref);
        if (!c.staff_id.empty() &&
            !exists(store_, "SELECT 1 FROM staff WHERE staff_id = ? AND role = 'specialist_teacher'", c.staff_id))
            throw Refused{c.staff_id + " is not a specialist teacher"};
        core::CaseState state = current_case(store_, c.pupil_ref);
        before.value = case_state_json(store_, c.pupil_ref);
        state.assigned_staff_id = c.staff_id;
        store_.upsert(state);
        return case_state_json(store_, c.pupil_ref);
    }
    json operator()(const core::SetPriority& c, Before& before) {
        require_pupil(store_, c.pupil_ref);
        if (c.priority < 0 || c.priority > 3) throw Refused{"priority must be 0 (none) to 3"};
        core::CaseState state = current_case(store_, c.pupil_ref);
        before.value = case_state_json(store_, c.pupil_ref);
        state.priority = c.priority;
        store_.upsert(state);
        return case_state_json(store_, c.pupil_ref);
    }
    json operator()(const core::BookMeeting& c, Before&) {
        const core::Booking& b = c.booking;
        require_pupil(store_, b.pupil_ref);
        if (b.kind == core::BookingKind::lift &&
            !exists(store_, "SELECT 1 FROM lift_meeting WHERE meeting_date = ? AND district = ? AND grp = ?",
                    core::to_iso(b.meeting_date), b.district, b.group))
            throw Refused{"no LIFT meeting of " + b.district + " group " + b.group + " on " +
                          core::to_display(b.meeting_date)};
        if (b.kind == core::BookingKind::surgery &&
            !exists(store_, "SELECT 1 FROM surgery WHERE surgery_date = ? AND district = ?",
                    core::to_iso(b.meeting_date), b.district))
            throw Refused{"no Surgery in " + b.district + " on " + core::to_display(b.meeting_date)};
        if (store_.upsert(b) == Upsert::unchanged) throw Refused{"already booked"};
        return booking_json(b);
    }
    json operator()(const core::RecordEvent& c, Before&) {
        require_pupil(store_, c.event.pupil_ref);
        auto allowed = core::allowed_details(c.event.kind);
        if (!allowed.empty() &&
            std::find(allowed.begin(), allowed.end(), c.event.detail) == allowed.end())
            throw Refused{"'" + c.event.detail + "' is not a " + std::string(core::to_string(c.event.kind)) + " value"};
        if (!c.event.staff_id.empty() && !exists(store_, "SELECT 1 FROM staff WHERE staff_id = ?", c.event.staff_id))
            throw Refused{"unknown staff member " + c.event.staff_id};
        if (c.event.review_date && *c.event.review_date < c.event.date)
            throw Refused{"review date " + core::to_display(*c.event.review_date) +
                          " is before the event's date"};
        if (store_.upsert(c.event) == Upsert::unchanged) throw Refused{"already recorded"};
        return event_json(c.event);
    }
    json operator()(const core::OpenCaselist& c, Before& before) {
        const core::Event& e = c.event;
        require_pupil(store_, e.pupil_ref);
        if (e.kind != core::EventKind::caselist_opened) throw Refused{"not a caselist opening"};
        if (e.detail.empty()) throw Refused{"the agreed outcome is required"};
        if (!exists(store_, "SELECT 1 FROM staff WHERE staff_id = ? AND role = 'specialist_teacher'", e.staff_id))
            throw Refused{(e.staff_id.empty() ? std::string("a teacher") : e.staff_id) +
                          " is not a specialist teacher"};
        if (store_.upsert(e) == Upsert::unchanged) throw Refused{"already recorded"};
        // The teacher who takes the case is its assigned teacher from now on.
        core::CaseState state = current_case(store_, e.pupil_ref);
        before.value = case_state_json(store_, e.pupil_ref);
        state.assigned_staff_id = e.staff_id;
        store_.upsert(state);
        return {{"event", event_json(e)}, {"case_state", case_state_json(store_, e.pupil_ref)}};
    }
    json operator()(const core::RecordPaperwork& c, Before& before) {
        SQLite::Statement query(store_.database(),
                                "SELECT district, grp, paperwork_received FROM booking "
                                "WHERE pupil_ref = ? AND kind = 'lift' AND meeting_date = ?");
        query.bind(1, c.pupil_ref);
        query.bind(2, core::to_iso(c.meeting_date));
        if (!query.executeStep())
            throw Refused{c.pupil_ref + " has no LIFT booking on " + core::to_display(c.meeting_date)};
        core::Booking b{c.pupil_ref, core::BookingKind::lift, c.meeting_date, query.getColumn(0).getString(),
                        query.getColumn(1).getString(), std::nullopt};
        if (!query.getColumn(2).isNull()) b.paperwork_received = core::parse_date(query.getColumn(2).getText());
        before.value = booking_json(b);
        b.paperwork_received = c.received;
        store_.upsert(b);
        store_.upsert(core::Event{c.pupil_ref, core::EventKind::lift_paperwork, c.received, "", ""});
        return booking_json(b);
    }
    json operator()(const core::NewReferral& c, Before&) {
        const core::Pupil& p = c.pupil;
        if (p.pupil_ref.empty()) throw Refused{"a pupil ref is required"};
        if (p.initials.empty()) throw Refused{"initials are required"};
        if (exists(store_, "SELECT 1 FROM pupil WHERE pupil_ref = ?", p.pupil_ref))
            throw Refused{"pupil ref " + p.pupil_ref + " is already in use"};
        if (!exists(store_, "SELECT 1 FROM school WHERE urn = ?", p.school_urn))
            throw Refused{"unknown school " + p.school_urn};
        store_.upsert(p);
        store_.upsert(core::Event{p.pupil_ref, core::EventKind::consent_given, c.consent_date, "", ""});
        return {{"pupil_ref", p.pupil_ref}, {"school_urn", p.school_urn}, {"initials", p.initials},
                {"need_area", core::to_string(p.need_area)}, {"consent_date", core::to_iso(c.consent_date)}};
    }

    json operator()(const core::ResolveConflict& c, Before& before) {
        hub::Resolution resolution = hub::resolve_conflict(store_, c);
        if (!resolution.refused.empty()) throw Refused{resolution.refused};
        before.value = resolution.before;
        json after = resolution.after;
        resolution_ = std::move(resolution);
        return after;
    }

    // The resolution of the conflict the command settled, if it was one.
    const std::optional<hub::Resolution>& resolution() const { return resolution_; }

private:
    Store& store_;
    std::optional<hub::Resolution> resolution_;
};

}  // namespace

core::CommandResult apply_command(Store& store, const core::Command& command, const std::string& who,
                                  bool for_hub) {
    try {
        SQLite::Transaction tx(store.database());
        std::optional<hub::OutboxBase> hub_base;
        if (for_hub) hub_base = hub::outbox_base(store, command);
        Applier applier(store);
        Before before;
        json after = std::visit([&](const auto& c) { return applier(c, before); }, command);
        const auto& resolution = applier.resolution();
        std::string what = resolution ? resolution->what : core::describe(command);
        std::string before_text = before.value.empty() ? "" : before.value.dump();
        store.append_audit(who, what, before_text, after.dump());
        // A conflict came from a hub: its resolution goes there whether or not this
        // process syncs with it (`liftboard hub conflicts --resolve`).
        if (resolution)
            hub::append_outbox_effects(store, who, what, before_text, after.dump(),
                                       resolution->effects);
        else if (hub_base)
            hub::append_outbox(store, command, *hub_base, who, what, before_text, after.dump());
        tx.commit();
        return {true, what};
    } catch (const Refused& refused) {
        return {false, refused.reason};
    } catch (const std::exception& e) {
        // The transaction has rolled back (the guard below makes sure), so the store is
        // exactly as before and the same edit can simply be made again.
        sqlite3* connection = store.database().getHandle();
        const bool disk_full = is_disk_full(e, connection);
        roll_back_if_open(connection);
        if (disk_full)
            return {false, "not saved: " + disk_full_text("the store", store.path()), true};
        return {false, std::string("not saved: ") + e.what()};
    }
}

}  // namespace db

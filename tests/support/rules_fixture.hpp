// A small pathway world for rules tests: Kent-like term dates for 2023/24 to 2025/26,
// one Maidstone school in LIFT group A, and pupil P00001 there. Tests add events and
// bookings with dates as text and assess on a pinned "today".
#pragma once

#include <optional>
#include <string>

#include "core/dataset.hpp"
#include "core/rules.hpp"

namespace test_support {

inline core::Date day(const char* iso) {
    return core::parse_date(iso).value();
}

class RulesFixture {
  public:
    static constexpr const char* pupil_ref = "P00001";
    static constexpr const char* school_urn = "900001";

    RulesFixture() {
        term("2023/24", core::TermName::autumn, "2023-09-04", "2023-12-20");
        term("2023/24", core::TermName::spring, "2024-01-03", "2024-03-28");
        term("2023/24", core::TermName::summer, "2024-04-15", "2024-07-23");
        term("2024/25", core::TermName::autumn, "2024-09-03", "2024-12-20");
        term("2024/25", core::TermName::spring, "2025-01-06", "2025-04-04");
        term("2024/25", core::TermName::summer, "2025-04-22", "2025-07-22");
        term("2025/26", core::TermName::autumn, "2025-09-03", "2025-12-19");
        term("2025/26", core::TermName::spring, "2026-01-05", "2026-03-27");
        term("2025/26", core::TermName::summer, "2026-04-13", "2026-07-21");
        data.schools.push_back({school_urn, "Oakfield Primary", "Maidstone", "A", "primary"});
        pupil(pupil_ref, school_urn);
    }

    RulesFixture& term(const char* year, core::TermName name, const char* start, const char* end) {
        data.terms.push_back({year, name, day(start), day(end)});
        return *this;
    }
    RulesFixture& pupil(const std::string& ref, const std::string& urn) {
        data.pupils.push_back({ref, urn, "AB", "", "", 4, core::NeedArea::cl});
        return *this;
    }
    // Gives pupils[index] a (fictional) name.
    RulesFixture& name(const std::string& first, const std::string& last, size_t index = 0) {
        core::Pupil p = data.pupils.record(index);
        p.first_name = first;
        p.last_name = last;
        data.pupils.replace(index, p);
        return *this;
    }
    RulesFixture& event(core::EventKind kind, const char* date,
                        const std::string& ref = pupil_ref) {
        data.events.push_back({ref, kind, day(date), "", ""});
        return *this;
    }
    // An event with a detail and, optionally, a review date and an owner.
    RulesFixture& detailed(core::EventKind kind, const char* date, const std::string& detail,
                           const char* review_date = nullptr, const std::string& owner = "") {
        core::Event e{pupil_ref, kind, day(date), detail, ""};
        if (review_date) e.review_date = day(review_date);
        e.owner = owner;
        data.events.push_back(e);
        return *this;
    }
    RulesFixture& lift(const char* date, std::optional<const char*> received = std::nullopt,
                       const std::string& district = "Maidstone", const std::string& group = "A",
                       const std::string& ref = pupil_ref) {
        std::optional<core::Date> r;
        if (received) r = day(*received);
        data.bookings.push_back({ref, core::BookingKind::lift, day(date), district, group, r});
        return *this;
    }
    RulesFixture& surgery_booking(const char* date) {
        data.bookings.push_back(
            {pupil_ref, core::BookingKind::surgery, day(date), "Maidstone", "", {}});
        return *this;
    }
    RulesFixture& meeting(const char* date, const char* deadline, const std::string& group = "A",
                          const std::string& district = "Maidstone") {
        data.meetings.push_back({district, group, day(date), day(deadline), "Hall"});
        return *this;
    }
    // Consent and a Surgery long before, so the booking rules under test stand alone.
    RulesFixture& prerequisites() {
        return event(core::EventKind::consent_given, "2024-01-10")
            .event(core::EventKind::surgery, "2024-01-15");
    }

    core::PupilAssessment assess(const char* today, const std::string& ref = pupil_ref) {
        data.index();
        core::RulesEngine engine(data, config);
        return engine.assess(static_cast<size_t>(data.pupil_index(ref)), day(today));
    }
    std::vector<core::Finding> all(const char* today) {
        data.index();
        core::RulesEngine engine(data, config);
        return engine.all_findings(static_cast<size_t>(data.pupil_index(pupil_ref)), day(today));
    }
    // The merged finding of `rule` for the pupil, or nullopt when the rule passes.
    std::optional<core::Finding> finding(core::RuleId rule, const char* today,
                                         const std::string& ref = pupil_ref) {
        for (auto& f : assess(today, ref).findings)
            if (f.rule == rule) return f;
        return std::nullopt;
    }
    core::Status status(core::RuleId rule, const char* today, const std::string& ref = pupil_ref) {
        auto f = finding(rule, today, ref);
        return f ? f->status : core::Status::ok;
    }

    core::Dataset data;
    core::RulesConfig config;
};

}  // namespace test_support

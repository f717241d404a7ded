// PLACEHOLDER: replaced by the rules engine (issue 4). Names only; no rule evaluated yet.
#include "core/rules.hpp"

namespace core {

std::string_view to_string(Status s) {
    constexpr std::string_view names[] = {"ok", "warning", "due", "overdue", "blocked"};
    return names[static_cast<size_t>(s)];
}
std::string_view to_string(RuleId r) {
    constexpr std::string_view names[] = {
        "consent-before-referral", "surgery-before-lift", "paperwork-deadline", "lift-group",
        "referral-cap", "qfla-review", "monitor-two-terms", "impact-review", "surgery-two-terms",
        "caselist-visit", "ehcna-after-lift"};
    return names[static_cast<size_t>(r)];
}
std::optional<RuleId> parse_rule_id(std::string_view s) {
    for (int i = 0; i < kRuleCount; ++i)
        if (to_string(static_cast<RuleId>(i)) == s) return static_cast<RuleId>(i);
    return std::nullopt;
}
std::string_view to_string(Stage s) {
    constexpr std::string_view names[] = {"none", "concern", "qfla", "monitoring", "sen_support",
                                          "surgery", "lift", "caselist", "hnf", "ehcna", "closed"};
    return names[static_cast<size_t>(s)];
}
std::string_view display_name(Stage s) {
    constexpr std::string_view names[] = {"None", "Concern", "QFLA", "Monitoring", "SEN Support",
                                          "Surgery", "LIFT", "Caselist", "HNF", "EHCNA", "Closed"};
    return names[static_cast<size_t>(s)];
}

struct RulesEngine::Impl {
    const Dataset& data;
    RulesConfig config;
};

RulesEngine::RulesEngine(const Dataset& data, RulesConfig config)
    : impl_(std::make_unique<Impl>(Impl{data, config})) {}
RulesEngine::~RulesEngine() = default;

PupilAssessment RulesEngine::assess(size_t, Date) const { return {}; }

std::vector<PupilAssessment> RulesEngine::assess_all(Date today) const {
    std::vector<PupilAssessment> out;
    out.reserve(impl_->data.pupils.size());
    for (size_t i = 0; i < impl_->data.pupils.size(); ++i) out.push_back(assess(i, today));
    return out;
}

}  // namespace core

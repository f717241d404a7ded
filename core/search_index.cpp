// The quick-lookup search index (see search_index.hpp).
#include "core/search_index.hpp"

#include <algorithm>
#include <string>
#include <tuple>

#include "core/pupil_text.hpp"

namespace core {

// One query's walk over the ranges, best tier first: deduplicates pupils (a bitmap, so
// a repeated pupil costs one bit test), keeps the first `limit` hits, counts up to
// `count_limit` and then looks for one more distinct pupil to tell "exactly N" from
// "more than N".
struct SearchIndex::Walk {
    Walk(size_t pupils, const SearchOptions& search_options, SearchResults& out)
        : seen((pupils + 63) / 64), options(search_options), results(out) {}

    // False once the walk can stop.
    bool add(uint32_t pupil, MatchRank rank, MatchField field) {
        uint64_t& word = seen[pupil / 64];
        const uint64_t bit = uint64_t{1} << (pupil % 64);
        if (word & bit) return true;
        word |= bit;
        if (results.pupil_count == options.count_limit) {
            results.more = true;
            done = true;
            return false;
        }
        ++results.pupil_count;
        if (results.pupils.size() < options.limit) results.pupils.push_back({pupil, rank, field});
        return true;
    }
    bool add_all(std::span<const uint32_t> pupils, MatchRank rank, MatchField field) {
        for (uint32_t p : pupils)
            if (!add(p, rank, field)) return false;
        return true;
    }

    std::vector<uint64_t> seen;
    const SearchOptions& options;
    SearchResults& results;
    bool done = false;
};

namespace {

// The normalised query for each pupil field.
struct FieldQuery {
    const KeyTable* table;
    MatchField field;
    std::string text;
};

// The initials a query can mean: only a query of letters, dots and spaces ("A.B.",
// "ab") is read as initials; "P012" is a ref, not the initial P.
std::string initials_query(std::string_view query) {
    for (char c : query) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && c != '.' && c != ' ') return {};
    }
    return normalise_key(query, KeyForm::letters);
}

// How `key` matches `query` (both normalised), if at all: what a scoped search asks of
// one pupil's keys, without the tables' ranges.
std::optional<MatchRank> match(std::string_view key, std::string_view query, SuffixStarts starts) {
    if (key.empty() || query.empty() || key.size() < query.size()) return std::nullopt;
    if (key == query) return MatchRank::exact;
    if (key.starts_with(query)) return MatchRank::prefix;
    for (size_t at = key.find(query, 1); at != std::string_view::npos;
         at = key.find(query, at + 1)) {
        if (starts == SuffixStarts::any) return MatchRank::substring;
        if (key[at - 1] == ' ') return MatchRank::prefix;  // a name word starts here
    }
    return std::nullopt;
}

}  // namespace

SearchIndex::SearchIndex(const Dataset& data) : school_of_(data.pupils.size(), kNoSchool) {
    const size_t n = data.pupils.size();
    std::vector<std::string> refs(n), initials(n), names(n);
    for (size_t i = 0; i < n; ++i) {
        const PupilEntry& p = data.pupils[i];
        refs[i] = normalise_key(p.pupil_ref, KeyForm::alnum);
        initials[i] = normalise_key(p.initials, KeyForm::letters);
        names[i] = normalise_key(full_name(p), KeyForm::words);
        if (const School* s = data.school(p.school_urn))
            school_of_[i] = static_cast<uint32_t>(s - data.schools.data());
    }
    refs_ = KeyTable(refs, SuffixStarts::any);
    initials_ = KeyTable(initials, SuffixStarts::any);
    names_ = KeyTable(names, SuffixStarts::words);

    std::vector<std::string> school_names(data.schools.size());
    for (size_t i = 0; i < data.schools.size(); ++i)
        school_names[i] = normalise_key(data.schools[i].name, KeyForm::words);
    schools_ = KeyTable(school_names, SuffixStarts::any);

    // Each school's pupils in ref order: count, then place in the refs' key order.
    school_begin_.assign(data.schools.size() + 1, 0);
    for (uint32_t s : school_of_)
        if (s != kNoSchool) ++school_begin_[s + 1];
    for (size_t s = 0; s < data.schools.size(); ++s) school_begin_[s + 1] += school_begin_[s];
    school_pupils_.resize(school_begin_.back());
    std::vector<uint32_t> fill(school_begin_.begin(), school_begin_.end() - 1);
    auto place = [&](uint32_t p) {
        if (school_of_[p] != kNoSchool) school_pupils_[fill[school_of_[p]]++] = p;
    };
    for (uint32_t k = 0; k < refs_.key_count(); ++k)
        for (uint32_t p : refs_.items(k)) place(p);
    for (uint32_t p = 0; p < n; ++p)
        if (refs_.key_of(p) == KeyTable::kNoKey) place(p);  // no ref: last
}

std::span<const uint32_t> SearchIndex::pupils_of_school(uint32_t school) const {
    if (school + 1 >= school_begin_.size()) return {};
    return {school_pupils_.data() + school_begin_[school],
            school_pupils_.data() + school_begin_[school + 1]};
}

std::optional<uint32_t> SearchIndex::school_of(uint32_t pupil) const {
    if (pupil >= school_of_.size() || school_of_[pupil] == kNoSchool) return std::nullopt;
    return school_of_[pupil];
}

SearchResults SearchIndex::find(std::string_view query, const SearchOptions& options) const {
    SearchResults results;
    if (options.school) {
        find_in_school(query, options, results);
        return results;
    }
    Walk walk(school_of_.size(), options, results);
    find_pupils(query, options, walk);
    find_schools(query, options, results);
    return results;
}

void SearchIndex::find_pupils(std::string_view query, const SearchOptions& options,
                              Walk& walk) const {
    std::vector<FieldQuery> fields = {
        {&refs_, MatchField::ref, normalise_key(query, KeyForm::alnum)},
        {&initials_, MatchField::initials, initials_query(query)},
    };
    if (options.names)
        fields.push_back({&names_, MatchField::name, normalise_key(query, KeyForm::words)});

    // Exact keys first, in field order.
    std::vector<KeyTable::Range> prefixes(fields.size());
    std::vector<bool> exact(fields.size(), false);
    for (size_t f = 0; f < fields.size(); ++f) {
        if (fields[f].text.empty()) continue;
        prefixes[f] = fields[f].table->prefix(fields[f].text);
        const auto [first, last] = prefixes[f];
        exact[f] = first < last && fields[f].table->key(first) == fields[f].text;
        if (exact[f] &&
            !walk.add_all(fields[f].table->items(first), MatchRank::exact, fields[f].field))
            return;
    }
    // Then keys that start with the query (and, for names, any word that does).
    for (size_t f = 0; f < fields.size(); ++f) {
        const FieldQuery& q = fields[f];
        if (q.text.empty()) continue;
        for (uint32_t k = prefixes[f].first + (exact[f] ? 1 : 0); k < prefixes[f].second; ++k)
            if (!walk.add_all(q.table->items(k), MatchRank::prefix, q.field)) return;
        if (q.field != MatchField::name) continue;
        const auto [first, last] = q.table->substring(q.text);
        for (uint32_t s = first; s < last; ++s)
            if (!walk.add_all(q.table->items(q.table->suffix_key(s)), MatchRank::prefix, q.field))
                return;
    }
    // Then substrings of refs and initials.
    for (const FieldQuery& q : fields) {
        if (q.text.empty() || q.field == MatchField::name) continue;
        const auto [first, last] = q.table->substring(q.text);
        for (uint32_t s = first; s < last; ++s)
            if (!walk.add_all(q.table->items(q.table->suffix_key(s)), MatchRank::substring,
                              q.field))
                return;
    }
}

void SearchIndex::find_in_school(std::string_view query, const SearchOptions& options,
                                 SearchResults& results) const {
    const std::string ref_q = normalise_key(query, KeyForm::alnum);
    const std::string initials_q = initials_query(query);
    const std::string name_q = options.names ? normalise_key(query, KeyForm::words) : std::string();
    const bool everyone = ref_q.empty() && initials_q.empty() && name_q.empty();
    auto key_text = [](const KeyTable& table, uint32_t pupil) {
        const uint32_t k = table.key_of(pupil);
        return k == KeyTable::kNoKey ? std::string_view() : table.key(k);
    };

    std::vector<SearchHit> hits;
    for (uint32_t p : pupils_of_school(*options.school)) {  // ref order
        if (everyone) {
            hits.push_back({p, MatchRank::prefix, MatchField::ref});
            continue;
        }
        std::optional<SearchHit> best;
        auto consider = [&](std::optional<MatchRank> rank, MatchField field) {
            if (rank && (!best || std::tie(*rank, field) < std::tie(best->rank, best->field)))
                best = SearchHit{p, *rank, field};
        };
        consider(match(key_text(refs_, p), ref_q, SuffixStarts::any), MatchField::ref);
        consider(match(key_text(initials_, p), initials_q, SuffixStarts::any),
                 MatchField::initials);
        if (options.names)
            consider(match(key_text(names_, p), name_q, SuffixStarts::words), MatchField::name);
        if (best) hits.push_back(*best);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        return std::tie(a.rank, a.field) < std::tie(b.rank, b.field);
    });
    results.pupil_count = std::min(hits.size(), options.count_limit);
    results.more = hits.size() > options.count_limit;
    if (hits.size() > options.limit) hits.resize(options.limit);
    results.pupils = std::move(hits);
}

void SearchIndex::find_schools(std::string_view query, const SearchOptions& options,
                               SearchResults& results) const {
    const std::string q = normalise_key(query, KeyForm::words);
    if (q.empty()) return;
    std::vector<bool> seen(school_begin_.empty() ? 0 : school_begin_.size() - 1, false);
    auto add = [&](uint32_t k, MatchRank rank) {
        for (uint32_t s : schools_.items(k)) {
            if (seen[s]) continue;
            seen[s] = true;
            ++results.school_count;
            if (results.schools.size() < options.school_limit)
                results.schools.push_back({s, rank, MatchField::school});
        }
    };
    const auto [first, last] = schools_.prefix(q);
    for (uint32_t k = first; k < last; ++k)
        add(k, schools_.key(k) == q ? MatchRank::exact : MatchRank::prefix);
    const auto [sub_first, sub_last] = schools_.substring(q);
    for (uint32_t s = sub_first; s < sub_last; ++s)
        add(schools_.suffix_key(s), MatchRank::substring);
}

size_t SearchIndex::memory_bytes() const {
    return refs_.memory_bytes() + initials_.memory_bytes() + names_.memory_bytes() +
           schools_.memory_bytes() +
           sizeof(uint32_t) *
               (school_of_.capacity() + school_begin_.capacity() + school_pupils_.capacity());
}

}  // namespace core

// The quick-lookup index: case-insensitive prefix and substring matching on refs,
// initials and school names; names only when the caller allows them; ranking (exact >
// prefix > substring); limits and counts; scoping to a school; and a brute-force
// cross-check on a generated district so the suffix array agrees with a plain scan.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <set>
#include <string>

#include "core/search_index.hpp"

using core::MatchField;
using core::MatchRank;
using core::SearchHit;
using core::SearchIndex;
using core::SearchOptions;

namespace {

// Three fictional schools and a handful of pupils with made-up names.
core::Dataset small_district() {
    core::Dataset data;
    data.schools.push_back({"900001", "Larkspur Primary School", "Maidstone", "A", "primary"});
    data.schools.push_back({"900002", "St Ivel's C of E Primary", "Maidstone", "B", "primary"});
    data.schools.push_back({"900003", "Brackenfold Academy", "Maidstone", "A", "secondary"});
    auto pupil = [&](std::string ref, std::string urn, std::string initials, std::string first,
                     std::string last) {
        data.pupils.push_back({ref, urn, initials, first, last, 4, core::NeedArea::cl});
    };
    pupil("P000123", "900001", "KT", "Kit", "Thackery");
    pupil("P001230", "900001", "AB", "Arlo", "Brightwell");
    pupil("P012300", "900002", "ZQ", "Zed", "Quarrie");
    pupil("P000012", "900003", "AB", "Ari", "Blakemere");
    pupil("Q000001", "900003", "M.B.", "Mae", "Brightwell");
    pupil("P000999", "900002", "KAT", "", "");  // no names in the data
    data.index();
    return data;
}

std::vector<std::string> refs(const core::Dataset& data, const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits) out.emplace_back(data.pupils[h.index].pupil_ref);
    return out;
}

std::vector<std::string> schools(const core::Dataset& data, const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits) out.push_back(data.schools[h.index].name);
    return out;
}

using Refs = std::vector<std::string>;

}  // namespace

TEST_CASE("keys are normalised per field: refs alnum, initials letters, words single-spaced") {
    CHECK(core::normalise_key("P-000 12", core::KeyForm::alnum) == "p00012");
    CHECK(core::normalise_key("A.B.", core::KeyForm::letters) == "ab");
    CHECK(core::normalise_key("  St  Ivel's   C of E ", core::KeyForm::words) == "st ivels c of e");
    CHECK(core::normalise_key("Orchard-Vale", core::KeyForm::words) == "orchard vale");
}

TEST_CASE("a ref is found by its exact value, a prefix or a substring, in any case") {
    const auto data = small_district();
    const SearchIndex index(data);
    auto exact = index.find("p000123", {});
    REQUIRE_FALSE(exact.pupils.empty());
    CHECK(exact.pupils.front() == SearchHit{0, MatchRank::exact, MatchField::ref});
    // Prefix: the exact ref first, then the other refs starting with it.
    CHECK(refs(data, index.find("P0001", {}).pupils) == Refs{"P000123"});
    CHECK(refs(data, index.find("p00", {}).pupils) ==
          Refs{"P000012", "P000123", "P000999", "P001230"});
    // Substring: "123" sits inside three refs.
    auto sub = index.find("123", {});
    CHECK(refs(data, sub.pupils) == Refs{"P000123", "P001230", "P012300"});
    for (const SearchHit& h : sub.pupils) CHECK(h.rank == MatchRank::substring);
    CHECK(sub.pupil_count == 3);
    CHECK_FALSE(sub.more);
}

TEST_CASE("ranking puts an exact ref before prefixes before substrings") {
    const auto data = small_district();
    const SearchIndex index(data);
    // "P00012" starts P000123 only; "0012" is inside three refs, listed in the order of
    // the text from the match on ("0012" < "00123" < "001230").
    auto r = index.find("P00012", {});
    CHECK(refs(data, r.pupils) == Refs{"P000123"});
    CHECK(r.pupils[0].rank == MatchRank::prefix);
    r = index.find("0012", {});
    CHECK(refs(data, r.pupils) == Refs{"P000012", "P000123", "P001230"});
    CHECK(r.pupils[0].rank == MatchRank::substring);

    // All three tiers at once: X12 exactly, X120 by prefix, AX12 by substring.
    core::Dataset d;
    d.schools.push_back({"1", "Teasel Infant School", "Maidstone", "A", "primary"});
    d.pupils.push_back({"X120", "1", "AA", "", "", 1, core::NeedArea::cl});
    d.pupils.push_back({"X12", "1", "AA", "", "", 1, core::NeedArea::cl});
    d.pupils.push_back({"AX12", "1", "AA", "", "", 1, core::NeedArea::cl});
    d.index();
    const SearchIndex small(d);
    auto ranked = small.find("x12", {});
    REQUIRE(ranked.pupils.size() == 3);
    CHECK(ranked.pupils[0] == SearchHit{1, MatchRank::exact, MatchField::ref});
    CHECK(ranked.pupils[1] == SearchHit{0, MatchRank::prefix, MatchField::ref});
    CHECK(ranked.pupils[2] == SearchHit{2, MatchRank::substring, MatchField::ref});
}

TEST_CASE("initials match with or without dots, case-insensitively, exact first") {
    const auto data = small_district();
    const SearchIndex index(data);
    auto r = index.find("a.b.", {});
    CHECK(refs(data, r.pupils) == Refs{"P001230", "P000012"});
    for (const SearchHit& h : r.pupils)
        CHECK(h == SearchHit{h.index, MatchRank::exact, MatchField::initials});
    // "kt": exact KT, and inside KAT? no ("kat" does not contain "kt"); "at" is in KAT.
    CHECK(refs(data, index.find("KT", {}).pupils) == Refs{"P000123"});
    auto at = index.find("at", {});
    REQUIRE(at.pupils.size() == 1);
    CHECK(at.pupils[0] == SearchHit{5, MatchRank::substring, MatchField::initials});
    // "k": prefix of KT and KAT.
    CHECK(refs(data, index.find("k", {}).pupils) == Refs{"P000999", "P000123"});
    // A query with digits is a ref, never initials: "k1" does not find KT by its K.
    CHECK(index.find("k1", {}).pupils.empty());
}

TEST_CASE("school names match by prefix and substring and come as school hits") {
    const auto data = small_district();
    const SearchIndex index(data);
    auto r = index.find("lark", {});
    CHECK(schools(data, r.schools) == std::vector<std::string>{"Larkspur Primary School"});
    CHECK(r.schools[0].rank == MatchRank::prefix);
    CHECK(r.pupils.empty());  // a school's pupils are reached through the school
    r = index.find("PRIMARY", {});
    CHECK(schools(data, r.schools) ==
          std::vector<std::string>{"St Ivel's C of E Primary", "Larkspur Primary School"});
    CHECK(r.school_count == 2);
    // Apostrophes are ignored, so "ivels" and "ivel's" both find St Ivel's.
    CHECK(index.find("ivels", {}).schools.size() == 1);
    CHECK(index.find("Ivel's c of", {}).schools.size() == 1);
    auto exact = index.find("brackenfold academy", {});
    REQUIRE(exact.schools.size() == 1);
    CHECK(exact.schools[0].rank == MatchRank::exact);
}

TEST_CASE("names are matched only when the caller allows names") {
    const auto data = small_district();
    const SearchIndex index(data);
    CHECK(index.find("brightwell", {}).pupils.empty());
    CHECK(index.find("thack", {}).pupils.empty());
    SearchOptions names;
    names.names = true;
    auto r = index.find("Brightwell", names);
    CHECK(refs(data, r.pupils) == Refs{"P001230", "Q000001"});
    for (const SearchHit& h : r.pupils) CHECK(h.field == MatchField::name);
    // First name prefix, and first + last together.
    CHECK(refs(data, index.find("ari", names).pupils) == Refs{"P000012"});
    CHECK(refs(data, index.find("kit tha", names).pupils) == Refs{"P000123"});
    auto exact = index.find("kit thackery", names);
    REQUIRE(exact.pupils.size() == 1);
    CHECK(exact.pupils[0].rank == MatchRank::exact);
    // Word starts only: "hackery" is inside a name but starts no word.
    CHECK(index.find("hackery", names).pupils.empty());
}

TEST_CASE("limits cut the list, counts go on to the cap, and say when there are more") {
    core::Dataset data;
    data.schools.push_back({"1", "Teasel Infant School", "Maidstone", "A", "primary"});
    for (int i = 0; i < 500; ++i)
        data.pupils.push_back(
            {"R" + std::to_string(10000 + i), "1", "CD", "", "", 1, core::NeedArea::cl});
    data.index();
    const SearchIndex index(data);
    SearchOptions options;
    options.limit = 20;
    auto r = index.find("r1", options);
    CHECK(r.pupils.size() == 20);
    CHECK(r.pupil_count == 500);
    CHECK_FALSE(r.more);
    CHECK(data.pupils[r.pupils.front().index].pupil_ref == "R10000");
    options.count_limit = 100;
    r = index.find("r1", options);
    CHECK(r.pupils.size() == 20);
    CHECK(r.pupil_count == 100);
    CHECK(r.more);
    options.school_limit = 0;
    CHECK(index.find("teasel", options).schools.empty());
    CHECK(index.find("teasel", options).school_count == 1);
}

TEST_CASE("an empty or punctuation-only query finds nothing") {
    const auto data = small_district();
    const SearchIndex index(data);
    for (const char* q : {"", "   ", "..."}) {
        auto r = index.find(q, {});
        CHECK(r.pupils.empty());
        CHECK(r.schools.empty());
        CHECK(r.pupil_count == 0);
    }
    CHECK(index.find("zzzz", {}).pupils.empty());
    CHECK(SearchIndex().find("p", {}).pupils.empty());  // an empty index is fine too
}

TEST_CASE("within a school: everyone in ref order for an empty query, else the matches") {
    const auto data = small_district();
    const SearchIndex index(data);
    CHECK(index.school_of(0) == 0u);
    SearchOptions options;
    options.school = 2;  // Brackenfold: P000012 (AB) and Q000001 (MB)
    CHECK(refs(data, index.find("", options).pupils) == Refs{"P000012", "Q000001"});
    CHECK(refs(data, index.find("mb", options).pupils) == Refs{"Q000001"});
    CHECK(refs(data, index.find("b", options).pupils) == Refs{"P000012", "Q000001"});
    CHECK(index.find("brightwell", options).pupils.empty());  // names not allowed
    options.names = true;
    CHECK(refs(data, index.find("brightwell", options).pupils) == Refs{"Q000001"});
    options.school = 0;
    options.names = false;
    auto r = index.find("1230", options);  // inside P001230, not P000123
    CHECK(refs(data, r.pupils) == Refs{"P001230"});
    CHECK(r.schools.empty());
}

TEST_CASE("on a generated district the index agrees with a plain scan") {
    core::Dataset data;
    const char* stems[] = {"Amber", "Bracken", "Wren", "Thistle", "Lark", "Hollow", "Kestrel"};
    for (int s = 0; s < 7; ++s)
        data.schools.push_back({std::to_string(900 + s), std::string(stems[s]) + " Primary School",
                                "Maidstone", "A", "primary"});
    for (int i = 0; i < 3000; ++i) {
        const std::string ref = "P" + std::to_string(100000 + i * 37 % 9000);
        const std::string initials{char('A' + i % 7), char('A' + i * 3 % 11)};
        data.pupils.push_back(
            {ref, std::to_string(900 + i % 7), initials, "", "", 1, core::NeedArea::cl});
    }
    data.index();
    const SearchIndex index(data);
    SearchOptions options;
    options.limit = 100000;
    options.count_limit = 100000;
    for (std::string q : {"p1", "00", "37", "ab", "b", "9", "p10037", "ga", "1000"}) {
        const std::string ref_q = core::normalise_key(q, core::KeyForm::alnum);
        const bool letters_only =
            std::all_of(q.begin(), q.end(), [](char c) { return std::isalpha(c); });
        const std::string initials_q =
            letters_only ? core::normalise_key(q, core::KeyForm::letters) : "";
        auto contains = [](const std::string& key, const std::string& part) {
            return !part.empty() && key.find(part) != std::string::npos;
        };
        std::set<uint32_t> expected;
        for (uint32_t i = 0; i < data.pupils.size(); ++i) {
            if (contains(core::normalise_key(data.pupils[i].pupil_ref, core::KeyForm::alnum),
                         ref_q) ||
                contains(core::normalise_key(data.pupils[i].initials, core::KeyForm::letters),
                         initials_q))
                expected.insert(i);
        }
        auto r = index.find(q, options);
        std::set<uint32_t> got;
        for (const SearchHit& h : r.pupils) got.insert(h.index);
        INFO("query " << q);
        CHECK(got == expected);
        CHECK(r.pupil_count == expected.size());
        CHECK(r.pupils.size() == expected.size());  // no duplicates
        CHECK(
            std::is_sorted(r.pupils.begin(), r.pupils.end(),
                           [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; }));
    }
}

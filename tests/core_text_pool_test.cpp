// The Dataset's interned strings: one id per distinct text, "" is id 0, views survive
// sealing, and interning after a seal still finds the texts already there.
#include <catch2/catch.hpp>
#include <string>

#include "core/text_pool.hpp"

TEST_CASE("equal texts share an id, different texts do not, and \"\" is id 0") {
    core::TextPool pool;
    CHECK(pool.intern("") == 0);
    const uint32_t a = pool.intern("visit");
    const uint32_t b = pool.intern("salt");
    CHECK(a != 0);
    CHECK(a != b);
    CHECK(pool.intern(std::string("vis") + "it") == a);
    CHECK(pool[a] == "visit");
    CHECK(pool[b] == "salt");
    CHECK(pool[0].empty());
    CHECK(pool.size() == 3);  // "", "visit", "salt"
}

TEST_CASE("thousands of texts survive the table growing, and a seal keeps them readable") {
    core::TextPool pool;
    std::vector<uint32_t> ids;
    for (int i = 0; i < 20000; ++i) ids.push_back(pool.intern("P" + std::to_string(100000 + i)));
    for (int i = 0; i < 20000; ++i) CHECK(pool.intern("P" + std::to_string(100000 + i)) == ids[i]);
    const size_t before = pool.memory_bytes();
    pool.seal();
    CHECK(pool.memory_bytes() < before);  // the dedupe table is gone
    CHECK(pool[ids[12345]] == "P112345");
    // Interning again after the seal rebuilds the table: no duplicate ids appear.
    CHECK(pool.intern("P112345") == ids[12345]);
    CHECK(pool.intern("new text") == 20001);
    CHECK(pool.size() == 20002);
}

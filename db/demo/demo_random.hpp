// A small deterministic random source for the demo generator. Written out rather than
// using std:: distributions, whose results differ between standard libraries: the same
// seed must give the same district on every machine.
#pragma once

#include <cstdint>
#include <span>

namespace db::demo {

class DemoRandom {
public:
    explicit DemoRandom(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}

    // splitmix64
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi], inclusive.
    int between(int lo, int hi) {
        return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
    }
    // True with the given percentage.
    bool percent(double p) { return static_cast<double>(next() % 100000) < p * 1000.0; }
    template <typename T>
    const T& pick(std::span<const T> items) {
        return items[next() % items.size()];
    }

private:
    uint64_t state_;
};

}  // namespace db::demo

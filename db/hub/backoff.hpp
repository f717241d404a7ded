// How long the hub source waits before retrying an unreachable hub: exponential from
// `initial`, capped at `cap`, with jitter so a district's kiosks that lost the hub
// together do not all knock on it again in the same second.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace db::hub {

class Backoff {
  public:
    using Duration = std::chrono::milliseconds;

    Backoff(Duration initial, Duration cap, uint64_t seed = std::random_device{}());

    // The delay before the next attempt after one more failure: a random time in
    // [d/2, d] where d = min(cap, initial * 2^failures so far).
    Duration next_delay();
    // After a success: the next failure starts again from `initial`.
    void reset() { failures_ = 0; }
    int failures() const { return failures_; }

  private:
    Duration initial_, cap_;
    int failures_ = 0;
    std::mt19937_64 random_;
};

}  // namespace db::hub

#include "db/hub/backoff.hpp"

#include <algorithm>

namespace db::hub {

Backoff::Backoff(Duration initial, Duration cap, uint64_t seed)
    : initial_(initial), cap_(std::max(cap, initial)), random_(seed) {}

Backoff::Duration Backoff::next_delay() {
    // Doubling stops once past the cap, so a long outage cannot overflow the count.
    Duration ceiling = initial_;
    for (int i = 0; i < failures_ && ceiling < cap_; ++i) ceiling *= 2;
    ceiling = std::min(ceiling, cap_);
    ++failures_;
    // "Equal jitter": never less than half the step, so retries still spread out
    // over time, never all at once.
    std::uniform_int_distribution<int64_t> jitter(ceiling.count() / 2, ceiling.count());
    return Duration(jitter(random_));
}

}  // namespace db::hub

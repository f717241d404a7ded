// Waiting for something another thread or process does: poll the very state a test
// asserts until it holds. The limit only guards against hanging; it is generous so a
// slow or loaded machine passes (scripts/test --under-load), and it is never a speed
// assertion. Tests wait through these, never through a fixed sleep or frame count.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace test_support {

// Long enough for any state a test waits for to appear on a machine busy with other
// work, short enough that a real failure still ends well inside ctest's TIMEOUT.
inline constexpr std::chrono::seconds kGenerousWait{120};

inline bool wait_until(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = kGenerousWait) {
    auto give_up = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > give_up) return done();  // one last look
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace test_support

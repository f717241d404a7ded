// Waiting for something another thread does, with a generous limit so a slow CI
// machine passes; the limit guards against hanging, it is not a speed assertion.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace test_support {

inline bool wait_until(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(30)) {
    auto give_up = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > give_up) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace test_support

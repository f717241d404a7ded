// Signals for a long-running liftboard, taken by one thread with sigwait rather than
// by a handler that may interrupt any thread: SIGHUP asks for a config reload, SIGTERM
// and SIGINT for a clean stop. block_service_signals() must run before any other
// thread starts (GLFW, Mesa, the writer), so every thread inherits the mask.
#pragma once

#include <pthread.h>

#include <atomic>
#include <functional>
#include <thread>

namespace app {

void block_service_signals();

class SignalThread {
  public:
    SignalThread(std::function<void()> on_reload, std::function<void()> on_stop);
    ~SignalThread();  // ends the thread
    SignalThread(const SignalThread&) = delete;
    SignalThread& operator=(const SignalThread&) = delete;

  private:
    void run();
    std::function<void()> on_reload_, on_stop_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace app

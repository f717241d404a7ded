// The signal-taking thread (see signal_thread.hpp).
#include "app/signal_thread.hpp"

#include <spdlog/spdlog.h>

#include <csignal>

namespace app {
namespace {

// SIGUSR2 is ours: the destructor sends it to end the thread's sigwait.
sigset_t service_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : {SIGHUP, SIGTERM, SIGINT, SIGUSR2}) sigaddset(&set, signal);
    return set;
}

}  // namespace

void block_service_signals() {
    const sigset_t set = service_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalThread::SignalThread(std::function<void()> on_reload, std::function<void()> on_stop)
    : on_reload_(std::move(on_reload)), on_stop_(std::move(on_stop)) {
    block_service_signals();
    thread_ = std::thread([this] { run(); });
}

SignalThread::~SignalThread() {
    stopping_.store(true);
    pthread_kill(thread_.native_handle(), SIGUSR2);
    thread_.join();
}

void SignalThread::run() {
    const sigset_t set = service_signals();
    for (;;) {
        int signal = 0;
        if (sigwait(&set, &signal) != 0) continue;
        switch (signal) {
            case SIGHUP:
                spdlog::info("SIGHUP: reloading the configuration");
                on_reload_();
                break;
            case SIGTERM:
            case SIGINT:
                spdlog::info("{}: stopping", signal == SIGTERM ? "SIGTERM" : "SIGINT");
                on_stop_();
                break;
            case SIGUSR2:
                if (stopping_.load()) return;
                break;
            default:
                break;
        }
    }
}

}  // namespace app

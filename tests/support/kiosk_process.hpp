// A `liftboard` dashboard started as its own process with extra environment (a test's
// NOTIFY_SOCKET, WATCHDOG_USEC, LIFTBOARD_TEST_HOOKS), driven through `liftboard ctl`
// on its control socket. Output goes to a log file the test prints on failure. The
// destructor stops it with SIGTERM and reaps it. Header-only.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

extern char** environ;

namespace test_support {

class KioskProcess {
  public:
    KioskProcess(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                 const std::filesystem::path& log)
        : log_(log) {
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e) env.emplace_back(*e);
        for (const auto& e : extra_env) env.push_back(e);
        std::vector<char*> argv, envp;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        const int failed = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        if (failed) throw std::runtime_error("cannot start " + args[0]);
    }
    ~KioskProcess() {
        if (!exit_status_) {
            kill(pid_, SIGTERM);
            wait_exit();
        }
    }
    KioskProcess(const KioskProcess&) = delete;
    KioskProcess& operator=(const KioskProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running() {
        if (exit_status_) return false;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            exit_status_ = status;
            return false;
        }
        return true;
    }
    // Waits for the process to end; its waitpid status.
    int wait_exit() {
        if (!exit_status_) {
            int status = 0;
            waitpid(pid_, &status, 0);
            exit_status_ = status;
        }
        return *exit_status_;
    }
    std::string log() const { return read_file(log_); }

  private:
    std::filesystem::path log_;
    pid_t pid_ = -1;
    std::optional<int> exit_status_;
};

}  // namespace test_support

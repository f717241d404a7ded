// Log set-up (see logging.hpp).
#include "app/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "core/sync_status.hpp"

namespace app {
namespace {

// journald reads a "<N>" prefix as the line's syslog priority (SyslogLevelPrefix=).
class SyslogPriority final : public spdlog::custom_flag_formatter {
  public:
    void format(const spdlog::details::log_msg& message, const std::tm&,
                spdlog::memory_buf_t& out) override {
        static constexpr const char* kPrefix[] = {"<7>", "<7>", "<6>", "<4>", "<3>", "<2>", "<6>"};
        const auto level = static_cast<size_t>(message.level);
        const std::string_view prefix = kPrefix[level < 7 ? level : 6];
        out.append(prefix.data(), prefix.data() + prefix.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override {
        return std::make_unique<SyslogPriority>();
    }
};

// A log line that cannot be written (most often: the disk is full) is said on stderr,
// which the journal keeps, naming the cause; once per distinct failure, not per line.
class LogWriteFailure {
  public:
    explicit LogWriteFailure(std::string file) : file_(std::move(file)) {}
    void operator()(const std::string& message) {
        std::lock_guard lock(mutex_);
        if (message == last_) return;
        last_ = message;
        const bool full = message.find(std::strerror(ENOSPC)) != std::string::npos ||
                          message.find(std::strerror(EDQUOT)) != std::string::npos;
        std::fprintf(stderr, "liftboard: log file %s not written: %s\n",
                     file_.empty() ? "(none)" : file_.c_str(),
                     full ? core::kDiskFullText : message.c_str());
    }

  private:
    std::string file_;
    std::mutex mutex_;
    std::string last_;
};

}  // namespace

void setup_logging(const LogSettings& settings) {
    std::vector<spdlog::sink_ptr> sinks;
    auto stderr_sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    // The journal stamps each line itself; a terminal user reads the level.
    const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
    if (journal) {
        auto formatter = std::make_unique<spdlog::pattern_formatter>();
        formatter->add_flag<SyslogPriority>('*').set_pattern("%*%v");
        stderr_sink->set_formatter(std::move(formatter));
    } else {
        stderr_sink->set_pattern("[%H:%M:%S] [%l] %v");
    }
    sinks.push_back(stderr_sink);
    if (!settings.file.empty()) {
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                settings.file, static_cast<size_t>(settings.max_mb) * 1024 * 1024,
                static_cast<size_t>(settings.files));
            file->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex& e) {
            throw std::runtime_error("log file " + settings.file + ": " + e.what());
        }
    }
    auto logger = std::make_shared<spdlog::logger>("liftboard", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::from_str(settings.level));
    logger->flush_on(spdlog::level::info);
    auto failure = std::make_shared<LogWriteFailure>(settings.file);
    logger->set_error_handler([failure](const std::string& message) { (*failure)(message); });
    spdlog::set_default_logger(logger);
}

}  // namespace app

// Polling a command's future (see pending_command.hpp).
#include "widgets/pending_command.hpp"

#include <chrono>
#include <exception>
#include <string>

namespace widgets {

void PendingCommand::submit(core::CommandSink& sink, core::Command command, std::string_view who) {
    future_ = sink.submit(std::move(command), std::string(who));
}

std::optional<core::CommandResult> PendingCommand::poll() {
    if (!future_.valid()) return std::nullopt;
    if (future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    try {
        return future_.get();
    } catch (const std::exception& e) {
        // A broken promise (the writer went away): the form says so instead of waiting.
        return core::CommandResult{false, std::string("not saved: ") + e.what()};
    }
}

}  // namespace widgets

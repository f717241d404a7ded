// A triage command on its way to the writer thread. The form keeps the future and polls
// it once a frame with a zero wait, so the UI thread never blocks on the database; the
// result becomes the form's "Saved" or refusal line. No ImGui: unit-tested alone.
#pragma once

#include <future>
#include <optional>
#include <string_view>

#include "core/command.hpp"

namespace widgets {

class PendingCommand {
  public:
    // Hands `command` to `sink` as `who`. A command still in flight is forgotten (its
    // result is then never shown), which the forms avoid by refusing keys meanwhile.
    void submit(core::CommandSink& sink, core::Command command, std::string_view who);
    bool waiting() const { return future_.valid(); }
    // The writer's answer, returned once, on the first poll after it arrived.
    std::optional<core::CommandResult> poll();

  private:
    std::future<core::CommandResult> future_;
};

}  // namespace widgets

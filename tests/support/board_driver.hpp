// Driving an editing board (triage, session) headlessly as a person at a desk does: a
// command sink that records what the board submits and lets the test answer when it
// likes, and the project's headless ImGui with the board's context (privacy, kiosk, the
// sink, the user) plus key presses and typing.
#pragma once

#include <future>
#include <string>
#include <vector>

#include "core/command.hpp"
#include "support/headless_imgui.hpp"

namespace test_support {

// Records what the board submits; the test decides when and how the writer answers.
struct FakeSink final : core::CommandSink {
    std::future<core::CommandResult> submit(core::Command command, std::string who) override {
        commands.push_back(std::move(command));
        users.push_back(std::move(who));
        promises.emplace_back();
        return promises.back().get_future();
    }
    void answer(bool ok, const std::string& message) { promises.back().set_value({ok, message}); }
    std::vector<core::Command> commands;
    std::vector<std::string> users;
    std::vector<std::promise<core::CommandResult>> promises;
};

struct BoardDriver : HeadlessImGui {
    // One frame of `board`; returns every string it submitted (with capture).
    std::string frame(widgets::Board& board, const core::Snapshot& snapshot, bool capture = true) {
        widgets::BoardContext ctx = context(snapshot, privacy);
        ctx.kiosk = kiosk;
        ctx.commands = sink;
        ctx.user = user;
        if (!home_district.empty()) ctx.home_district = home_district;
        return HeadlessImGui::frame(board, snapshot, ctx, capture).logged;
    }
    // Key presses, then two frames: one applies them, one lets focus requests land.
    std::string press(widgets::Board& board, const core::Snapshot& snapshot,
                      std::initializer_list<widgets::KeyInput> keys) {
        for (const auto& k : keys) board.key(k);
        frame(board, snapshot);
        return frame(board, snapshot);
    }
    // Characters as the GLFW backend delivers them, into the active text field.
    std::string type(widgets::Board& board, const core::Snapshot& snapshot,
                     const std::string& text) {
        HeadlessImGui::type(text);
        return frame(board, snapshot);
    }

    bool privacy = true, kiosk = false;
    core::CommandSink* sink = nullptr;
    std::string user = "tester";
    std::string home_district;  // "" leaves the context's own
};

inline widgets::KeyInput key(widgets::KeyInput::Key k, bool shift = false) {
    return {k, 0, shift};
}
inline widgets::KeyInput ch(char c, bool shift = false) {
    return {widgets::KeyInput::Key::character, c, shift};
}

}  // namespace test_support

// The Board interface: one full-screen view of a core::Snapshot (caseload, meetings,
// triage, lookup). The app owns the boards, chooses which one is shown, and gives it
// the current snapshot and a BoardContext each frame. A board keeps only view state
// (sort order, scroll position, caches keyed by snapshot generation), never data.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/command.hpp"
#include "core/date.hpp"
#include "core/snapshot.hpp"
#include "widgets/fonts.hpp"

namespace widgets {

struct BoardContext {
    bool privacy = true;           // wall default: initials and refs only, never full names
    float scale = 1.0f;            // UI scale (see ui_scale): multiply design pixels by it
    const Fonts* fonts = nullptr;  // never null while drawing
    core::Date today;              // the date the rules were evaluated for
    bool kiosk = false;            // on the wall: large type, no editing forms
    // On the wall a long list is shown a page at a time as part of the rotation: the
    // page to show (a board clamps it to its pages()).
    size_t page = 0;
    // Where triage edits go (the writer thread); null when the board is read-only
    // (a screenshot, a benchmark). A board never writes anything itself.
    core::CommandSink* commands = nullptr;
    std::string_view user;         // who edits, for the audit trail
    std::string_view home_district;  // whose meetings the wall shows
    std::chrono::steady_clock::time_point now;  // frame time, for timeouts
    // With privacy off, an open pupil card shows the name this long, then initials only.
    std::chrono::seconds card_revert{60};
};

// Keyboard (and later kiosk-timer) navigation a board may honour.
enum class Scroll { line_up, line_down, page_up, page_down, top, bottom };

// A key press the app offers the shown board before using it itself (for scrolling):
// a board with its own keyboard use (row focus, forms) takes what it needs.
struct KeyInput {
    enum class Key : uint8_t { up, down, page_up, page_down, home, end, enter, escape, tab, character };
    Key key = Key::character;
    char character = 0;  // for Key::character: 'a'..'z' (lower case), '0'..'9'
    bool shift = false;
};

class Board {
  public:
    virtual ~Board() = default;
    // The --board name: "caseload".
    virtual std::string_view name() const = 0;
    // Shown in the status bar: "Caseload".
    virtual std::string_view title() const = 0;
    // Draws into the current ImGui window, filling its content region.
    virtual void draw(const core::Snapshot& snapshot, const BoardContext& context) = 0;
    // How many pages the last kiosk draw had (see BoardContext::page); 1 for a board
    // that fits its screen, and always outside kiosk mode, where lists scroll.
    virtual size_t pages() const { return 1; }
    // Applied on the next draw; boards without scrolling ignore it.
    virtual void scroll(Scroll) {}
    // A key press, before the app's own handling; true when the board used it.
    virtual bool key(const KeyInput&) { return false; }
    // True while the board waits for news that does not wake the app (a command's
    // result): the app then draws frames at a short interval instead of sleeping.
    virtual bool waiting() const { return false; }
};

}  // namespace widgets

// The triage board's panel for hub sync conflicts (core::SyncConflict): every open
// conflict, the chosen one with both sides, and its two resolutions: "keep mine"
// re-applies this board's edit on the hub's current row, "take theirs" drops it. Each
// is one core::ResolveConflict for the writer thread, submitted and polled as the
// triage forms do (widgets/pending_command): "Saving…", then "Saved" or the refusal.
// The conflict leaves the list with the next snapshot.
//
// Keys: ↑/↓ choose a conflict, 1 keep mine, 2 take theirs, Esc close.
#pragma once

#include <cstdint>
#include <string>

#include "widgets/board.hpp"
#include "widgets/pending_command.hpp"

namespace widgets {

class ConflictPanel {
  public:
    void open(const core::Snapshot& snapshot);
    void close();
    bool is_open() const { return open_; }
    bool waiting() const { return pending_.waiting(); }
    // The conflict the keys act on; 0 when none is left.
    int64_t chosen() const { return chosen_; }

    // One key press (the board hands them over while drawing, in order).
    void handle(const KeyInput& key, const core::Snapshot& snapshot, const BoardContext& context);
    // Draws the panel into the current window, across its width.
    void draw(const core::Snapshot& snapshot, const BoardContext& context);

  private:
    // The chosen conflict's place in the snapshot's list, choosing the first when the
    // chosen one has gone; -1 when there are none.
    int follow(const core::Snapshot& snapshot);
    void resolve(bool keep_mine, const BoardContext& context);

    bool open_ = false;
    int64_t chosen_ = 0;  // by id: the list shifts as conflicts are resolved
    bool reveal_ = false;
    PendingCommand pending_;
    std::string result_;
    bool result_ok_ = false;
};

}  // namespace widgets

// Pulls the hub's changes into the local store: per table, in dependency order, every
// row whose change number is past the table's local cursor, in batches of one SQLite
// transaction each that also moves the cursor on. All batches of one pull read the
// same hub snapshot up to its highest change number, so a row and the rows it refers
// to always arrive together; a pull cut off half-way resumes where its last committed
// batch ended, and a row that arrives twice is an unchanged upsert.
#pragma once

#include <cstddef>
#include <functional>
#include <pqxx/connection>
#include <string>

namespace db {
class Store;
}

namespace db::hub {

struct PullOptions {
    // Each batch is one local commit, and commits (fsync) dominate a large pull: 50k
    // rows a batch pulled 1.2M rows about three times faster than 5k did, for a few MB
    // of result held at once.
    size_t batch_rows = 50000;
    // Called after each committed batch with the rows pulled so far (tests stop the
    // hub from here to cut a pull off in the middle).
    std::function<void(size_t)> after_batch;
    // Checked between batches: a stopping writer does not finish a long pull.
    std::function<bool()> should_stop;
};

struct PullResult {
    size_t rows = 0;     // rows read from the hub
    size_t changed = 0;  // local rows inserted or updated
};

// Throws (pqxx or HubError; sort with current_hub_error()) when the hub fails:
// batches committed before that stay committed.
PullResult pull_changes(pqxx::connection& connection, Store& store, const std::string& hub_id,
                        const PullOptions& options);

}  // namespace db::hub

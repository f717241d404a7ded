// Keeps the process's resident memory near what it uses. Building a snapshot of 100k
// pupils allocates and frees tens of megabytes of temporaries (the store's rows on their
// way into packed tables, the rules engine, the superseded snapshot); glibc keeps freed
// memory in its arenas, so without this a wall display's resident memory would stay at
// its peak all day.
#pragma once

namespace db {

// Once, at start-up: fixed allocator thresholds. By default glibc raises its mmap and
// trim thresholds each time a large block is freed (up to 32 and 64 MB), after which
// the snapshot's large vectors come from a thread's arena whose free top is never handed
// back, not even by malloc_trim.
void configure_allocator();

// After each snapshot is published and when the UI lets go of an old one: hands freed
// pages back to the system.
void release_free_memory();

}  // namespace db

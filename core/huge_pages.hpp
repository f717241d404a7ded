// A hint that a large buffer about to be filled be backed by 2 MB pages (Linux
// transparent huge pages, which kiosks run in "madvise" mode). Why: the writer hands
// freed memory back after every snapshot (db/sync/release_memory.cpp), so an
// incremental snapshot's copies of the packed tables land in fresh mappings, and
// faulting 16 MB in 4 KB at a time cost more than the copying (measured: a 16 MB copy
// into fresh memory 35 ms, 3 ms with the hint, on the 2-core bench machine under load).
// Only whole 2 MB pages inside the buffer are hinted; elsewhere, or where the kernel
// says no, nothing changes.
#pragma once

#include <cstddef>
#include <vector>

namespace core {

void prefer_huge_pages(const void* data, size_t bytes);

// For a vector's storage: call after reserve() and before filling it.
template <class T>
void prefer_huge_pages(const std::vector<T>& v) {
    prefer_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace core

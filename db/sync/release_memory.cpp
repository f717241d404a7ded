#include "db/sync/release_memory.hpp"

#include <malloc.h>  // glibc: mallopt, malloc_trim

namespace db {

void configure_allocator() {
    // Blocks of 1 MB and more get their own mapping, returned whole when freed; an
    // arena's free top is handed back once it exceeds 4 MB.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 4 << 20);
}

void release_free_memory() {
    malloc_trim(0);
}

}  // namespace db
